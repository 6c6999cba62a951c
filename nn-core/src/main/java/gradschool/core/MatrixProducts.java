package gradschool.core;

import static com.google.common.base.Preconditions.checkArgument;

import gradschool.core.kernels.MatMulKernels;
import java.util.Arrays;

/**
 * numpy's {@code @} for {@link Tensor#matmul}: the shape rules (vectors, batches that broadcast), then
 * one {@link MatMulKernels#multiplyStrided} call per matrix of the batch.
 */
final class MatrixProducts {

    private MatrixProducts() {
    }

    /** The matrix product of {@code left} and {@code right} with numpy's {@code @} semantics. */
    static Tensor matmul(Tensor left, Tensor right) {
        checkArgument(left.rank() != 0 && right.rank() != 0, "matmul: cannot multiply %s by %s: both operands need"
                + " at least one dimension (use mul for scalars)", left.shape(), right.shape());
        Tensor a = left.rank() == 1 ? left.unsqueeze(0) : left;
        Tensor b = right.rank() == 1 ? right.unsqueeze(1) : right;
        int m = a.dim(-2);
        int k = a.dim(-1);
        int n = b.dim(-1);
        if (b.dim(-2) != k) {
            throw new IllegalArgumentException("matmul: cannot multiply " + left.shape() + " by " + right.shape()
                    + ": inner dimensions " + k + " and " + b.dim(-2) + " differ");
        }
        Shape batch;
        Shape aBatch = Shape.of(Arrays.copyOf(a.shape().toArray(), a.rank() - 2));
        Shape bBatch = Shape.of(Arrays.copyOf(b.shape().toArray(), b.rank() - 2));
        try {
            batch = Shape.broadcast(aBatch, bBatch);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matmul: cannot multiply " + left.shape() + " by " + right.shape()
                    + ": batch dimensions " + aBatch + " and " + bBatch + " do not broadcast", e);
        }
        Shape outShape = withMatrix(batch, m, n);
        double[] out = new double[outShape.size()];
        // Read both operands through their strides — a transposed or sliced view is not copied — and
        // walk the batch with the broadcast strides (0 along a broadcast batch dimension).
        Tensor aView = a.broadcastTo(withMatrix(batch, m, k));
        Tensor bView = b.broadcastTo(withMatrix(batch, k, n));
        int[] aStrides = aView.strides();
        int[] bStrides = bView.strides();
        int r = batch.rank();
        int[] batchDims = batch.toArray();
        int foldedRowStride = foldedRowStride(aStrides, bStrides, batchDims, m, k, n);
        if (foldedRowStride >= 0) {
            // One matrix B for the whole batch (x·Wᵀ with x of shape (B, T, in)): the batch's matrices of A
            // are consecutive rows of one (batch·m × k) matrix, so one product computes them all — B is
            // read (and, by the kernel, packed or transposed) once instead of once per matrix.
            MatMulKernels.multiplyStrided(batch.size() * m, k, n,
                    aView.storage(), aView.offset(), foldedRowStride, aStrides[r + 1],
                    bView.storage(), bView.offset(), bStrides[r], bStrides[r + 1],
                    out, 0);
            return squeezeVectors(new Tensor(out, outShape), left, right);
        }
        int[] batchIndex = new int[r];
        for (int i = 0; i < batch.size(); i++) {
            int aOffset = aView.offset();
            int bOffset = bView.offset();
            for (int d = 0; d < r; d++) {
                aOffset += batchIndex[d] * aStrides[d];
                bOffset += batchIndex[d] * bStrides[d];
            }
            MatMulKernels.multiplyStrided(m, k, n,
                    aView.storage(), aOffset, aStrides[r], aStrides[r + 1],
                    bView.storage(), bOffset, bStrides[r], bStrides[r + 1],
                    out, i * m * n);
            for (int d = r - 1; d >= 0; d--) { // next batch index, last dimension fastest
                if (++batchIndex[d] < batchDims[d]) {
                    break;
                }
                batchIndex[d] = 0;
            }
        }
        return squeezeVectors(new Tensor(out, outShape), left, right);
    }

    /** Removes the dimension a 1-D operand was given for the product (numpy's rule). */
    private static Tensor squeezeVectors(Tensor result, Tensor left, Tensor right) {
        if (left.rank() == 1) {
            result = result.squeeze(-2);
        }
        if (right.rank() == 1) {
            result = result.squeeze(-1);
        }
        return result;
    }

    /**
     * Returns the row stride of A's batch of matrices seen as one {@code (batch·m) × k} matrix, or −1 if
     * the batch cannot be folded into rows that way: B must be the same matrix for every batch index (its
     * batch strides are 0, as for a weight broadcast over a batch of inputs), and A's batch and row
     * dimensions must step through memory by one common stride (a contiguous or row-sliced batch).
     *
     * <p>The folded product computes every element with the same chain of fused multiply-adds as the
     * per-matrix products, so the result has the same bits — as long as the per-matrix products were
     * big enough not to take the naive loop ({@link MatMulKernels#takesNaiveLoop}), which rounds differently;
     * smaller ones are not folded.
     */
    static int foldedRowStride(int[] aStrides, int[] bStrides, int[] batchDims, int m, int k, int n) {
        int r = batchDims.length;
        if (r == 0 || MatMulKernels.takesNaiveLoop(m, k, n)) {
            return -1;
        }
        long batchSize = 1;
        for (int d = 0; d < r; d++) {
            if (batchDims[d] != 1 && bStrides[d] != 0) {
                return -1;
            }
            batchSize *= batchDims[d];
        }
        if (batchSize <= 1 || batchSize * m > Integer.MAX_VALUE) {
            return -1;
        }
        // Walk the dimensions (batch…, rows) from the innermost outwards: each one of size > 1 must step
        // by the row stride times the number of rows inside it.
        long rowStride = -1;
        long rowsInside = 1;
        for (int d = r; d >= 0; d--) {
            int size = d == r ? m : batchDims[d];
            if (size == 1) {
                continue;
            }
            if (rowStride < 0) {
                rowStride = aStrides[d];
            } else if (aStrides[d] != rowStride * rowsInside) {
                return -1;
            }
            rowsInside *= size;
        }
        return rowStride > Integer.MAX_VALUE ? -1 : (int) rowStride;
    }

    /** The batch dimensions followed by {@code (rows, cols)}. */
    private static Shape withMatrix(Shape batch, int rows, int cols) {
        int[] dims = Arrays.copyOf(batch.toArray(), batch.rank() + 2);
        dims[batch.rank()] = rows;
        dims[batch.rank() + 1] = cols;
        return Shape.of(dims);
    }
}
