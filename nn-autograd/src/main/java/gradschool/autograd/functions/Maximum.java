package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Element-wise maximum with broadcasting: {@code y = max(a, b)}.
 *
 * <p>Derivative: the gradient goes to whichever input is larger; where they tie it is split evenly
 * ({@code g/2} each). So {@code dL/da = g·w}, {@code dL/db = g·(1 - w)} with {@code w = [a > b] + ½[a = b]}.
 * Saves {@code w}. Shape: the broadcast of the two.
 */
public final class Maximum extends Function {

    private Tensor weightA;

    @Override
    protected Tensor forward(Tensor... x) {
        weightA = x[0].gt(x[1]).add(x[0].eq(x[1]).mul(0.5));
        return x[0].maximum(x[1]);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.mul(Variable.constant(weightA)), gradOutput.mul(Variable.constant(weightA.neg().add(1.0))));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.binary("y = max(a, b)", "g ⊙ ([a > b] + ½[a = b])", "g ⊙ ([a < b] + ½[a = b])")
                .withNote("ties split g evenly").broadcasting();
    }
}
