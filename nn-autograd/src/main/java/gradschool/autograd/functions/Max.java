package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.core.Tensor;

/**
 * Maximum over all elements or along one axis: {@code y = max_i x_i}.
 *
 * <p>Derivative: the gradient goes to the element that is the maximum; when several tie, it is
 * split evenly among them: {@code dL/dx_i = g·[x_i = y] / (number of ties)} (see
 * {@link TieSplittingReduction}). Saves that weight tensor. Shape: as {@link Sum}.
 */
public final class Max extends TieSplittingReduction {

    /** Makes a maximum over every element. */
    public Max() {
        super(ALL, false);
    }

    /**
     * Makes a maximum along one axis.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     */
    public Max(int axis, boolean keepDims) {
        super(axis, keepDims);
    }

    @Override
    Tensor extreme(Tensor input) {
        return overAll() ? input.max() : input.max(axis, keepDims);
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = max(x)", "g ⊙ [x = y] / (number of ties)");
    }
}
