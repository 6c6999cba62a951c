package gradschool.core;

import static com.google.common.base.Preconditions.checkArgument;

import gradschool.core.kernels.LaneReducer;
import gradschool.core.kernels.StridedLoops;

/**
 * Reductions for {@link Tensor}: over all elements, or along one dimension. The rule of each (sum,
 * mean, max, argmax, variance, logSumExp, …) is a {@link LaneReducer}; this class finds the lanes.
 */
final class Reductions {

    private Reductions() {
    }

    /** Reduces every element of {@code t} to a scalar. */
    static Tensor all(Tensor t, String op, LaneReducer reducer) {
        checkArgument(t.size() != 0 || !reducer.needsElements(), "%s: cannot reduce an empty tensor of shape %s",
                op, t.shape());
        boolean contiguous = t.isContiguous();
        double[] data = contiguous ? t.storage() : t.contiguousData();
        int start = contiguous ? t.offset() : 0;
        return Tensor.of(reducer.reduce(data, start, 1, t.size()));
    }

    /** Reduces {@code t} along one dimension, keeping it with size 1 if asked. */
    static Tensor along(Tensor t, String op, int axis, boolean keepDims, LaneReducer reducer) {
        Shape shape = t.shape();
        checkArgument(t.rank() != 0, "%s: a scalar has no axis %s to reduce over", op, axis);
        int a = Axes.normalize(op, shape, axis);
        checkArgument(shape.dim(a) != 0 || !reducer.needsElements(),
                "%s: cannot reduce over axis %s of size 0 in shape %s", op, axis, shape);
        int[] strides = t.strides();
        int[] outerDims = Axes.remove(shape.toArray(), a);
        int[] outerStrides = Axes.remove(strides, a);
        double[] out = new double[Shape.of(outerDims).size()];
        StridedLoops.reduceLanes(t.storage(), t.offset(), outerDims, outerStrides, strides[a], shape.dim(a), out,
                reducer);
        Shape outShape = keepDims ? Shape.of(Axes.insert(outerDims, a, 1)) : Shape.of(outerDims);
        return new Tensor(out, outShape);
    }

    /** Sums {@code t} down to a shape that broadcasts to it: the inverse of broadcasting. */
    static Tensor sumToShape(Tensor t, Shape target) {
        if (t.shape().equals(target)) {
            return t;
        }
        checkArgument(target.broadcastsTo(t.shape()), "sumToShape: cannot sum %s down to %s: the target must"
                + " broadcast to the source shape", t.shape(), target);
        Tensor result = t;
        int lead = t.rank() - target.rank();
        for (int i = 0; i < lead; i++) {
            result = result.sum(0, false);
        }
        for (int i = 0; i < target.rank(); i++) {
            if (target.dim(i) == 1 && result.dim(i) != 1) {
                result = result.sum(i, true);
            }
        }
        return result.reshape(target);
    }
}
