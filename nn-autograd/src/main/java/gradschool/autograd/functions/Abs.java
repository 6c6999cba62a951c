package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Absolute value: {@code y = |x|}.
 *
 * <p>Derivative: {@code dy/dx = sign(x)}, taken as 0 at {@code x = 0}; so {@code dL/dx = g·sign(x)}.
 * Saves {@code sign(x)}. Shape: unchanged.
 */
public final class Abs extends Function {

    private Tensor sign;

    @Override
    protected Tensor forward(Tensor... x) {
        sign = x[0].sign();
        return x[0].abs();
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.mul(Variable.constant(sign)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = |x|", "g ⊙ sign(x)").withNote("sign(0) = 0");
    }
}
