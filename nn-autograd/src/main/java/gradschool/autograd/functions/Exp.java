package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Exponential: {@code y = e^x}.
 *
 * <p>Derivative: {@code dy/dx = e^x = y}, so {@code dL/dx = g·y}. Saves the output. Shape: unchanged.
 */
public final class Exp extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].exp();
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.mul(output()));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = e^x", "g ⊙ y");
    }
}
