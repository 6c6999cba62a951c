package gradschool.core;

/**
 * Special functions that {@link Math} does not have: the error function {@code erf} and its
 * complement {@code erfc}, which the exact GELU activation and the normal distribution's CDF need.
 *
 * <pre>{@code
 * double e = SpecialFunctions.erf(1.0);   // 0.8427007929497149
 * double c = SpecialFunctions.erfc(6.0);  // 2.1519736712498913e-17, where 1 - erf(6) would give 0
 * }</pre>
 *
 * <p>The definitions: {@code erf(x) = 2/√π ∫₀ˣ e^(−t²) dt} and {@code erfc(x) = 1 − erf(x)}.
 * {@code erf} is odd, rises from −1 to 1, and has derivative {@code 2/√π·e^(−x²)}.
 *
 * <p>Method and coefficients: Sun's FDLIBM 5.3, {@code s_erf.c} (version 1.3, 95/01/18; the same
 * code is in the C libraries of the BSDs, musl and glibc), rewritten here in Java. It splits
 * {@code |x|} into five ranges and uses a different rational approximation {@code P(s)/Q(s)} in
 * each, with an error below one unit in the last place (≈ 1.1e-16 relative) throughout:
 * <ol>
 *   <li>{@code |x| < 0.84375}: {@code erf(x) = x + x·R(x²)}, {@code R} a rational function fitted
 *       to {@code erf(x)/x − 1} (which starts at {@code 2/√π − 1 = 0.128…}).
 *   <li>{@code 0.84375 ≤ |x| < 1.25}: {@code erf(x) = c + P(s)/Q(s)} with {@code s = |x| − 1} and
 *       the constant {@code c = 0.845062911510467529297} (erf(1) rounded to 24 bits, so that
 *       {@code c} is exact and the correction {@code P/Q} is small).
 *   <li>{@code 1.25 ≤ |x| < 1/0.35} and {@code 1/0.35 ≤ |x| < 28}: {@code erfc(x) = e^(−x² − 0.5625
 *       + R(1/x²)/S(1/x²)) / x}, two fits for the two ranges; {@code erf = 1 − erfc}. The exponent
 *       is split as {@code −z² + (z − x)(z + x)} with {@code z} = x with its low 32 bits cleared, so
 *       {@code z²} is exact and {@code e^(−x²)} loses no accuracy to rounding of x².
 *   <li>{@code |x| ≥ 6}: {@code erf(x) = ±1} to double precision ({@code erfc(6) ≈ 2.2e-17}).
 *       {@code erfc} keeps the formula above up to 28, beyond which it underflows to 0.
 * </ol>
 * FDLIBM's notice, which its licence asks to keep with derived work: <i>Copyright (C) 1993 by Sun
 * Microsystems, Inc. All rights reserved. Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this software is freely granted, provided that this
 * notice is preserved.</i>
 *
 * <p>Special values, as C99's {@code erf}/{@code erfc}: {@code erf(±0) = ±0}, {@code erf(±∞) = ±1},
 * {@code erfc(−∞) = 2}, {@code erfc(+∞) = 0}, and NaN gives NaN.
 */
public final class SpecialFunctions {

    /** erf(1) rounded to 24 bits: the constant part of range 2. */
    private static final double ERX = 8.45062911510467529297e-01;
    /** {@code 2/√π − 1}: erf(x)/x − 1 at x = 0, for tiny x. */
    private static final double EFX = 1.28379167095512586316e-01;

    // Range 1, |x| < 0.84375: erf(x) = x + x·P(x²)/Q(x²).
    private static final double[] PP = {
        1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
        -5.77027029648944159157e-03, -2.37630166566501626084e-05};
    private static final double[] QQ = {
        1.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
        1.32494738004321644526e-04, -3.96022827877536812320e-06};

    // Range 2, 0.84375 <= |x| < 1.25: erf(x) = ERX + P(s)/Q(s), s = |x| - 1.
    private static final double[] PA = {
        -2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
        3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02,
        -2.16637559486879084300e-03};
    private static final double[] QA = {
        1.0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02,
        1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02};

    // Range 3, 1.25 <= |x| < 1/0.35: erfc(x) = exp(-x² - 0.5625 + R(s)/S(s)) / x, s = 1/x².
    private static final double[] RA = {
        -9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
        -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02,
        -8.12874355063065934246e+01, -9.81432934416914548592e+00};
    private static final double[] SA = {
        1.0, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02,
        6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02,
        6.57024977031928170135e+00, -6.04244152148580987438e-02};

