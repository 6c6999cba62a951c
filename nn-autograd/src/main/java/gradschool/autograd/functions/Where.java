package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Element-wise choice by a constant mask: {@code y = mask ? a : b}, like {@code np.where}.
 *
 * <p>Derivative: {@code dL/da = g·[mask]}, {@code dL/db = g·[not mask]}; the mask is data and gets no
 * gradient. Saves the 0/1 mask. Shape: the broadcast of mask, a and b.
 */
public final class Where extends Function {

    private final Tensor mask;
    private Tensor chooseA;

    /**
     * Makes the op for one mask.
     *
     * @param mask non-zero where the first input is chosen
     */
    public Where(Tensor mask) {
        this.mask = mask;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        chooseA = mask.ne(Tensor.of(0.0));
        return Tensor.where(mask, x[0], x[1]);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable maskA = Variable.constant(chooseA);
        return grads(needsGrad(0) ? gradOutput.mul(maskA) : null,
                needsGrad(1) ? gradOutput.mul(maskA.rsub(1.0)) : null);
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.binary("y = mask ? a : b", "g ⊙ [mask ≠ 0]", "g ⊙ [mask = 0]")
                .withNote("the mask is data and gets no gradient").broadcasting();
    }
}
