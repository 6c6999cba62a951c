package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Element-wise minimum with broadcasting: {@code y = min(a, b)}.
 *
 * <p>Derivative: the gradient goes to whichever input is smaller; where they tie it is split evenly
 * ({@code g/2} each). So {@code dL/da = g·w}, {@code dL/db = g·(1 - w)} with {@code w = [a < b] + ½[a = b]}.
 * Saves {@code w}. Shape: the broadcast of the two.
 */
public final class Minimum extends Function {

    private Tensor weightA;

    @Override
    protected Tensor forward(Tensor... x) {
        weightA = x[0].lt(x[1]).add(x[0].eq(x[1]).mul(0.5));
        return x[0].minimum(x[1]);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.mul(Variable.constant(weightA)), gradOutput.mul(Variable.constant(weightA.neg().add(1.0))));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.binary("y = min(a, b)", "g ⊙ ([a < b] + ½[a = b])", "g ⊙ ([a > b] + ½[a = b])")
                .withNote("ties split g evenly").broadcasting();
    }
}
