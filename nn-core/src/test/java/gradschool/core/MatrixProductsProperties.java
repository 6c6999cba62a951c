package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A batch of matrices times one matrix ({@code x·Wᵀ} with {@code x} of shape {@code (B, T, in)}) is
 * computed as one product of {@code B·T} rows: the same bits as multiplying each matrix of the batch on
 * its own, for contiguous, sliced and transposed operands.
 */
class MatrixProductsProperties {

    @Property(tries = 60, seed = "20261201")
    void aBatchTimesOneMatrixHasTheBitsOfThePerMatrixProducts(@ForAll @IntRange(min = 1, max = 5) int batch,
                                                               @ForAll @IntRange(min = 1, max = 9) int rows,
                                                               @ForAll @IntRange(min = 1, max = 40) int depth,
                                                               @ForAll @IntRange(min = 1, max = 40) int columns,
                                                               @ForAll @IntRange(min = 0, max = 2) int layout,
                                                               @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Tensor x = Tensor.randn(Shape.of(batch, rows + 1, depth), seed);
        x = layout == 1 ? x.slice(1, 1, rows + 1) : x.slice(1, 0, rows);   // a view with a gap between matrices
        if (layout == 2) {
            x = Tensor.randn(Shape.of(batch, rows, depth), seed).contiguous();
        }
        Tensor weight = Tensor.randn(Shape.of(columns, depth), seed + 1);
        Tensor wT = weight.transpose();

        Tensor product = x.matmul(wT);

        List<Tensor> perMatrix = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            perMatrix.add(x.select(0, i).matmul(wT));
        }
        assertThat(product.toDoubleArray()).containsExactly(Tensor.stack(perMatrix, 0).toDoubleArray());
    }

    @Test
    void foldsABatchOfRowsAgainstOneMatrixOnly() {
        int[] contiguousA = {4 * 48, 48, 1};     // x: (32, 4, 48) contiguous
        int[] broadcastB = {0, 1, 48};           // Wᵀ broadcast over the batch
        int[] batch = {32};
        assertThat(MatrixProducts.foldedRowStride(contiguousA, broadcastB, batch, 4, 48, 128)).isEqualTo(48);
        // B differs per batch index: no single matrix to share
        assertThat(MatrixProducts.foldedRowStride(contiguousA, new int[] {48 * 128, 1, 48}, batch, 4, 48, 128))
                .isEqualTo(-1);
        // a gap between the matrices of A (a slice of rows): the rows do not step by one stride
        assertThat(MatrixProducts.foldedRowStride(new int[] {5 * 48, 48, 1}, broadcastB, batch, 4, 48, 128))
                .isEqualTo(-1);
        // one row per matrix: the batch stride is the row stride
        assertThat(MatrixProducts.foldedRowStride(new int[] {96, 48, 1}, broadcastB, batch, 1, 48, 128))
                .isEqualTo(96);
        // products the naive loop computes are left alone (it rounds differently from the folded kernel)
        assertThat(MatrixProducts.foldedRowStride(new int[] {8, 2, 1}, new int[] {0, 1, 2}, batch, 4, 2, 2))
                .isEqualTo(-1);
    }
}
