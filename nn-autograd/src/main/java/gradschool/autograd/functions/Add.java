package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Addition with broadcasting: {@code y = a + b}.
 *
 * <p>Derivative: {@code dy/da = 1}, {@code dy/db = 1}, so {@code dL/da = g} and {@code dL/db = g}
 * (summed back to each input's shape where it was broadcast). Saves nothing. Shape: the broadcast of
 * the two shapes.
 */
public final class Add extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].add(x[1]);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput, gradOutput);
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.binary("y = a + b", "g", "g").broadcasting();
    }
}
