package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Negation: {@code y = -x}.
 *
 * <p>Derivative: {@code dy/dx = -1}, so {@code dL/dx = -g}. Saves nothing. Shape: unchanged.
 */
public final class Neg extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].neg();
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.neg());
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = −x", "−g");
    }
}
