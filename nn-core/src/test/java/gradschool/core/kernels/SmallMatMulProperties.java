package gradschool.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The small-product kernel ({@link SmallMatMul}) in the three forms the autograd uses — {@code A·B},
 * {@code Aᵀ·G}, {@code G·Bᵀ} — and with general strides: it computes exactly the chain of fused
 * multiply-adds the packed kernels compute (so the same bits as theirs on any number of threads), it
 * agrees with the naive reference loop up to rounding, and it writes nothing outside C.
 */
class SmallMatMulProperties {

    private static final double SENTINEL = -12345.678;

    /** A matrix stored inside a larger array: row-major (layout 0), transposed (1) or with steps of 2 (2). */
    private static final class Operand {
        final double[] data;
        final int offset = 3;
        final int rowStride;
        final int colStride;
        final double[] contiguous;

        Operand(int rows, int cols, int layout, Random random) {
            contiguous = new double[rows * cols];
            for (int i = 0; i < contiguous.length; i++) {
                contiguous[i] = random.nextGaussian();
            }
            if (layout == 0) {
                rowStride = cols;
                colStride = 1;
            } else if (layout == 1) {
                rowStride = 1;
                colStride = rows;
            } else {
                rowStride = 2 * cols + 1;
                colStride = 2;
            }
            data = new double[offset + Math.max(1, rows) * Math.max(rowStride, colStride * cols) + cols + 1];
            Arrays.fill(data, Double.NaN); // an element read by mistake poisons the result
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    data[offset + i * rowStride + j * colStride] = contiguous[i * cols + j];
                }
            }
        }
    }

    @Property(tries = 200, seed = "15")
    void smallKernelComputesTheFmaChainInEveryLayout(@ForAll @IntRange(min = 4, max = 41) int m,
                                                     @ForAll @IntRange(min = 0, max = 41) int k,
                                                     @ForAll @IntRange(min = 0, max = 45) int extraColumns,
                                                     @ForAll @IntRange(min = 0, max = 2) int aLayout,
                                                     @ForAll @IntRange(min = 0, max = 2) int bLayout) {
        int n = SmallMatMul.LANES + extraColumns;
        Random random = new Random(1009L * m + 31L * k + n);
        Operand a = new Operand(m, k, aLayout, random);
        Operand b = new Operand(k, n, bLayout, random);
        double[] small = runSmall(m, k, n, a, b);
        assertThat(small).isEqualTo(MatMulKernelsStridedProperties.fmaChain(m, k, n, a.contiguous, b.contiguous));

        double[] naive = new double[m * n];
        MatMulKernels.naive(m, k, n, a.contiguous, 0, b.contiguous, 0, naive, 0);
        for (int i = 0; i < naive.length; i++) {
            assertThat(small[i]).as("element %s", i).isCloseTo(naive[i], within(1e-13 * (k + 1) * (1 + Math.abs(naive[i]))));
        }
    }

    @Property(tries = 60, seed = "15")
    void smallKernelGivesTheBitsOfThePackedKernelOnAnyNumberOfThreads(
            @ForAll @IntRange(min = 4, max = 70) int m, @ForAll @IntRange(min = 1, max = 70) int k,
            @ForAll @IntRange(min = 0, max = 60) int extraColumns, @ForAll @IntRange(min = 0, max = 2) int form) {
        int n = SmallMatMul.LANES + extraColumns;
        Random random = new Random(7L * m + k + 13L * n);
        // form 0: A·B; form 1: Aᵀ·G (A stored transposed); form 2: G·Bᵀ (B stored transposed)
        Operand a = new Operand(m, k, form == 1 ? 1 : 0, random);
        Operand b = new Operand(k, n, form == 2 ? 1 : 0, random);
        double[] small = runSmall(m, k, n, a, b);
        for (int threads = 1; threads <= 3; threads++) {
            double[] packed = new double[m * n];
            VectorMatMul.multiply(m, k, n, a.data, a.offset, a.rowStride, a.colStride,
                    b.data, b.offset, b.rowStride, b.colStride, packed, 0, threads);
            assertThat(small).as("%s threads", threads).isEqualTo(packed);
        }
    }

    @Test
    void theMakemoreShapesGiveTheSameBitsOnTheFrontAndThePackedKernel() {
        int[][] shapes = {{32, 30, 200}, {32, 200, 27}, {200, 32, 27}, {32, 27, 200}, {30, 32, 200}, {32, 200, 30}};
        Random random = new Random(27);
        for (int[] shape : shapes) {
            for (int form = 0; form < 3; form++) {
                int m = shape[0];
                int k = shape[1];
                int n = shape[2];
                Operand a = new Operand(m, k, form == 1 ? 1 : 0, random);
                Operand b = new Operand(k, n, form == 2 ? 1 : 0, random);
                double[] front = new double[m * n];
                MatMulKernels.multiplyStrided(m, k, n, a.data, a.offset, a.rowStride, a.colStride,
                        b.data, b.offset, b.rowStride, b.colStride, front, 0);
                double[] twoThreads = new double[m * n];
                VectorMatMul.multiply(m, k, n, a.data, a.offset, a.rowStride, a.colStride,
                        b.data, b.offset, b.rowStride, b.colStride, twoThreads, 0, 2);
                assertThat(front).as("%s form %s", Arrays.toString(shape), form).isEqualTo(twoThreads)
                        .isEqualTo(MatMulKernelsStridedProperties.fmaChain(m, k, n, a.contiguous, b.contiguous));
            }
        }
    }

    @Test
    void theFrontUsesTheSmallKernelForTheMakemoreShapes() {
        assertThat(32L * 200 * 27).isLessThan(MatMulKernels.SMALL_BELOW);
        assertThat(SmallMatMul.handles(32, 27)).isTrue();
        assertThat(SmallMatMul.handles(3, 27)).as("fewer than 4 rows").isFalse();
        assertThat(SmallMatMul.handles(32, SmallMatMul.LANES - 1)).as("less than one vector").isFalse();
    }

    /** Runs the small kernel into a sentinel-filled array, checks nothing outside C changed, returns C. */
    private static double[] runSmall(int m, int k, int n, Operand a, Operand b) {
        double[] aBefore = a.data.clone();
        double[] bBefore = b.data.clone();
        int cOffset = 5;
        double[] c = new double[cOffset + m * n + 4];
        Arrays.fill(c, SENTINEL);
        SmallMatMul.multiply(m, k, n, a.data, a.offset, a.rowStride, a.colStride,
                b.data, b.offset, b.rowStride, b.colStride, c, cOffset);
        assertThat(a.data).isEqualTo(aBefore);
        assertThat(b.data).isEqualTo(bBefore);
        for (int i = 0; i < c.length; i++) {
            if (i < cOffset || i >= cOffset + m * n) {
                assertThat(c[i]).as("c[%s], outside C", i).isEqualTo(SENTINEL);
            }
        }
        return Arrays.copyOfRange(c, cOffset, cOffset + m * n);
    }
}
