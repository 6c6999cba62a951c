package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Sine: {@code y = sin x}, with {@code x} in radians.
 *
 * <p>Derivative: {@code dy/dx = cos x}, so {@code dL/dx = g·cos x}. Saves the input. Shape: unchanged.
 * The rule is written with {@link Variable#cos()}, so a recorded backward pass can be differentiated
 * again ({@code d²(sin x)/dx² = −sin x}).
 */
public final class Sin extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].sin();
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.mul(input(0).cos()));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = sin x", "g ⊙ cos x");
    }
}
