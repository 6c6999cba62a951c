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
        Tensor result = new Tensor(out, outShape);
        if (left.rank() == 1) {
            result = result.squeeze(-2);
        }
        if (right.rank() == 1) {
            result = result.squeeze(-1);
        }
        return result;
    }

    /** The batch dimensions followed by {@code (rows, cols)}. */
    private static Shape withMatrix(Shape batch, int rows, int cols) {
        int[] dims = Arrays.copyOf(batch.toArray(), batch.rank() + 2);
        dims[batch.rank()] = rows;
        dims[batch.rank() + 1] = cols;
        return Shape.of(dims);
    }
}