    // Range 4, 1/0.35 <= |x| < 28: the same form with another fit.
    private static final double[] RB = {
        -9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
        -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03,
        -4.83519191608651397019e+02};
    private static final double[] SB = {
        1.0, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03,
        3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02,
        -2.24409524465858183362e+01};

    private static final double SMALL_RANGE_END = 0.84375;
    private static final double MIDDLE_RANGE_END = 1.25;
    private static final double TAIL_FIT_SPLIT = 1 / 0.35;
    /** Beyond this, erf(x) rounds to ±1. */
    private static final double ERF_SATURATES = 6.0;
    /** Beyond this, erfc(x) underflows to 0. */
    private static final double ERFC_UNDERFLOWS = 28.0;
    /** Below this, erf(x) = x·(1 + EFX) to double precision (the x³ term is below an ulp). */
    private static final double TINY = 0x1p-28;

    private SpecialFunctions() {
    }

    /**
     * Returns the error function {@code erf(x) = 2/√π ∫₀ˣ e^(−t²) dt}, to within one unit in the
     * last place (FDLIBM's {@code s_erf.c}; see the class comment).
     *
     * @param x any double
     * @return erf(x), in [−1, 1]; ±1 at ±∞, NaN for NaN
     */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double a = Math.abs(x);
        if (a < TINY) {
            // erf(x) ≈ 2x/√π. Written as (8x + 8·EFX·x)/8 so subnormal x does not lose bits in EFX·x.
            return 0.125 * (8.0 * x + (8.0 * EFX) * x);
        }
        if (a < SMALL_RANGE_END) {
            double z = x * x;
            return x + x * (polynomial(PP, z) / polynomial(QQ, z));
        }
        if (a < MIDDLE_RANGE_END) {
            double s = a - 1.0;
            double e = ERX + polynomial(PA, s) / polynomial(QA, s);
            return Math.copySign(e, x);
        }
        if (a >= ERF_SATURATES) {
            return Math.copySign(1.0, x); // also ±∞ → ±1
        }
        return Math.copySign(1.0 - tailErfc(a), x);
    }

    /**
     * Returns the complementary error function {@code erfc(x) = 1 − erf(x)}, accurate where
     * {@code 1 − erf(x)} is not: for large x, where erf(x) rounds to 1 (FDLIBM's {@code s_erf.c}).
     * Within one unit in the last place while the result is a normal double (x below about 26.55;
     * above that it is subnormal and has fewer significant bits).
     *
     * @param x any double
     * @return erfc(x), in [0, 2]; 2 at −∞, 0 at +∞ and for x ≥ 28 (where it underflows), NaN for NaN
     */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double a = Math.abs(x);
        if (a < 0x1p-56) {
            return 1.0 - x;
        }
        if (a < SMALL_RANGE_END) {
            double z = x * x;
            double y = polynomial(PP, z) / polynomial(QQ, z);
            if (x < 0.25) {
                return 1.0 - (x + x * y);
            }
            // 1 − erf(x) = 0.5 − (x·y + (x − 0.5)), keeping the subtraction of nearly equal numbers exact.
            return 0.5 - (x * y + (x - 0.5));
        }
        if (a < MIDDLE_RANGE_END) {
            double s = a - 1.0;
            double p = polynomial(PA, s) / polynomial(QA, s);
            return x > 0 ? (1.0 - ERX) - p : 1.0 + (ERX + p);
        }
        if (x < 0) {
            // erfc(−a) = 2 − erfc(a); for a ≥ 6, erfc(a) is below half an ulp of 2.
            return a >= ERF_SATURATES ? 2.0 : 2.0 - tailErfc(a);
        }
        if (a >= ERFC_UNDERFLOWS) {
            return 0.0; // also +∞
        }
        return tailErfc(a);
    }

    /** erfc(a) for 1.25 ≤ a < 28 (ranges 3 and 4 of the class comment). */
    private static double tailErfc(double a) {
        double s = 1.0 / (a * a);
        double ratio = a < TAIL_FIT_SPLIT
                ? polynomial(RA, s) / polynomial(SA, s)
                : polynomial(RB, s) / polynomial(SB, s);
        // z = a with the low 32 bits of its significand cleared, so z·z is exact; then
        // −a² = −z² + (z − a)(z + a) without the rounding error of a·a.
        double z = Double.longBitsToDouble(Double.doubleToRawLongBits(a) & 0xffffffff00000000L);
        return Math.exp(-z * z - 0.5625) * Math.exp((z - a) * (z + a) + ratio) / a;
    }

    /** Evaluates {@code c[0] + c[1]·t + c[2]·t² + …} by Horner's rule. */
    private static double polynomial(double[] c, double t) {
        double result = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            result = result * t + c[i];
        }
        return result;
    }
}
