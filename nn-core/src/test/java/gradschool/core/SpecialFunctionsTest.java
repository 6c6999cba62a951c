package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@link SpecialFunctions#erf} and {@link SpecialFunctions#erfc} against values computed
 * independently, with mpmath at 60 significant digits and rounded to the nearest double:
 *
 * <pre>
 * python3 -c "
 * import mpmath; mpmath.mp.dps = 60
 * for x in [0.5, 1.0, 3.0, 6.0, 1e-10, 1e-300, 0.84, 0.85, 1.24, 1.26, 2.0, 2.85, 2.86, 4.5, 5.9, 0.1, 0.3]:
 *     X = mpmath.mpf(x)
 *     print(repr(x), repr(float(mpmath.erf(X))), repr(float(mpmath.erfc(X))), repr(float(mpmath.erfc(-X))))
 * for x in [10.0, 20.0, 26.0]:
 *     print(repr(x), repr(float(mpmath.erfc(mpmath.mpf(x)))))"
 * </pre>
 *
 * <p>The points cover each of the five ranges of the approximation and both sides of every
 * boundary (0.84375, 1.25, 1/0.35 ≈ 2.857, 6). The tolerance is 1e-15 relative (about 4.5 units in
 * the last place at 1.0; FDLIBM's own bound is one).
 */
class SpecialFunctionsTest {

    private static final double RELATIVE = 1e-15;

    private static void assertRelativelyClose(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(RELATIVE * Math.abs(expected)));
    }

    @ParameterizedTest(name = "erf(±{0}) = ±{1}, erfc({0}) = {2}, erfc(−{0}) = {3}")
    @CsvSource({
        "0.5,    0.5204998778130465,     0.4795001221869535,     1.5204998778130465",
        "1.0,    0.8427007929497149,     0.15729920705028513,    1.8427007929497148",
        "3.0,    0.9999779095030014,     2.209049699858544e-05,  1.9999779095030015",
        "6.0,    1.0,                    2.1519736712498913e-17, 2.0",
        "1e-10,  1.1283791670955126e-10, 0.999999999887162,      1.000000000112838",
        "1e-300, 1.1283791670955126e-300, 1.0,                   1.0",
        "0.1,    0.1124629160182849,     0.887537083981715,      1.1124629160182848",
        "0.3,    0.3286267594591274,     0.6713732405408726,     1.3286267594591274",
        "0.84,   0.7651427114549945,     0.23485728854500548,    1.7651427114549945",
        "0.85,   0.7706680576083526,     0.22933194239164748,    1.7706680576083524",
        "1.24,   0.9205051842990297,     0.07949481570097033,    1.9205051842990297",
        "1.26,   0.9252359418101295,     0.07476405818987052,    1.9252359418101295",
        "2.0,    0.9953222650189527,     0.004677734981047266,   1.9953222650189528",
        "2.85,   0.9999443437200386,     5.5656279961398957e-05, 1.9999443437200386",
        "2.86,   0.9999475988269556,     5.24011730443978e-05,   1.9999475988269555",
        "4.5,    0.9999999998033839,     1.9661604415428876e-10, 1.999999999803384",
        "5.9,    0.9999999999999999,     7.190409783550478e-17,  2.0",
    })
    void matchesMpmath(double x, double erf, double erfcOfX, double erfcOfMinusX) {
        assertRelativelyClose(SpecialFunctions.erf(x), erf, "erf(" + x + ")");
        assertRelativelyClose(SpecialFunctions.erf(-x), -erf, "erf(" + -x + ")");
        assertRelativelyClose(SpecialFunctions.erfc(x), erfcOfX, "erfc(" + x + ")");
        assertRelativelyClose(SpecialFunctions.erfc(-x), erfcOfMinusX, "erfc(" + -x + ")");
    }

    @ParameterizedTest(name = "erfc({0}) = {1}")
    @CsvSource({
        "10.0, 2.088487583762545e-45",
        "20.0, 5.395865611607901e-176",
        "26.0, 5.663192408856143e-296",
    })
    void erfcKeepsItsRelativeAccuracyFarIntoTheTail(double x, double erfc) {
        assertRelativelyClose(SpecialFunctions.erfc(x), erfc, "erfc(" + x + ")");
    }

    @Test
    void specialValuesFollowC99() {
        assertThat(SpecialFunctions.erf(0.0)).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(SpecialFunctions.erf(-0.0)))
                .as("erf(−0) is −0").isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(SpecialFunctions.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(SpecialFunctions.erf(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(SpecialFunctions.erf(1e300)).isEqualTo(1.0);
        assertThat(SpecialFunctions.erf(-1e300)).isEqualTo(-1.0);
        assertThat(SpecialFunctions.erf(Double.NaN)).isNaN();

        assertThat(SpecialFunctions.erfc(0.0)).isEqualTo(1.0);
        assertThat(SpecialFunctions.erfc(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
        assertThat(SpecialFunctions.erfc(Double.NEGATIVE_INFINITY)).isEqualTo(2.0);
        assertThat(SpecialFunctions.erfc(1e300)).isEqualTo(0.0);
        assertThat(SpecialFunctions.erfc(-1e300)).isEqualTo(2.0);
        assertThat(SpecialFunctions.erfc(Double.NaN)).isNaN();
    }

    @Test
    void subnormalInputsKeepTheirSlope() {
        // erf(x) = 2x/√π for tiny x; the smallest subnormal times 1.128… rounds to itself.
        double smallest = Double.MIN_VALUE;
        assertThat(SpecialFunctions.erf(smallest)).isEqualTo(smallest);
        double x = 0x1p-1040;
        assertRelativelyClose(SpecialFunctions.erf(x), 2 / Math.sqrt(Math.PI) * x, "erf(2^-1040)");
    }

    @Test
    void tensorErfAppliesErfToEveryElementOfAView() {
        Tensor x = Tensor.of(new double[][] {{0.5, 1.0, 3.0}, {-0.5, -1.0, -6.0}}).transpose();

        Tensor y = x.erf();

        assertThat(y.shape()).isEqualTo(Shape.of(3, 2));
        assertThat(y.get(0, 0)).isEqualTo(SpecialFunctions.erf(0.5));
        assertThat(y.get(2, 0)).isEqualTo(SpecialFunctions.erf(3.0));
        assertThat(y.get(1, 1)).isEqualTo(SpecialFunctions.erf(-1.0));
        assertThat(y.get(2, 1)).isEqualTo(-1.0);
    }
}
