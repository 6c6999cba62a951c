package gradschool.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Worked examples for {@link ElementwiseKernels#binary}, the front method that picks the loop: each
 * layout gives the numbers the general strided loop gives.
 */
class ElementwiseKernelsTest {

    private static final DoubleBinaryOperator SUM = Double::sum;

    /** The reference: the general strided loop, which every path must match. */
    private static double[] reference(double[] a, int aOffset, int[] aStrides, double[] b, int bOffset,
                                      int[] bStrides, int[] dims, int size) {
        double[] out = new double[size];
        StridedLoops.binary(a, aOffset, aStrides, b, bOffset, bStrides, dims, out, SUM);
        return out;
    }

    private static double[] front(double[] a, int aOffset, int[] aStrides, double[] b, int bOffset,
                                  int[] bStrides, int[] dims, int size, ElementwiseKernels.Binary kernel) {
        double[] out = new double[size];
        ElementwiseKernels.binary(a, aOffset, aStrides, b, bOffset, bStrides, dims, out, SUM, kernel);
        return out;
    }

    @Test
    void theClassJavadocExampleAddsABiasToEachRow() {
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {10, 20, 30};

        double[] out = front(a, 0, new int[] {3, 1}, b, 0, new int[] {0, 1}, new int[] {2, 3}, 6,
                ElementwiseKernels::add);

        assertThat(out).containsExactly(11, 22, 33, 14, 25, 36);
    }

    @Test
    void everyLayoutGivesWhatTheStridedLoopGives() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] b = {0.5, -1, 2, 4, 8, 16, 32, 64};
        int[] dims = {2, 3};
        int[][][] layouts = {
            {{3, 1}, {3, 1}},   // both contiguous: one flat loop
            {{3, 1}, {0, 1}},   // a bias row: the flat loop once per row
            {{1, 2}, {3, 1}},   // a transposed left operand: the strided loop
            {{3, 1}, {1, 0}},   // a column broadcast along the rows: the strided loop
            {{3, 1}, {0, 0}},   // a scalar: the strided loop
        };
        for (int[][] layout : layouts) {
            for (ElementwiseKernels.Binary kernel : new ElementwiseKernels.Binary[] {ElementwiseKernels::add, null}) {
                assertThat(front(a, 1, layout[0], b, 2, layout[1], dims, 6, kernel))
                        .as("strides %s and %s, kernel %s", Arrays.toString(layout[0]),
                                Arrays.toString(layout[1]), kernel != null)
                        .containsExactly(reference(a, 1, layout[0], b, 2, layout[1], dims, 6));
            }
        }
    }

    @Test
    void shorterStridesReadAsZeroAlongTheMissingLeadingDimensions() {
        double[] a = new double[14];
        double[] b = new double[8];
        for (int i = 0; i < a.length; i++) {
            a[i] = 1.5 * i - 4;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 100.0 / (i + 1);
        }
        int[] dims = {2, 2, 3};
        int[][][] layouts = {
            // {a's strides, b's strides as passed, b's strides padded with zeros}
            {{6, 3, 1}, {1}, {0, 0, 1}},        // a bias (3,): once per row of 3
            {{6, 3, 1}, {3, 1}, {0, 3, 1}},     // a (2, 3) repeated: once per block of 6
            {{6, 3, 1}, {}, {0, 0, 0}},         // a rank-0 operand: the strided loop
            {{1, 2, 4}, {1}, {0, 0, 1}},        // a strided left operand: the strided loop
        };
        for (int[][] layout : layouts) {
            for (ElementwiseKernels.Binary kernel : new ElementwiseKernels.Binary[] {ElementwiseKernels::add, null}) {
                assertThat(front(a, 1, layout[0], b, 2, layout[1], dims, 12, kernel))
                        .as("strides %s and %s, kernel %s", Arrays.toString(layout[0]),
                                Arrays.toString(layout[1]), kernel != null)
                        .containsExactly(reference(a, 1, layout[0], b, 2, layout[2], dims, 12));
                // and the same with the operands swapped: the shorter strides on the left
                assertThat(front(b, 2, layout[1], a, 1, layout[0], dims, 12, kernel))
                        .containsExactly(reference(b, 2, layout[2], a, 1, layout[0], dims, 12));
            }
        }
    }

    @Test
    void aSingleNumberOnEitherSideTakesTheKernelsFlatLoop() {
        // 1 − y (Variable.rsub: a rank-0 tensor on the left) and y − 1, over 600 elements (more than one
        // buffer of copies): the kernel runs, the general loop (which would call the function) does not.
        double[] y = new double[600];
        Arrays.setAll(y, i -> i * 0.25);
        double[] one = {1.0};
        DoubleBinaryOperator generalLoop = (p, q) -> {
            throw new AssertionError("the general strided loop ran");
        };
        int[] dims = {2, 300};
        double[] left = new double[600];
        ElementwiseKernels.binary(one, 0, new int[0], y, 0, new int[] {300, 1}, dims, left, generalLoop,
                ElementwiseKernels::sub);
        double[] right = new double[600];
        ElementwiseKernels.binary(y, 0, new int[] {300, 1}, one, 0, new int[] {0, 0}, dims, right, generalLoop,
                ElementwiseKernels::sub);

        for (int i = 0; i < y.length; i++) {
            assertThat(left[i]).isEqualTo(1.0 - y[i]);
            assertThat(right[i]).isEqualTo(y[i] - 1.0);
        }
    }
}
