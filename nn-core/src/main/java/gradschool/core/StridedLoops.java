package gradschool.core;

import java.util.function.DoubleBinaryOperator;

/**
 * Loops over strided (possibly non-contiguous or broadcast) layouts.
 *
 * <p>Each loop walks the elements in row-major order with an "odometer": an index per dimension,
 * the last one turning fastest. Instead of recomputing {@code offset + Σ index·stride} for every
 * element, each step adds the stride of the dimension that turned and, when a dimension wraps
 * around, subtracts what it had added. The contiguous same-shape case never comes here: it is a
 * plain flat loop in {@link Tensor}.
 */
final class StridedLoops {

    private StridedLoops() {
    }

    /** Copies {@code dims}-shaped elements from one strided layout to another. */
    static void copy(double[] source, int sourceOffset, int[] sourceStrides, int[] dims,
                     double[] target, int targetOffset, int[] targetStrides) {
        int count = product(dims);
        int rank = dims.length;
        int[] index = new int[rank];
        int s = sourceOffset;
        int t = targetOffset;
        for (int i = 0; i < count; i++) {
            target[t] = source[s];
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                s += sourceStrides[d];
                t += targetStrides[d];
                if (index[d] < dims[d]) {
                    break;
                }
                s -= sourceStrides[d] * dims[d];
                t -= targetStrides[d] * dims[d];
                index[d] = 0;
            }
        }
    }

    /** Sets every element of a strided layout to a value. */
    static void fill(double[] target, int offset, int[] strides, int[] dims, double value) {
        int count = product(dims);
        int rank = dims.length;
        int[] index = new int[rank];
        int t = offset;
        for (int i = 0; i < count; i++) {
            target[t] = value;
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                t += strides[d];
                if (index[d] < dims[d]) {
                    break;
                }
                t -= strides[d] * dims[d];
                index[d] = 0;
            }
        }
    }

    /** Computes {@code out = function(a, b)} over the broadcast shape, out being contiguous. */
    static void binary(Tensor a, Tensor b, Shape outShape, double[] out, DoubleBinaryOperator function) {
        int[] dims = outShape.toArray();
        int rank = dims.length;
        int[] aStrides = a.broadcastStrides(outShape);
        int[] bStrides = b.broadcastStrides(outShape);
        double[] aData = a.storage();
        double[] bData = b.storage();
        int[] index = new int[rank];
        int ai = a.offset();
        int bi = b.offset();
        for (int i = 0; i < out.length; i++) {
            out[i] = function.applyAsDouble(aData[ai], bData[bi]);
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                ai += aStrides[d];
                bi += bStrides[d];
                if (index[d] < dims[d]) {
                    break;
                }
                ai -= aStrides[d] * dims[d];
                bi -= bStrides[d] * dims[d];
                index[d] = 0;
            }
        }
    }

    /**
     * Reduces each "lane" — the elements along one axis — to one number. The lanes are enumerated by
     * the odometer over the other ({@code outer}) dimensions; results go to {@code out} in row-major order.
     */
    static void reduceLanes(double[] data, int offset, int[] outerDims, int[] outerStrides,
                            int laneStride, int laneLength, double[] out, LaneReducer reducer) {
        int rank = outerDims.length;
        int[] index = new int[rank];
        int start = offset;
        for (int i = 0; i < out.length; i++) {
            out[i] = reducer.reduce(data, start, laneStride, laneLength);
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                start += outerStrides[d];
                if (index[d] < outerDims[d]) {
                    break;
                }
                start -= outerStrides[d] * outerDims[d];
                index[d] = 0;
            }
        }
    }

    private static int product(int[] dims) {
        int count = 1;
        for (int d : dims) {
            count *= d;
        }
        return count;
    }
}
