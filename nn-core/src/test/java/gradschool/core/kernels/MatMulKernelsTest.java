package gradschool.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Worked examples and argument checks for {@link MatMulKernels}. */
class MatMulKernelsTest {

    /** A (2×3) and B (3×2) from the class javadoc, and their product. */
    private static final double[] A = {1, 2, 3, 4, 5, 6};
    private static final double[] B = {7, 8, 9, 10, 11, 12};
    private static final double[] A_TIMES_B = {58, 64, 139, 154};

    @Test
    void everyKernelMultipliesTheJavadocExample() {
        double[] c = new double[4];
        MatMulKernels.naive(2, 3, 2, A, 0, B, 0, c, 0);
        assertThat(c).containsExactly(A_TIMES_B);

        c = new double[4];
        MatMulKernels.multiply(2, 3, 2, A, 0, B, 0, c, 0);
        assertThat(c).containsExactly(A_TIMES_B);

        c = new double[4];
        MatMulKernels.blocked(2, 3, 2, A, 0, B, 0, c, 0, 1);
        assertThat(c).containsExactly(A_TIMES_B);

        c = new double[4];
        MatMulKernels.vectorized(2, 3, 2, A, 0, B, 0, c, 0, 2);
        assertThat(c).containsExactly(A_TIMES_B);
    }

    @Test
    void integerMatricesAreExactInEveryKernel() {
        // Small integers: every product and partial sum is exact, so rounding cannot differ.
        int m = 37;
        int k = 141;
        int n = 263;
        Random random = new Random(7);
        double[] a = new double[m * k];
        double[] b = new double[k * n];
        Arrays.setAll(a, i -> random.nextInt(21) - 10);
        Arrays.setAll(b, i -> random.nextInt(21) - 10);
        double[] expected = new double[m * n];
        MatMulKernels.naive(m, k, n, a, 0, b, 0, expected, 0);

        double[] c = new double[m * n];
        MatMulKernels.blocked(m, k, n, a, 0, b, 0, c, 0, 2);
        assertThat(c).isEqualTo(expected);
        Arrays.fill(c, Double.NaN);
        MatMulKernels.vectorized(m, k, n, a, 0, b, 0, c, 0, 2);
        assertThat(c).isEqualTo(expected);
        Arrays.fill(c, Double.NaN);
        MatMulKernels.multiply(m, k, n, a, 0, b, 0, c, 0);
        assertThat(c).isEqualTo(expected);
    }

