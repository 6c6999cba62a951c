package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Square root: {@code y = √x}.
 *
 * <p>Derivative: {@code dy/dx = 1/(2√x) = 1/(2y)}, so {@code dL/dx = g/(2y)}. Saves the output.
 * Shape: unchanged.
 */
public final class Sqrt extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].sqrt();
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.div(output().mul(2.0)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = √x", "g / (2·y)");
    }
}
