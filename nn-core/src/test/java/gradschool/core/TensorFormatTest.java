package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Checks that tensors print exactly like numpy 2.x's {@code str(np.array(...))} with default print
 * options. Every expected string below was produced by numpy 2.4 and copied here by hand; the
 * comment above each assertion is the numpy expression that printed it.
 */
class TensorFormatTest {

    private static Tensor vector(double... values) {
        return Tensor.of(values);
    }

    @Nested
    class RankZero {

        @Test
        void printsShortestDigitsLikeAPythonFloat() {
            // str(np.array(2.3)), str(np.array(128.0)), ...
            assertThat(Tensor.of(2.3).toString()).isEqualTo("2.3");
            assertThat(Tensor.of(128.0).toString()).isEqualTo("128.0");
            assertThat(Tensor.of(-7.0).toString()).isEqualTo("-7.0");
            assertThat(Tensor.of(1.0 / 3).toString()).isEqualTo("0.3333333333333333");
            assertThat(Tensor.of(0.0001220703125).toString()).isEqualTo("0.0001220703125");
            assertThat(Tensor.of(123456789.123).toString()).isEqualTo("123456789.123");
        }

        @Test
        void switchesToScientificBelow1eMinus4AndFrom1e16() {
            assertThat(Tensor.of(1e-5).toString()).isEqualTo("1e-05");
            assertThat(Tensor.of(1.5e-5).toString()).isEqualTo("1.5e-05");
            assertThat(Tensor.of(1e16).toString()).isEqualTo("1e+16");
        }

        @Test
        void printsSpecialValues() {
            assertThat(Tensor.of(-0.0).toString()).isEqualTo("-0.0");
            assertThat(Tensor.of(Double.NaN).toString()).isEqualTo("nan");
            assertThat(Tensor.of(Double.NEGATIVE_INFINITY).toString()).isEqualTo("-inf");
        }
    }

    @Nested
    class Positional {

        @Test
        void integralValuesKeepTheirDecimalPoint() {
            // np.array([34., 44., 25.])
            assertThat(vector(34, 44, 25).toString()).isEqualTo("[34. 44. 25.]");
        }

        @Test
        void fractionsArePaddedWithSpacesSoThePointsAlign() {
            // np.array([2.3, 2.46, 0.21])
            assertThat(vector(2.3, 2.46, 0.21).toString()).isEqualTo("[2.3  2.46 0.21]");
            // np.array([0.999999999, 0.5]): rounding to 8 digits gives 1.00000000, shown as "1."
            assertThat(vector(0.999999999, 0.5).toString()).isEqualTo("[1.  0.5]");
        }

        @Test
        void signsWidenTheIntegerColumn() {
            // np.array([[2.3, 2.46, 0.21], [6.9, -0.81, -1.54]])
            Tensor matrix = Tensor.of(new double[][] {{2.3, 2.46, 0.21}, {6.9, -0.81, -1.54}});
            assertThat(matrix.toString()).isEqualTo("[[ 2.3   2.46  0.21]\n [ 6.9  -0.81 -1.54]]");
            // np.array([1/3, 2/3, -1/3])
            assertThat(vector(1.0 / 3, 2.0 / 3, -1.0 / 3).toString())
                    .isEqualTo("[ 0.33333333  0.66666667 -0.33333333]");
        }

        @Test
        void roundsToEightFractionDigits() {
            // np.random.default_rng(0).uniform(0, 1, 3)
            assertThat(vector(0.6369616873214543, 0.2697867137638703, 0.04097352393619469).toString())
                    .isEqualTo("[0.63696169 0.26978671 0.04097352]");
        }

        @Test
        void roundsExactTiesToEven() {
            // 0.001953125 = 2^-9 lies exactly halfway between 0.00195312 and 0.00195313.
            assertThat(vector(0.001953125, 0.5).toString()).isEqualTo("[0.00195312 0.5       ]");
            // 0.005859375 = 3 * 2^-9 lies exactly halfway between 0.00585937 and 0.00585938.
            assertThat(vector(0.005859375, 0.5).toString()).isEqualTo("[0.00585938 0.5       ]");
        }

        @Test
        void aRatioOfExactly1000StaysPositional() {
            // np.array([0.001, 1.0])
            assertThat(vector(0.001, 1.0).toString()).isEqualTo("[0.001 1.   ]");
            // np.array([99999999., 99999998.]): just below 1e8
            assertThat(vector(99999999, 99999998).toString()).isEqualTo("[99999999. 99999998.]");
        }
    }

    @Nested
    class Scientific {

        @Test
        void smallestBelow1eMinus4() {
            // np.array([1e-5, 1.0])
            assertThat(vector(1e-5, 1.0).toString()).isEqualTo("[1.e-05 1.e+00]");
            // np.array([-1e-5, 2.5e-7, 3.0])
            assertThat(vector(-1e-5, 2.5e-7, 3.0).toString())
                    .isEqualTo("[-1.0e-05  2.5e-07  3.0e+00]");
        }

