package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Power with a constant exponent: {@code y = x^p}.
 *
 * <p>Derivative: {@code dy/dx = p·x^(p-1)}, so {@code dL/dx = g·p·x^(p-1)}. Saves the input and
 * {@code p}. Shape: unchanged.
 */
public final class PowScalar extends Function {

    private final double exponent;

    /**
     * Makes the op for one exponent.
     *
     * @param exponent the constant {@code p}
     */
    public PowScalar(double exponent) {
        this.exponent = exponent;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].pow(exponent);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        if (exponent == 0) {
            return grads(gradOutput.mul(0.0));
        }
        return grads(gradOutput.mul(input(0).pow(exponent - 1)).mul(exponent));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = x^p", "g ⊙ p·x^(p−1)").withNote("p is a constant; the gradient is 0 when p = 0");
    }

    @Override
    public String toString() {
        return "PowScalar(" + exponent + ")";
    }
}
