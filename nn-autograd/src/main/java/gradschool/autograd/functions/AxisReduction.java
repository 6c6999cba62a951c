package gradschool.autograd.functions;

import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * What reductions share: they work over all elements or along one axis, with or without keepDims,
 * and their backward rules begin by broadcasting {@code g} back to the input's shape.
 */
abstract class AxisReduction extends Function {

    /** Marks a reduction over every element. */
    static final int ALL = Integer.MIN_VALUE;

    final int axis;
    final boolean keepDims;

    AxisReduction(int axis, boolean keepDims) {
        this.axis = axis;
        this.keepDims = keepDims;
    }

    boolean overAll() {
        return axis == ALL;
    }

    /** The number of elements reduced into each output element. */
    int reducedCount(Tensor input) {
        return overAll() ? input.size() : input.dim(axis);
    }

    /**
     * Reshapes a reduced tensor so that it broadcasts against the input: puts the reduced axis back
     * with size 1 (when it was dropped), or makes a scalar from a full reduction broadcastable.
     */
    Tensor keptShape(Tensor reduced, Tensor input) {
        if (overAll()) {
            return reduced;
        }
        return keepDims ? reduced : reduced.unsqueeze(input.shape().normalizeAxis(axis));
    }

    /** The same for a gradient variable, then broadcast to the input's shape. */
    Variable expandBack(Variable gradOutput) {
        Variable input = input(0);
        Variable g = gradOutput;
        if (!overAll() && !keepDims) {
            g = g.unsqueeze(input.shape().normalizeAxis(axis));
        }
        return g.broadcastTo(input.shape());
    }

    String axisText() {
        return overAll() ? "" : "(axis=" + axis + ", keepDims=" + keepDims + ")";
    }

    @Override
    public String toString() {
        return name() + axisText();
    }
}
