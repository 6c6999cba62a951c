package gradschool.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The kernels read strided operands (transposed and sliced views) exactly as if they had been copied
 * to contiguous matrices first.
 */
class MatMulKernelsStridedProperties {

    /** A matrix stored somewhere inside a larger array, in one of three layouts. */
    private static final class Operand {
        final double[] data;
        final int offset;
        final int rowStride;
        final int colStride;
        final double[] contiguous;

        Operand(int rows, int cols, int layout, Random random) {
            contiguous = new double[rows * cols];
            for (int i = 0; i < contiguous.length; i++) {
                contiguous[i] = random.nextGaussian();
            }
            int pad = 3;
            switch (layout) {
                case 0: // row-major at an offset
                    offset = pad;
                    rowStride = cols;
                    colStride = 1;
                    data = new double[pad + rows * cols];
                    break;
                case 1: // the transpose of a row-major (cols × rows) matrix
                    offset = pad;
                    rowStride = 1;
                    colStride = rows;
                    data = new double[pad + rows * cols];
                    break;
                default: // every other column of a wider matrix, every other row: steps of 2
                    offset = pad;
                    rowStride = 4 * cols + 1;
                    colStride = 2;
                    data = new double[pad + Math.max(1, rows) * rowStride];
                    break;
            }
            java.util.Arrays.fill(data, Double.NaN); // any element read by mistake poisons the result
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    data[offset + i * rowStride + j * colStride] = contiguous[i * cols + j];
                }
            }
        }
    }

    @Property(tries = 60)
    void everyKernelReadsStridedOperandsCorrectly(@ForAll @IntRange(min = 0, max = 37) int m,
                                                  @ForAll @IntRange(min = 0, max = 37) int k,
                                                  @ForAll @IntRange(min = 0, max = 37) int n,
                                                  @ForAll @IntRange(min = 0, max = 2) int aLayout,
                                                  @ForAll @IntRange(min = 0, max = 2) int bLayout,
                                                  @ForAll @IntRange(min = 1, max = 2) int threads) {
        Random random = new Random(31L * m + 7L * k + n);
        Operand a = new Operand(m, k, aLayout, random);
        Operand b = new Operand(k, n, bLayout, random);
        double[] expected = new double[m * n];
        MatMulKernels.naive(m, k, n, a.contiguous, 0, b.contiguous, 0, expected, 0);

        double[] front = new double[m * n];
        MatMulKernels.multiplyStrided(m, k, n, a.data, a.offset, a.rowStride, a.colStride,
                b.data, b.offset, b.rowStride, b.colStride, front, 0);
        assertClose(front, expected, k);

        double[] blocked = new double[m * n];
        BlockedMatMul.multiply(m, k, n, a.data, a.offset, a.rowStride, a.colStride,
                b.data, b.offset, b.rowStride, b.colStride, blocked, 0, threads);
        assertClose(blocked, expected, k);
        assertThat(blocked).as("blocked, the fma chain").isEqualTo(fmaChain(m, k, n, a.contiguous, b.contiguous));

        if (MatMulKernels.isVectorApiAvailable()) {
            double[] vectorized = new double[m * n];
            VectorMatMul.multiply(m, k, n, a.data, a.offset, a.rowStride, a.colStride,
                    b.data, b.offset, b.rowStride, b.colStride, vectorized, 0, threads);
            assertClose(vectorized, expected, k);
            double[] chain = fmaChain(m, k, n, a.contiguous, b.contiguous);
            for (VectorMatMul.Tile tile : VectorMatMul.Tile.values()) {
                double[] tiled = new double[m * n];
                VectorMatMul.multiply(m, k, n, a.data, a.offset, a.rowStride, a.colStride,
                        b.data, b.offset, b.rowStride, b.colStride, tiled, 0, threads, tile);
                assertThat(tiled).as("tile %s", tile).isEqualTo(chain);
            }
        }
    }

    /** The chain every fast kernel computes: {@code c = 0; c = fma(a_ip, b_pj, c)} for p = 0, 1, …. */
    static double[] fmaChain(int m, int k, int n, double[] a, double[] b) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[i * k + p], b[p * n + j], sum);
                }
                c[i * n + j] = sum;
            }
        }
        return c;
    }

    private static void assertClose(double[] actual, double[] expected, int k) {
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-12 * Math.max(1, k) * Math.max(1, Math.abs(expected[i]));
            assertThat(Math.abs(actual[i] - expected[i])).as("element %d", i).isLessThanOrEqualTo(tolerance);
        }
    }

    @Test
    void transposedOperandsAcrossDepthAndRowBlocksGiveTheFmaChainInEveryTile() {
        int m = 101;
        int k = 530;   // past the depth block of 512
        int n = 37;
        Random random = new Random(5);
        Operand a = new Operand(m, k, 1, random);   // Aᵀ-like: row stride 1
        Operand b = new Operand(k, n, 1, random);   // Wᵀ-like: row stride 1, column stride k
        double[] chain = fmaChain(m, k, n, a.contiguous, b.contiguous);
        for (VectorMatMul.Tile tile : VectorMatMul.Tile.values()) {
            for (int threads = 1; threads <= 2; threads++) {
                double[] c = new double[m * n];
                VectorMatMul.multiply(m, k, n, a.data, a.offset, a.rowStride, a.colStride,
                        b.data, b.offset, b.rowStride, b.colStride, c, 0, threads, tile);
                assertThat(c).as("tile %s, %s threads", tile, threads).isEqualTo(chain);
            }
        }
    }

    @Test
    void tensorMatmulOfTransposedViewsCopiesNothingAndIsRight() {
        Tensor x = Tensor.randn(Shape.of(64, 300), 1);
        Tensor w = Tensor.randn(Shape.of(128, 300), 2);
        Tensor viaView = x.matmul(w.transpose());
        Tensor viaCopy = x.matmul(w.transpose().copy());
        assertThat(viaView.allClose(viaCopy, 1e-12, 1e-12)).isTrue();
        Tensor g = Tensor.randn(Shape.of(64, 128), 3);
        assertThat(x.transpose().matmul(g).allClose(x.transpose().copy().matmul(g), 1e-12, 1e-12)).isTrue();
    }

    @Test
    void stridedArgumentsAreChecked() {
        assertThatThrownBy(() -> MatMulKernels.multiplyStrided(2, 2, 2, new double[4], 0, 2, 1,
                new double[4], 0, 1, 3, new double[4], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("B is 2×2 with strides (1, 3)").hasMessageContaining("reaches index 4");
        assertThatThrownBy(() -> MatMulKernels.multiplyStrided(2, 2, 2, new double[4], 0, -2, 1,
                new double[4], 0, 2, 1, new double[4], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strides must be >= 0");
        double[] shared = new double[8];
        assertThatThrownBy(() -> MatMulKernels.multiplyStrided(2, 2, 2, shared, 0, 1, 2,
                new double[4], 0, 2, 1, shared, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps A");
    }
}
