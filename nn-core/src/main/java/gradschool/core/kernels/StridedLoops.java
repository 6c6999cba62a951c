package gradschool.core.kernels;

import java.util.function.DoubleBinaryOperator;

/**
 * Loops over strided (possibly non-contiguous or broadcast) layouts.
 *
 * <p>A layout is a {@code double[]}, an offset, the dimensions and one stride per dimension: element
 * {@code (i0, i1, …)} is at {@code data[offset + i0·strides[0] + i1·strides[1] + …]}.
 *
 * <p>Each loop walks the elements in row-major order with an "odometer": an index per dimension,
 * the last one turning fastest. Instead of recomputing {@code offset + Σ index·stride} for every
 * element, each step adds the stride of the dimension that turned and, when a dimension wraps
 * around, subtracts what it had added. The contiguous same-shape case never comes here: it is a
 * plain flat loop ({@link ElementwiseKernels#binary}).
 */
public final class StridedLoops {

    private StridedLoops() {
    }

    /**
     * Tells whether the dimensions from {@code from} on lie in row-major order with no gaps: the last
     * has stride 1 and each other one the product of the sizes after it (a dimension of size 1 may
     * have any stride). An empty layout (a dimension of size 0) counts as contiguous.
     *
     * @param dims the dimensions
     * @param strides one stride per dimension
     * @param from the first dimension to look at
     * @return true if contiguous
     */
    public static boolean isContiguous(int[] dims, int[] strides, int from) {
        int expected = 1;
        boolean empty = false;
        boolean contiguous = true;
        for (int d = dims.length - 1; d >= from; d--) {
            if (dims[d] != 1 && strides[d] != expected) {
                contiguous = false;
            }
            empty |= dims[d] == 0;
            expected *= dims[d];
        }
        return contiguous || empty;
    }

    /**
     * Copies {@code dims}-shaped elements from one strided layout to another.
     *
     * @param source the data to read
     * @param sourceOffset where its element {@code (0, 0, …)} is
     * @param sourceStrides its strides
     * @param dims the dimensions of both layouts
     * @param target the data to write
     * @param targetOffset where its element {@code (0, 0, …)} is
     * @param targetStrides its strides
     */
    public static void copy(double[] source, int sourceOffset, int[] sourceStrides, int[] dims,
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

    /**
     * Sets every element of a strided layout to a value.
     *
     * @param target the data to write
     * @param offset where its element {@code (0, 0, …)} is
     * @param strides its strides
     * @param dims its dimensions
     * @param value the value
     */
    public static void fill(double[] target, int offset, int[] strides, int[] dims, double value) {
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

    /**
     * Computes {@code out = function(a, b)} over the shape {@code dims}, out being contiguous: the
     * reference loop for every element-wise op on two operands.
     *
     * @param aData the left operand's data
     * @param aOffset where its element {@code (0, 0, …)} is
     * @param aStrides its strides, broadcast to {@code dims} (0 along a stretched dimension)
     * @param bData the right operand's data
     * @param bOffset where its element {@code (0, 0, …)} is
     * @param bStrides its strides, broadcast to {@code dims}
     * @param dims the shape of the result
     * @param out the result, contiguous (overwritten)
     * @param function the op on two numbers
     */
    public static void binary(double[] aData, int aOffset, int[] aStrides, double[] bData, int bOffset,
                              int[] bStrides, int[] dims, double[] out, DoubleBinaryOperator function) {
        int rank = dims.length;
        int[] index = new int[rank];
        int ai = aOffset;
        int bi = bOffset;
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
     *
     * @param data the data to read
     * @param offset where element {@code (0, 0, …)} is
     * @param outerDims the dimensions other than the reduced one
     * @param outerStrides their strides
     * @param laneStride the stride of the reduced dimension
     * @param laneLength the size of the reduced dimension
     * @param out one result per lane, in row-major order of the outer dimensions
     * @param reducer the reduction
     */
    public static void reduceLanes(double[] data, int offset, int[] outerDims, int[] outerStrides,
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

    /**
     * Copies {@code count} elements {@code stride} apart, from {@code source[from]} on, into
     * {@code target[to …]} side by side: one {@code System.arraycopy} when they already are
     * ({@code stride == 1}). The matmul kernels copy rows of B with it.
     */
    static void gather(double[] source, int from, int stride, double[] target, int to, int count) {
        if (stride == 1) {
            System.arraycopy(source, from, target, to, count);
        } else {
            for (int j = 0; j < count; j++) {
                target[to + j] = source[from + j * stride];
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
