package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.core.Tensor;

/**
 * Minimum over all elements or along one axis: {@code y = min_i x_i}.
 *
 * <p>Derivative: the gradient goes to the element that is the minimum; when several tie, it is
 * split evenly among them: {@code dL/dx_i = g·[x_i = y] / (number of ties)} (see
 * {@link TieSplittingReduction}). Saves that weight tensor. Shape: as {@link Sum}.
 */
public final class Min extends TieSplittingReduction {

    /** Makes a minimum over every element. */
    public Min() {
        super(ALL, false);
    }

    /**
     * Makes a minimum along one axis.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     */
    public Min(int axis, boolean keepDims) {
        super(axis, keepDims);
    }

    @Override
    Tensor extreme(Tensor input) {
        return overAll() ? input.min() : input.min(axis, keepDims);
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = min(x)", "g ⊙ [x = y] / (number of ties)");
    }
}
