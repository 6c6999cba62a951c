package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Cosine: {@code y = cos x}, with {@code x} in radians.
 *
 * <p>Derivative: {@code dy/dx = −sin x}, so {@code dL/dx = −g·sin x}. Saves the input. Shape:
 * unchanged. The rule is written with {@link Variable#sin()}, so a recorded backward pass can be
 * differentiated again ({@code d²(cos x)/dx² = −cos x}).
 */
public final class Cos extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].cos();
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.mul(input(0).sin()).neg());
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = cos x", "−g ⊙ sin x");
    }
}
