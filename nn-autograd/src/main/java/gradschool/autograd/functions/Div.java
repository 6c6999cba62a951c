package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Element-wise division with broadcasting: {@code y = a / b}.
 *
 * <p>Derivative: {@code dy/da = 1/b}, {@code dy/db = -a/b²}, so {@code dL/da = g/b} and
 * {@code dL/db = -g·a/b²}. Saves the inputs. Shape: the broadcast of the two.
 */
public final class Div extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].div(x[1]);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable a = input(0);
        Variable b = input(1);
        return grads(needsGrad(0) ? gradOutput.div(b) : null,
                needsGrad(1) ? gradOutput.mul(a).div(b.mul(b)).neg() : null);
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.binary("y = a / b", "g / b", "−g ⊙ a / b²").broadcasting();
    }
}
