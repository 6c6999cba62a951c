package gradschool.autograd.functions;

import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Leaky ReLU: {@code y = x} where {@code x > 0}, {@code y = s·x} elsewhere.
 *
 * <p>Derivative: {@code 1} where {@code x > 0}, {@code s} where {@code x <= 0}; so
 * {@code dL/dx = g·(1 or s)}. Saves that slope tensor. Shape: unchanged.
 */
public final class LeakyRelu extends Function {

    private final double slope;
    private Tensor slopes;

    /**
     * Makes the op for one negative slope.
     *
     * @param slope {@code s}, e.g. 0.01
     */
    public LeakyRelu(double slope) {
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
    public String derivativeRule() {
        return "leakyRelu'(x) = 1 if x > 0 else " + slope;
    }

    @Override
    public String toString() {
        return "LeakyRelu(" + slope + ")";
    }
}