        @Test
        void largestAtLeast1e8() {
            // np.array([1.5e10, 2.0]): digits are padded with zeros to a common count
            assertThat(vector(1.5e10, 2.0).toString()).isEqualTo("[1.5e+10 2.0e+00]");
            // np.array([1e8, 1.0])
            assertThat(vector(1e8, 1.0).toString()).isEqualTo("[1.e+08 1.e+00]");
        }

        @Test
        void ratioAbove1000() {
            // np.array([0.001, 2.0])
            assertThat(vector(0.001, 2.0).toString()).isEqualTo("[1.e-03 2.e+00]");
            // np.array([99999999., 1.0]): 8 mantissa digits are enough here
            assertThat(vector(99999999, 1.0).toString()).isEqualTo("[9.9999999e+07 1.0000000e+00]");
        }

        @Test
        void threeDigitExponentsWidenAllExponents() {
            // np.array([1e-5, 1e100])
            assertThat(vector(1e-5, 1e100).toString()).isEqualTo("[1.e-005 1.e+100]");
            // np.array([1e-300, 1.0])
            assertThat(vector(1e-300, 1.0).toString()).isEqualTo("[1.e-300 1.e+000]");
        }

        @Test
        void zerosDoNotTakePartInTheChoiceButArePrintedInIt() {
            // np.array([0.0, 1e-5])
            assertThat(vector(0.0, 1e-5).toString()).isEqualTo("[0.e+00 1.e-05]");
        }

        @Test
        void roundsExactTiesToEven() {
            // 2^-13 = 1.220703125e-04 lies exactly halfway between 1.22070312e-04 and 1.22070313e-04.
            assertThat(vector(0.0001220703125, 1.0).toString())
                    .isEqualTo("[1.22070312e-04 1.00000000e+00]");
        }
    }

    @Nested
    class NonFinite {

        @Test
        void nanAndInfinityAreRightAligned() {
            assertThat(vector(Double.NaN, 1.0).toString()).isEqualTo("[nan  1.]");
            assertThat(vector(Double.NaN).toString()).isEqualTo("[nan]");
            assertThat(vector(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).toString())
                    .isEqualTo("[ inf -inf]");
            assertThat(vector(Double.NEGATIVE_INFINITY, 1.5, Double.NaN).toString())
                    .isEqualTo("[-inf  1.5  nan]");
            assertThat(vector(Double.NaN, 1e-5, 1.0).toString()).isEqualTo("[   nan 1.e-05 1.e+00]");
        }

        @Test
        void negativeZeroKeepsItsSign() {
            assertThat(vector(-0.0, 1.0).toString()).isEqualTo("[-0.  1.]");
            assertThat(vector(0.0, -0.0).toString()).isEqualTo("[ 0. -0.]");
        }
    }

    @Nested
    class Layout {

        @Test
        void matrixRowsStartOnNewLines() {
            Tensor matrix = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            assertThat(matrix.toString()).isEqualTo("[[1. 2. 3.]\n [4. 5. 6.]]");
            assertThat(Tensor.of(new double[][] {{1}, {-2.5}}).toString()).isEqualTo("[[ 1. ]\n [-2.5]]");
        }

        @Test
        void threeDimensionalBlocksAreSeparatedByABlankLine() {
            // np.arange(12.).reshape(2, 2, 3) * 0.5
            Tensor cube = Tensor.arange(12).reshape(2, 2, 3).mul(0.5);
            assertThat(cube.toString()).isEqualTo(
                    "[[[0.  0.5 1. ]\n  [1.5 2.  2.5]]\n\n [[3.  3.5 4. ]\n  [4.5 5.  5.5]]]");
            assertThat(Tensor.of(new double[][][] {{{7}}}).toString()).isEqualTo("[[[7.]]]");
        }

        @Test
        void fourDimensionalBlocksAreSeparatedByTwoBlankLines() {
            // np.arange(16.).reshape(2, 2, 2, 2) - 8
            Tensor tensor = Tensor.arange(16).reshape(2, 2, 2, 2).sub(8);
            assertThat(tensor.toString()).isEqualTo(
                    "[[[[-8. -7.]\n   [-6. -5.]]\n\n  [[-4. -3.]\n   [-2. -1.]]]\n\n\n"
                            + " [[[ 0.  1.]\n   [ 2.  3.]]\n\n  [[ 4.  5.]\n   [ 6.  7.]]]]");
        }

        @Test
        void emptyTensorsPrintEmptyBrackets() {
            assertThat(Tensor.zeros(0).toString()).isEqualTo("[]");
            assertThat(Tensor.zeros(0, 3).toString()).isEqualTo("[]");
            assertThat(Tensor.zeros(2, 0).toString()).isEqualTo("[]");
        }

