package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Subtraction with broadcasting: {@code y = a - b}.
 *
 * <p>Derivative: {@code dL/da = g}, {@code dL/db = -g}. Saves nothing. Shape: the broadcast of the two.
 */
public final class Sub extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].sub(x[1]);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput, needsGrad(1) ? gradOutput.neg() : null);
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.binary("y = a − b", "g", "−g").broadcasting();
    }
}
