package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Element-wise multiplication with broadcasting: {@code y = a · b}.
 *
 * <p>Derivative: {@code dy/da = b}, {@code dy/db = a}, so {@code dL/da = g·b} and {@code dL/db = g·a}.
 * Saves the inputs (they are the function's inputs). Shape: the broadcast of the two.
 */
public final class Mul extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].mul(x[1]);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(needsGrad(0) ? gradOutput.mul(input(1)) : null,
                needsGrad(1) ? gradOutput.mul(input(0)) : null);
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.binary("y = a ⊙ b", "g ⊙ b", "g ⊙ a").broadcasting();
    }
}