    @Test
    void aLargeProductOnTheFrontAgreesWithNaive() {
        // Big enough that multiply uses the fast kernel on all threads.
        int m = 200;
        int k = 300;
        int n = 150;
        Random random = new Random(11);
        double[] a = new double[m * k];
        double[] b = new double[k * n];
        Arrays.setAll(a, i -> random.nextDouble() - 0.5);
        Arrays.setAll(b, i -> random.nextDouble() - 0.5);
        double[] expected = new double[m * n];
        double[] actual = new double[m * n];
        MatMulKernels.naive(m, k, n, a, 0, b, 0, expected, 0);
        MatMulKernels.multiply(m, k, n, a, 0, b, 0, actual, 0);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void anEmptyInnerDimensionGivesZeros() {
        // (2×0)·(0×3) is a 2×3 matrix of zeros: each element is an empty sum. C's old contents go.
        double[] c = new double[6];
        for (String kernel : new String[] {"naive", "multiply", "blocked", "vectorized"}) {
            Arrays.fill(c, 99);
            run(kernel, 2, 0, 3, new double[0], 0, new double[0], 0, c, 0);
            assertThat(c).as(kernel).containsOnly(0.0);
        }
    }

    @Test
    void offsetsSelectTheMatricesInsideLargerArrays() {
        double[] a = new double[10];
        double[] b = new double[9];
        double[] c = new double[8];
        System.arraycopy(A, 0, a, 3, 6);
        System.arraycopy(B, 0, b, 2, 6);
        Arrays.fill(c, -1);
        MatMulKernels.blocked(2, 3, 2, a, 3, b, 2, c, 1, 1);
        assertThat(c).containsExactly(-1, 58, 64, 139, 154, -1, -1, -1);
    }

    @Test
    void theVectorApiIsFoundWhenTheModuleIsAdded() {
        // Surefire starts the test JVM with --add-modules jdk.incubator.vector (see the parent pom).
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        assertThat(MatMulKernels.isVectorApiAvailable()).isTrue();
        assertThat(MatMulKernels.kernelName()).isIn("vectorized", "blocked");
    }

    @Test
    void negativeSizesAreRejectedWithTheShapes() {
        assertThatThrownBy(() -> MatMulKernels.multiply(2, -1, 3, A, 0, B, 0, new double[6], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matmul")
                .hasMessageContaining("2×-1")
                .hasMessageContaining(">= 0");
    }

    @Test
    void anArrayTooShortForItsMatrixIsRejected() {
        assertThatThrownBy(() -> MatMulKernels.blocked(2, 3, 2, A, 1, B, 0, new double[4], 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matmul (blocked)")
                .hasMessageContaining("A is 2×3")
                .hasMessageContaining("offset 1")
                .hasMessageContaining("length 6");
        assertThatThrownBy(() -> MatMulKernels.naive(2, 3, 2, A, 0, B, 0, new double[3], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C is 2×2");
        assertThatThrownBy(() -> MatMulKernels.vectorized(2, 3, 2, A, 0, B, -1, new double[4], 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("B is 3×2")
                .hasMessageContaining("offset -1");
        assertThatThrownBy(() -> MatMulKernels.multiply(2, 3, 2, A, 0, null, 0, new double[4], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("B (3×2) is null");
    }

    @Test
    void anOutputThatOverlapsAnInputIsRejected() {
        double[] shared = new double[12];
        System.arraycopy(A, 0, shared, 0, 6);
        // C (2×2) at offset 4 would overwrite the last two numbers of A while they are still needed.
        assertThatThrownBy(() -> MatMulKernels.multiply(2, 3, 2, shared, 0, B, 0, shared, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlaps A");
        // Right after A is fine.
        MatMulKernels.multiply(2, 3, 2, shared, 0, B, 0, shared, 6);
        assertThat(Arrays.copyOfRange(shared, 6, 10)).containsExactly(A_TIMES_B);
    }

    @Test
    void aThreadCountBelowOneIsRejected() {
        assertThatThrownBy(() -> MatMulKernels.blocked(2, 3, 2, A, 0, B, 0, new double[4], 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be >= 1, got 0");
        assertThatThrownBy(() -> MatMulKernels.vectorized(2, 3, 2, A, 0, B, 0, new double[4], 0, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be >= 1, got -2");
    }

    @Test
    void moreThreadsThanRowsIsFine() {
        double[] c = new double[4];
        MatMulKernels.vectorized(2, 3, 2, A, 0, B, 0, c, 0, 16);
        assertThat(c).containsExactly(A_TIMES_B);
        c = new double[4];
        MatMulKernels.blocked(2, 3, 2, A, 0, B, 0, c, 0, 16);
        assertThat(c).containsExactly(A_TIMES_B);
    }

    private static void run(String kernel, int m, int k, int n, double[] a, int aOffset, double[] b, int bOffset,
                            double[] c, int cOffset) {
        switch (kernel) {
            case "naive" -> MatMulKernels.naive(m, k, n, a, aOffset, b, bOffset, c, cOffset);
            case "multiply" -> MatMulKernels.multiply(m, k, n, a, aOffset, b, bOffset, c, cOffset);
            case "blocked" -> MatMulKernels.blocked(m, k, n, a, aOffset, b, bOffset, c, cOffset, 1);
            case "vectorized" -> MatMulKernels.vectorized(m, k, n, a, aOffset, b, bOffset, c, cOffset, 1);
            default -> throw new IllegalArgumentException("unknown kernel " + kernel);
        }
    }
}
