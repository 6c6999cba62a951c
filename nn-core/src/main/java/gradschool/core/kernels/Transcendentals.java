package gradschool.core.kernels;

/**
 * {@code exp}, {@code log}, {@code tanh} and the logistic sigmoid as plain formulas — a range reduction,
 * a polynomial evaluated with fused multiply-adds, a rescaling — that {@link VectorTranscendentals}
 * evaluates step for step on vectors.
 *
 * <pre>{@code
 * double y = Transcendentals.tanh(0.5);            // 0.46211715726000974, as StrictMath.tanh(0.5)
 * Transcendentals.tanh(x, 0, out, 0, x.length);    // the same, element by element
 * }</pre>
 *
 * <p><b>Why not {@code Math.tanh}?</b> On JDK 17 {@code Math.tanh} is a call into the native
 * {@code StrictMath} per element (about 20 ns), and {@code Math.exp}/{@code Math.log} are intrinsics
 * whose last bit depends on the JVM and the CPU. The formulas here use only {@code +}, {@code −},
 * {@code ×}, {@code ÷}, {@link Math#fma} and bit operations, each rounded exactly as IEEE 754 says, so
 * the scalar loop here and the Vector API loop compute the same bits on every machine: the same seed
 * gives the same numbers with or without {@code --add-modules jdk.incubator.vector}.
 *
 * <p><b>Accuracy.</b> Within 2 ulp of {@link StrictMath} over the whole range (checked by
 * {@code TranscendentalsProperties}, usually 0 or 1 ulp); exact at 0 ({@code exp(0) = 1},
 * {@code log(1) = 0}, {@code tanh(±0) = ±0}, {@code sigmoid(0) = 0.5}) and at the saturation points
 * ({@code tanh(x) = ±1} for {@code |x| ≥ 22}, as {@code StrictMath}; {@code exp} overflows to ∞ above
 * 709.78 and underflows to 0 below −745.13); NaN in, NaN out; no NaN where {@code StrictMath} gives a
 * number.
 *
 * <p><b>The reduction for exp.</b> Write {@code x = k·ln 2 + r} with k an integer and
 * {@code |r| ≤ ln 2 / 2}; then {@code e^x = 2^k · e^r}. k is {@code x/ln 2} rounded to the nearest
 * integer (added to 1.5·2^52, where the spacing of doubles is 1, the sum rounds to it and its low bits
 * are k); r is computed in two steps with {@code ln 2 = LN2_HI + LN2_LO}, exactly. {@code e^r} is its
 * Taylor series to the 13th power (the first term left out is below 5·10^−18, a twentieth of an ulp).
 * {@code 2^k} is built from its bits, in two halves so that an exponent below −1022 (a subnormal
 * result) still rounds only once.
 */
final class Transcendentals {

    /** Below this, e^x rounds to 0 (StrictMath.exp(-745.14) = 0); clamping keeps k small. */
    static final double EXP_MIN = -746.0;

    /** Above this, e^x overflows to ∞ (StrictMath.exp(709.79) = ∞); clamping keeps k small. */
    static final double EXP_MAX = 710.0;

    /** 1 / ln 2. */
    static final double INV_LN2 = 0x1.71547652b82fep0;

    /** ln 2 rounded to a double: {@code k·LN2_HI} for |k| ≤ 1100 needs no more bits than the reduction keeps. */
    static final double LN2_HI = 0x1.62e42fefa39efp-1;

    /** {@code ln 2 − LN2_HI}, the rest of ln 2. */
    static final double LN2_LO = 0x1.abc9e3b39803fp-56;

    /** 1.5·2^52: adding it to |y| &lt; 2^51 rounds y to an integer, held in the low bits of the sum. */
    static final double SHIFTER = 0x1.8p52;

