package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Element-wise power with a variable exponent and broadcasting: {@code y = a^b}.
 *
 * <p>Derivative: {@code dy/da = b·a^(b-1)} and {@code dy/db = a^b·ln a}. Where {@code a = 0} the
 * exponent's gradient is taken as 0 (the limit of {@code a^b·ln a} for {@code b > 0}), as PyTorch
 * does; for {@code a < 0} it is NaN, since {@code ln a} is undefined. Saves the inputs and the output.
 * Shape: the broadcast of the two.
 */
public final class Pow extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].pow(x[1]);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable a = input(0);
        Variable b = input(1);
        Variable gradA = needsGrad(0) ? gradOutput.mul(b).mul(a.pow(b.sub(1.0))) : null;
        Variable gradB = null;
        if (needsGrad(1)) {
            Tensor zeroBase = a.value().eq(0.0);
            Variable safeLog = Variable.where(zeroBase, Variable.constant(0.0), a).log();
            gradB = Variable.where(zeroBase, Variable.constant(0.0), gradOutput.mul(output()).mul(safeLog));
        }
        return grads(gradA, gradB);
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.binary("y = a^b", "g ⊙ b·a^(b−1)", "g ⊙ y·ln a")
                .withNote("dL/db is taken as 0 where a = 0 (NaN where a < 0)").broadcasting();
    }
}
