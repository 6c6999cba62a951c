package gradschool.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The transcendental kernels ({@link Transcendentals}, {@link VectorTranscendentals}): within 2 ulp of
 * {@link StrictMath} over the whole range of doubles, the same bits from the scalar and the vector loop,
 * and the same bits however the array is split (as threads or vector tails would split it).
 */
class TranscendentalsProperties {

    /** The distance of two doubles in ulps (units in the last place); 0 for two NaNs, huge for one. */
    static long ulps(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        if (a == b) {
            return 0;
        }
        long x = Double.doubleToLongBits(a);
        long y = Double.doubleToLongBits(b);
        x = x < 0 ? Long.MIN_VALUE - x : x;   // order the bit patterns like the numbers
        y = y < 0 ? Long.MIN_VALUE - y : y;
        return Math.abs(x - y);
    }

    /** The sigmoid written with {@code StrictMath.exp}: the reference for {@link Transcendentals#sigmoid}. */
    static double strictSigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + StrictMath.exp(-x));
        }
        double e = StrictMath.exp(x);
        return e / (1.0 + e);
    }

    private static void within2Ulps(double x) {
        assertWithin2Ulps("exp", x, Transcendentals.exp(x), StrictMath.exp(x));
        assertWithin2Ulps("log", x, Transcendentals.log(x), StrictMath.log(x));
        assertWithin2Ulps("log|x|", Math.abs(x), Transcendentals.log(Math.abs(x)), StrictMath.log(Math.abs(x)));
        assertWithin2Ulps("tanh", x, Transcendentals.tanh(x), StrictMath.tanh(x));
        assertWithin2Ulps("sigmoid", x, Transcendentals.sigmoid(x), strictSigmoid(x));
    }

    private static void assertWithin2Ulps(String op, double x, double actual, double expected) {
        assertThat(ulps(actual, expected))
                .as("%s(%s) = %s, StrictMath gives %s", op, x, actual, expected)
                .isLessThanOrEqualTo(2);
    }

    @Property(tries = 3000, seed = "20261201")
    void within2UlpsOfStrictMathForAnyDouble(@ForAll long bits) {
        within2Ulps(Double.longBitsToDouble(bits));   // every exponent equally likely: the whole range
    }

    @Property(tries = 3000, seed = "20261202")
    void within2UlpsOfStrictMathWhereTheFunctionsBend(@ForAll @DoubleRange(min = -30, max = 30) double x) {
        within2Ulps(x);
    }

    @Property(tries = 1000, seed = "20261203")
    void within2UlpsOfStrictMathNearOverflowAndUnderflow(@ForAll @DoubleRange(min = -760, max = 720) double x) {
        within2Ulps(x);
    }

    /** Random doubles of every kind: normal, huge, tiny, subnormal, ±0, ±∞, NaN. */
    private static double[] values(Random random, int n) {
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 22.0, -22.0, 1.0, 709.8, -745.2};
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = switch (random.nextInt(4)) {
                case 0 -> special[random.nextInt(special.length)];
                case 1 -> Double.longBitsToDouble(random.nextLong());
                default -> random.nextGaussian() * 4;
            };
        }
        return data;
    }

    private interface Loop {
        void apply(double[] a, int aOffset, double[] out, int outOffset, int n);
    }

    private static void sameBits(Loop scalar, Loop vector, double[] a, int offset) {
        int n = a.length - offset;
        double[] expected = new double[n];
        double[] actual = new double[n];
        scalar.apply(a, offset, expected, 0, n);
        vector.apply(a, offset, actual, 0, n);
        for (int i = 0; i < n; i++) {
            assertThat(Double.doubleToLongBits(actual[i]))
                    .as("element %s, x = %s: vector %s, scalar %s", i, a[offset + i], actual[i], expected[i])
                    .isEqualTo(Double.doubleToLongBits(expected[i]));
        }
    }

    @Property(tries = 200, seed = "20261204")
    void theVectorLoopGivesTheScalarFormulasBits(@ForAll @IntRange(min = 0, max = 70) int n,
                                                 @ForAll @IntRange(min = 0, max = 3) int offset,
                                                 @ForAll long seed) {
        double[] a = values(new Random(seed), n + offset);
        sameBits(Transcendentals::exp, VectorTranscendentals::exp, a, offset);
        sameBits(Transcendentals::log, VectorTranscendentals::log, a, offset);
        sameBits(Transcendentals::tanh, VectorTranscendentals::tanh, a, offset);
        sameBits(Transcendentals::sigmoid, VectorTranscendentals::sigmoid, a, offset);
    }

    @Property(tries = 100, seed = "20261205")
    void anySplitOfTheArrayGivesTheSameBits(@ForAll @IntRange(min = 1, max = 70) int n,
                                            @ForAll @IntRange(min = 0, max = 70) int split,
                                            @ForAll long seed) {
        // Threads would split an array into ranges; each range ends in a scalar tail. The bits must not
        // depend on where an element falls.
        double[] a = values(new Random(seed), n);
        int at = Math.min(split, n);
        for (Loop loop : new Loop[] {VectorTranscendentals::exp, VectorTranscendentals::log,
            VectorTranscendentals::tanh, VectorTranscendentals::sigmoid}) {
            double[] whole = new double[n];
            double[] pieces = new double[n];
            loop.apply(a, 0, whole, 0, n);
            loop.apply(a, 0, pieces, 0, at);
            loop.apply(a, at, pieces, at, n - at);
            assertThat(pieces).isEqualTo(whole);
        }
    }

    @Property(tries = 50, seed = "20261206")
    void tensorOpsComputeTheDeterministicFormula(@ForAll @IntRange(min = 1, max = 150) int n, @ForAll long seed) {
        // Tensor.tanh etc. must give the formula's bits on every JVM, not Math.tanh's (native, or an
        // intrinsic that depends on the CPU): the same seed gives the same numbers everywhere.
        double[] a = values(new Random(seed), n);
        Tensor x = Tensor.of(Shape.of(n), a);
        sameElements(x.exp(), a, Transcendentals::exp);
        sameElements(x.log(), a, Transcendentals::log);
        sameElements(x.tanh(), a, Transcendentals::tanh);
        sameElements(x.sigmoid(), a, Transcendentals::sigmoid);
        Tensor strided = Tensor.of(Shape.of(n, 2), interleave(a)).select(1, 0);   // a non-contiguous view
        sameElements(strided.tanh(), a, Transcendentals::tanh);
    }

    private static double[] interleave(double[] a) {
        double[] out = new double[2 * a.length];
        for (int i = 0; i < a.length; i++) {
            out[2 * i] = a[i];
            out[2 * i + 1] = -1;
        }
        return out;
    }

    private static void sameElements(Tensor actual, double[] a, DoubleUnaryOperator formula) {
        double[] values = actual.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(Double.doubleToLongBits(values[i])).as("x = %s", a[i])
                    .isEqualTo(Double.doubleToLongBits(formula.applyAsDouble(a[i])));
        }
    }
}