    /** The bits of {@link #SHIFTER}: subtracted from the bits of the sum, they leave the integer. */
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);

    /** Taylor coefficients of e^r: {@code E_n = 1/n!}. */
    static final double E2 = 1.0 / 2, E3 = 1.0 / 6, E4 = 1.0 / 24, E5 = 1.0 / 120, E6 = 1.0 / 720,
            E7 = 1.0 / 5040, E8 = 1.0 / 40320, E9 = 1.0 / 362880, E10 = 1.0 / 3628800,
            E11 = 1.0 / 39916800, E12 = 1.0 / 479001600, E13 = 1.0 / 6227020800.0;

    /** From {@code |x| = 22} on, tanh x rounds to ±1 (StrictMath returns exactly ±1 there). */
    static final double TANH_SATURATION = 22.0;

    /** The smallest normal double, 2^−1022: log scales anything below it by 2^54 first. */
    static final double MIN_NORMAL = Double.MIN_NORMAL;

    /** 2^54. */
    static final double TWO54 = 0x1p54;

    /** ln 2 split for log, from fdlibm: the high part has 32 trailing zero bits, so {@code k·LOG_LN2_HI} is exact. */
    static final double LOG_LN2_HI = 0x1.62e42feep-1;

    /** {@code ln 2 − LOG_LN2_HI}. */
    static final double LOG_LN2_LO = 0x1.a39ef35793c76p-33;

    /** fdlibm's minimax coefficients for {@code (log(1+f) − 2s − s·f)/s} in powers of {@code s²}, {@code s = f/(2+f)}. */
    static final double LG1 = 6.666666666666735130e-01, LG2 = 3.999999999940941908e-01,
            LG3 = 2.857142874366239149e-01, LG4 = 2.222219843214978396e-01, LG5 = 1.818357216161805012e-01,
            LG6 = 1.531383769920937332e-01, LG7 = 1.479819860511658591e-01;

    /** The sign bit of a double. */
    static final long SIGN_BIT = 0x8000_0000_0000_0000L;

    /** The mantissa field of a double. */
    static final long MANTISSA_MASK = 0x000f_ffff_ffff_ffffL;

    /** The bits of 1.0: exponent field 1023, mantissa 0. */
    static final long ONE_BITS = 0x3ff0_0000_0000_0000L;

    /**
     * fdlibm's constant that picks the mantissa's range: adding it to the mantissa field carries into
     * bit 52 exactly when the mantissa is above √2, which then halves it ({@code [√2/2, √2)}).
     */
    static final long SQRT2_CARRY = 0x0009_5f64_0000_0000L;

    private Transcendentals() {
    }

    /**
     * Returns {@code e^x}.
     *
     * @param x the exponent
     * @return e^x, within 2 ulp of {@code StrictMath.exp(x)}
     */
    static double exp(double x) {
        double xc = Math.min(Math.max(x, EXP_MIN), EXP_MAX);       // NaN stays NaN
        double shifted = Math.fma(xc, INV_LN2, SHIFTER);           // 1.5·2^52 + k
        double kd = shifted - SHIFTER;
        long k = Double.doubleToRawLongBits(shifted) - SHIFTER_BITS;
        double r = Math.fma(-kd, LN2_HI, xc);
        r = Math.fma(-kd, LN2_LO, r);                              // x − k·ln 2, |r| ≤ 0.347
        double p = expPolynomial(r);
        long half = k >> 1;
        double scale1 = Double.longBitsToDouble((half + 1023) << 52);
        double scale2 = Double.longBitsToDouble((k - half + 1023) << 52);
        return p * scale1 * scale2;                                // the first product is exact
    }

    /** {@code e^r} for {@code |r| ≤ ln 2 / 2}: the Taylor series by Horner's rule, one FMA per term. */
    private static double expPolynomial(double r) {
        double p = Math.fma(E13, r, E12);
        p = Math.fma(p, r, E11);
        p = Math.fma(p, r, E10);
        p = Math.fma(p, r, E9);
        p = Math.fma(p, r, E8);
        p = Math.fma(p, r, E7);
        p = Math.fma(p, r, E6);
        p = Math.fma(p, r, E5);
        p = Math.fma(p, r, E4);
        p = Math.fma(p, r, E3);
        p = Math.fma(p, r, E2);
        p = Math.fma(p, r, 1.0);
        return Math.fma(p, r, 1.0);
    }

    /**
     * Returns {@code tanh x} by fdlibm's formulas (those of {@code StrictMath.tanh}), with the sign of x:
     * for {@code |x| < 1}, {@code −t / (t + 2)} with {@code t = e^{−2|x|} − 1}; for {@code |x| ≥ 1},
     * {@code 1 − 2 / (t + 2)} with {@code t = e^{2|x|} − 1}; ±1 from {@code |x| = 22} on.
     *
     * <p>Near {@code |x| = 0.5} half an ulp of t is a whole ulp of tanh, so t is kept as a sum of two
     * doubles, {@code t + tLow}, and the division is corrected once with its exact remainder:
     * <ul>
     *   <li>{@code y = ±2|x| = k·ln 2 + r + rLow}, as in {@link #exp}, with the reduction's rounding
     *       error {@code rLow};</li>
     *   <li>{@code e^r − 1 = r + r²·(1/2 + r/6 + …)}, so
     *       {@code t = (2^k·r + (2^k − 1)) + 2^k·(r²·(1/2 + …) + rLow)}: the first sum is exact but for
     *       one rounding, which TwoSum recovers;</li>
     *   <li>{@code q = n / (t + 2)} rounded, then {@code q + (n − q·(t + 2)) / (t + 2)} with the
     *       remainder computed by FMAs.</li>
     * </ul>
     * The result is within about half an ulp of the true value; StrictMath's is within 1.5 ulp.
     *
     * @param x the input
     * @return tanh x, within 2 ulp of {@code StrictMath.tanh(x)}; ±1 for |x| ≥ 22
     */
    static double tanh(double x) {
        double ax = Math.abs(x);
        boolean small = ax < 1.0;
        double y = small ? -2.0 * ax : Math.min(2.0 * ax, 2 * TANH_SATURATION); // NaN stays NaN
        double shifted = Math.fma(y, INV_LN2, SHIFTER);
        double kd = shifted - SHIFTER;
        long k = Double.doubleToRawLongBits(shifted) - SHIFTER_BITS; // −3 … 64
        double rHigh = Math.fma(-kd, LN2_HI, y);                    // exact
        double r = Math.fma(-kd, LN2_LO, rHigh);
        double rLow = Math.fma(-kd, LN2_LO, rHigh - r);             // y − k·ln 2 = r + rLow, nearly exactly
        double tail = expm1Polynomial(r) * r * r + rLow;            // e^(r + rLow) − 1 − r
        double scale = Double.longBitsToDouble((k + 1023) << 52);
        double scaledR = scale * r;                                 // exact, as is 2^k − 1
        double head = scaledR + (scale - 1.0);
        double headLow = Math.fma(scale, tail, twoSumLow(scaledR, scale - 1.0, head));
        double t = head + headLow;                                  // e^y − 1 = t + tLow
        double tLow = headLow - (t - head);
        double numerator = small ? -t : 2.0;
        double numeratorLow = small ? -tLow : 0.0;
        double d = t + 2.0;
        double dLow = twoSumLow(t, 2.0, d) + tLow;                   // t + tLow + 2 = d + dLow
        double q = numerator / d;
        double remainder = Math.fma(-q, d, numerator) + numeratorLow;
        remainder = Math.fma(-q, dLow, remainder);                   // n − q·(t + 2)
        q = q + remainder / d;
        q = small ? q : 1.0 - q;
        q = ax >= TANH_SATURATION ? 1.0 : q;
        return Math.copySign(q, x);
    }

    /** {@code (e^r − 1 − r) / r²} for {@code |r| ≤ ln 2 / 2}: {@code 1/2 + r/6 + r²/24 + …}. */
    private static double expm1Polynomial(double r) {
        double h = Math.fma(E13, r, E12);
        h = Math.fma(h, r, E11);
        h = Math.fma(h, r, E10);
        h = Math.fma(h, r, E9);
        h = Math.fma(h, r, E8);
        h = Math.fma(h, r, E7);
        h = Math.fma(h, r, E6);
        h = Math.fma(h, r, E5);
        h = Math.fma(h, r, E4);
        h = Math.fma(h, r, E3);
        return Math.fma(h, r, E2);
    }

    /** The rounding error of {@code sum = a + b}: {@code a + b − sum}, exactly (Knuth's TwoSum). */
    static double twoSumLow(double a, double b, double sum) {
        double bVirtual = sum - a;
        double aVirtual = sum - bVirtual;
        return (a - aVirtual) + (b - bVirtual);
    }

    /**
     * Returns the logistic sigmoid {@code 1 / (1 + e^-x)}: with {@code e = e^-|x|} (which cannot
     * overflow), {@code 1 / (1 + e)} for x ≥ 0 and {@code e / (1 + e)} for x &lt; 0.
     *
     * @param x the input
     * @return σ(x), in [0, 1]: exactly 0.5 at 0, 1 from x ≈ 37 on, 0 below about −745
     */
    static double sigmoid(double x) {
        double e = exp(-Math.abs(x));
        double numerator = x >= 0 ? 1.0 : e;
        return numerator / (1.0 + e);
    }

    /**
     * Returns the natural logarithm, fdlibm's method: {@code x = 2^k·(1 + f)} with
     * {@code 1 + f ∈ [√2/2, √2)}, {@code s = f / (2 + f)}, and
     * {@code log(1 + f) = f − s·(f − R)} written as fdlibm does to keep the rounding small, where R is a
     * minimax polynomial in {@code s²}; then {@code log x = k·ln 2 + log(1 + f)}.
     *
     * @param x the input
     * @return log x, within 2 ulp of {@code StrictMath.log(x)}; −∞ at ±0, NaN below 0, ∞ at ∞
     */
    static double log(double x) {
        boolean subnormal = x < MIN_NORMAL;
        double xs = subnormal ? x * TWO54 : x;                      // subnormals: scale up first
        long bits = Double.doubleToRawLongBits(xs);
        long mantissa = bits & MANTISSA_MASK;
        long carry = (mantissa + SQRT2_CARRY) & (1L << 52);          // 1 + f above √2: halve it
        double m = Double.longBitsToDouble(mantissa | (carry ^ ONE_BITS));
        long k = (bits >>> 52) - 1023 + (carry >>> 52);
        double dk = Double.longBitsToDouble(k + SHIFTER_BITS) - SHIFTER; // (double) k, the bit way
        dk = subnormal ? dk - 54.0 : dk;
        double f = m - 1.0;
        double hfsq = 0.5 * f * f;
        double s = f / (2.0 + f);
        double z = s * s;
        double rPoly = Math.fma(LG7, z, LG6);
        rPoly = Math.fma(rPoly, z, LG5);
        rPoly = Math.fma(rPoly, z, LG4);
        rPoly = Math.fma(rPoly, z, LG3);
        rPoly = Math.fma(rPoly, z, LG2);
        rPoly = Math.fma(rPoly, z, LG1);
        double rr = rPoly * z;
        double result = dk * LOG_LN2_HI - ((hfsq - Math.fma(s, hfsq + rr, dk * LOG_LN2_LO)) - f);
        boolean special = !(x > 0 && x < Double.POSITIVE_INFINITY); // ≤ 0, ∞ or NaN
        double specialValue = x < 0 ? Double.NaN : x == 0 ? Double.NEGATIVE_INFINITY : x;
        return special ? specialValue : result;
    }

    /** {@code out[outOffset + i] = e^a[aOffset + i]} for {@code i < n}. */
    static void exp(double[] a, int aOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = exp(a[aOffset + i]);
        }
    }

    /** {@code out[outOffset + i] = log a[aOffset + i]} for {@code i < n}. */
    static void log(double[] a, int aOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = log(a[aOffset + i]);
        }
    }

    /** {@code out[outOffset + i] = tanh a[aOffset + i]} for {@code i < n}. */
    static void tanh(double[] a, int aOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = tanh(a[aOffset + i]);
        }
    }

    /** {@code out[outOffset + i] = σ(a[aOffset + i])} for {@code i < n}. */
    static void sigmoid(double[] a, int aOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = sigmoid(a[aOffset + i]);
        }
    }
}
