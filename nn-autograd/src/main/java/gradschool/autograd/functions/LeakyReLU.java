package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * The LeakyReLU op: {@code y = x} where {@code x > 0}, {@code y = s·x} elsewhere; the layer that
 * applies it is {@code gradschool.nn.LeakyReLU}.
 *
 * <p>Derivative: {@code 1} where {@code x > 0}, {@code s} where {@code x <= 0}; so
 * {@code dL/dx = g·(1 or s)}. Saves that slope tensor. Shape: unchanged.
 */
public final class LeakyReLU extends Function {

    private final double slope;
    private Tensor slopes;

    /**
     * Makes the op for one negative slope.
     *
     * @param slope {@code s}, e.g. 0.01
     */
    public LeakyReLU(double slope) {
        this.slope = slope;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        slopes = x[0].map(v -> v > 0 ? 1.0 : slope);
        return x[0].mul(slopes);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.mul(Variable.constant(slopes)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = x if x > 0, else s·x", "g ⊙ (1 if x > 0, else s)")
                .withNote("s is the negative slope");
    }

    @Override
    public String toString() {
        return "LeakyReLU(" + slope + ")";
    }
}