        @Test
        void viewsPrintTheirLogicalLayout() {
            // np.arange(6.).reshape(2, 3).T
            Tensor transposed = Tensor.arange(6).reshape(2, 3).transpose();
            assertThat(transposed.toString()).isEqualTo("[[0. 3.]\n [1. 4.]\n [2. 5.]]");
        }

        @Test
        void longRowsWrapAtColumn75() {
            // np.arange(30.) * 1.5
            assertThat(Tensor.arange(30).mul(1.5).toString()).isEqualTo(
                    "[ 0.   1.5  3.   4.5  6.   7.5  9.  10.5 12.  13.5 15.  16.5 18.  19.5\n"
                            + " 21.  22.5 24.  25.5 27.  28.5 30.  31.5 33.  34.5 36.  37.5 39.  40.5\n"
                            + " 42.  43.5]");
            // np.arange(40.).reshape(2, 20) * 1.5: continuation lines sit under the first element
            assertThat(Tensor.arange(40).reshape(2, 20).mul(1.5).toString()).isEqualTo(
                    "[[ 0.   1.5  3.   4.5  6.   7.5  9.  10.5 12.  13.5 15.  16.5 18.  19.5\n"
                            + "  21.  22.5 24.  25.5 27.  28.5]\n"
                            + " [30.  31.5 33.  34.5 36.  37.5 39.  40.5 42.  43.5 45.  46.5 48.  49.5\n"
                            + "  51.  52.5 54.  55.5 57.  58.5]]");
        }

        @Test
        void noLineIsLongerThan75Columns() {
            Random random = new Random(42);
            for (int trial = 0; trial < 50; trial++) {
                int rows = 1 + random.nextInt(4);
                int columns = 1 + random.nextInt(60);
                double scale = Math.pow(10, random.nextInt(9) - 4);
                Tensor tensor = Tensor.randn(Shape.of(rows, columns), random.nextLong()).mul(scale);
                for (String line : tensor.toString().split("\n")) {
                    assertThat(line.length()).as("line of %s", tensor.toString()).isLessThanOrEqualTo(75);
                }
            }
        }
    }

    @Nested
    class Summary {

        @Test
        void moreThan1000ElementsShowThreeAtEachEnd() {
            // np.arange(2000.)
            assertThat(Tensor.arange(2000).toString()).isEqualTo(
                    "[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]");
        }

        @Test
        void exactly1000ElementsAreNotSummarised() {
            String text = Tensor.arange(1000).toString();
            assertThat(text).doesNotContain("...").endsWith(" 999.]");
        }

        @Test
        void hiddenValuesDoNotAffectTheFormat() {
            // x = np.arange(1001.) * 0.25; x[500] = 1e9: without summarising, 1e9 would force
            // scientific notation
            Tensor tensor = Tensor.arange(1001).mul(0.25).setInPlace(1e9, 500);
            assertThat(tensor.toString()).isEqualTo("[  0.     0.25   0.5  ... 249.5  249.75 250.  ]");
        }

        @Test
        void everyLongDimensionIsSummarised() {
            // np.arange(1100.).reshape(110, 10)
            assertThat(Tensor.arange(1100).reshape(110, 10).toString()).isEqualTo(
                    "[[0.000e+00 1.000e+00 2.000e+00 ... 7.000e+00 8.000e+00 9.000e+00]\n"
                            + " [1.000e+01 1.100e+01 1.200e+01 ... 1.700e+01 1.800e+01 1.900e+01]\n"
                            + " [2.000e+01 2.100e+01 2.200e+01 ... 2.700e+01 2.800e+01 2.900e+01]\n"
                            + " ...\n"
                            + " [1.070e+03 1.071e+03 1.072e+03 ... 1.077e+03 1.078e+03 1.079e+03]\n"
                            + " [1.080e+03 1.081e+03 1.082e+03 ... 1.087e+03 1.088e+03 1.089e+03]\n"
                            + " [1.090e+03 1.091e+03 1.092e+03 ... 1.097e+03 1.098e+03 1.099e+03]]");
        }

        @Test
        void summarisedRowsStillWrap() {
            // (np.arange(1400.) * 1.25).reshape(2, 700)
            assertThat(Tensor.arange(1400).mul(1.25).reshape(2, 700).toString()).isEqualTo(
                    "[[0.00000e+00 1.25000e+00 2.50000e+00 ... 8.71250e+02 8.72500e+02\n"
                            + "  8.73750e+02]\n"
                            + " [8.75000e+02 8.76250e+02 8.77500e+02 ... 1.74625e+03 1.74750e+03\n"
                            + "  1.74875e+03]]");
        }
    }

    @Nested
    class WithShape {

        @Test
        void appendsTheShapeLikeNumpy() {
            Tensor matrix = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            assertThat(matrix.toStringWithShape())
                    .isEqualTo("[[1. 2. 3.]\n [4. 5. 6.]] shape=(2, 3)")
                    .endsWith(" shape=(2, 3)");
            assertThat(vector(1, 2).toStringWithShape()).isEqualTo("[1. 2.] shape=(2,)");
        }
    }
}
