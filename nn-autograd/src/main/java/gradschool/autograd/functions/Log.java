package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Natural logarithm: {@code y = ln x}.
 *
 * <p>Derivative: {@code dy/dx = 1/x}, so {@code dL/dx = g/x}. Saves the input. Shape: unchanged.
 */
public final class Log extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].log();
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.div(input(0)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = ln x", "g / x");
    }
}
