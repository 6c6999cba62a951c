package gradschool.core.kernels;

import static gradschool.core.kernels.Transcendentals.E10;
import static gradschool.core.kernels.Transcendentals.E11;
import static gradschool.core.kernels.Transcendentals.E12;
import static gradschool.core.kernels.Transcendentals.E13;
import static gradschool.core.kernels.Transcendentals.E2;
import static gradschool.core.kernels.Transcendentals.E3;
import static gradschool.core.kernels.Transcendentals.E4;
import static gradschool.core.kernels.Transcendentals.E5;
import static gradschool.core.kernels.Transcendentals.E6;
import static gradschool.core.kernels.Transcendentals.E7;
import static gradschool.core.kernels.Transcendentals.E8;
import static gradschool.core.kernels.Transcendentals.E9;
import static gradschool.core.kernels.Transcendentals.EXP_MAX;
import static gradschool.core.kernels.Transcendentals.EXP_MIN;
import static gradschool.core.kernels.Transcendentals.INV_LN2;
import static gradschool.core.kernels.Transcendentals.LG1;
import static gradschool.core.kernels.Transcendentals.LG2;
import static gradschool.core.kernels.Transcendentals.LG3;
import static gradschool.core.kernels.Transcendentals.LG4;
import static gradschool.core.kernels.Transcendentals.LG5;
import static gradschool.core.kernels.Transcendentals.LG6;
import static gradschool.core.kernels.Transcendentals.LG7;
import static gradschool.core.kernels.Transcendentals.LN2_HI;
import static gradschool.core.kernels.Transcendentals.LN2_LO;
import static gradschool.core.kernels.Transcendentals.LOG_LN2_HI;
import static gradschool.core.kernels.Transcendentals.LOG_LN2_LO;
import static gradschool.core.kernels.Transcendentals.MANTISSA_MASK;
import static gradschool.core.kernels.Transcendentals.MIN_NORMAL;
import static gradschool.core.kernels.Transcendentals.ONE_BITS;
import static gradschool.core.kernels.Transcendentals.SHIFTER;
import static gradschool.core.kernels.Transcendentals.SHIFTER_BITS;
import static gradschool.core.kernels.Transcendentals.SIGN_BIT;
import static gradschool.core.kernels.Transcendentals.SQRT2_CARRY;
import static gradschool.core.kernels.Transcendentals.TANH_SATURATION;
import static gradschool.core.kernels.Transcendentals.TWO54;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Transcendentals}' formulas on whole vectors ({@code jdk.incubator.vector}): the same
 * operations in the same order, lane by lane, so every element comes out with the same bits as the
 * scalar formula gives it. A {@code ?:} of the scalar code is a {@code blend} here, computed on both
 * sides; the tail of an array (fewer elements than a vector holds) is done by the scalar formula.
 *
 * <pre>{@code
 * // only when the JVM was started with --add-modules jdk.incubator.vector;
 * // ElementwiseKernels.tanh(...) checks that, then calls this
 * VectorTranscendentals.tanh(x, 0, out, 0, x.length);
 * }</pre>
 *
 * <p>Loading this class fails with a {@link LinkageError} when {@code jdk.incubator.vector} is not in
 * the module graph; {@link ElementwiseKernels} loads it inside a {@code try} and falls back to
 * {@link Transcendentals}.
 */
final class VectorTranscendentals {

    /** The widest vectors the CPU has (8 doubles with AVX-512, 4 with AVX2). */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorTranscendentals() {
    }

    /** Whether the CPU has vectors of at least 4 doubles: below that the scalar loop is as fast. */
    static boolean hasWideVectors() {
        return SPECIES.length() >= 4;
    }

    /** {@code out[outOffset + i] = e^a[aOffset + i]} for {@code i < n}. */
    static void exp(double[] a, int aOffset, double[] out, int outOffset, int n) {
        int vectorEnd = SPECIES.loopBound(n);
        for (int i = 0; i < vectorEnd; i += SPECIES.length()) {
            exp(DoubleVector.fromArray(SPECIES, a, aOffset + i)).intoArray(out, outOffset + i);
        }
        Transcendentals.exp(a, aOffset + vectorEnd, out, outOffset + vectorEnd, n - vectorEnd);
    }

    /** {@code out[outOffset + i] = log a[aOffset + i]} for {@code i < n}. */
    static void log(double[] a, int aOffset, double[] out, int outOffset, int n) {
        int vectorEnd = SPECIES.loopBound(n);
        for (int i = 0; i < vectorEnd; i += SPECIES.length()) {
            log(DoubleVector.fromArray(SPECIES, a, aOffset + i)).intoArray(out, outOffset + i);
        }
        Transcendentals.log(a, aOffset + vectorEnd, out, outOffset + vectorEnd, n - vectorEnd);
    }

    /** {@code out[outOffset + i] = tanh a[aOffset + i]} for {@code i < n}. */
    static void tanh(double[] a, int aOffset, double[] out, int outOffset, int n) {
        int vectorEnd = SPECIES.loopBound(n);
        for (int i = 0; i < vectorEnd; i += SPECIES.length()) {
            tanh(DoubleVector.fromArray(SPECIES, a, aOffset + i)).intoArray(out, outOffset + i);
        }
        Transcendentals.tanh(a, aOffset + vectorEnd, out, outOffset + vectorEnd, n - vectorEnd);
    }

    /** {@code out[outOffset + i] = σ(a[aOffset + i])} for {@code i < n}. */
    static void sigmoid(double[] a, int aOffset, double[] out, int outOffset, int n) {
        int vectorEnd = SPECIES.loopBound(n);
        for (int i = 0; i < vectorEnd; i += SPECIES.length()) {
            sigmoid(DoubleVector.fromArray(SPECIES, a, aOffset + i)).intoArray(out, outOffset + i);
        }
        Transcendentals.sigmoid(a, aOffset + vectorEnd, out, outOffset + vectorEnd, n - vectorEnd);
    }

    /** {@link Transcendentals#exp(double)}, lane by lane. */
    private static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = x.max(EXP_MIN).min(EXP_MAX);
        DoubleVector shifted = xc.fma(INV_LN2, SHIFTER);
        DoubleVector kd = shifted.sub(SHIFTER);
        LongVector k = shifted.reinterpretAsLongs().sub(SHIFTER_BITS);
        DoubleVector minusKd = kd.neg();
        DoubleVector r = minusKd.lanewise(VectorOperators.FMA, DoubleVector.broadcast(SPECIES, LN2_HI), xc);
        r = minusKd.lanewise(VectorOperators.FMA, DoubleVector.broadcast(SPECIES, LN2_LO), r);
        DoubleVector p = expPolynomial(r);
        LongVector half = k.lanewise(VectorOperators.ASHR, 1);
        DoubleVector scale1 = half.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector scale2 = k.sub(half).add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return p.mul(scale1).mul(scale2);
    }

    /** {@code e^r} by the Taylor series, as {@link Transcendentals}. */
    private static DoubleVector expPolynomial(DoubleVector r) {
        DoubleVector p = horner(DoubleVector.broadcast(SPECIES, E13), r, E12);
        p = horner(p, r, E11);
        p = horner(p, r, E10);
        p = horner(p, r, E9);
        p = horner(p, r, E8);
        p = horner(p, r, E7);
        p = horner(p, r, E6);
        p = horner(p, r, E5);
        p = horner(p, r, E4);
        p = horner(p, r, E3);
        p = horner(p, r, E2);
        p = horner(p, r, 1.0);
        return horner(p, r, 1.0);
    }

    /** {@code (e^r − 1 − r) / r²}, as {@link Transcendentals}. */
    private static DoubleVector expm1Polynomial(DoubleVector r) {
        DoubleVector h = horner(DoubleVector.broadcast(SPECIES, E13), r, E12);
        h = horner(h, r, E11);
        h = horner(h, r, E10);
        h = horner(h, r, E9);
        h = horner(h, r, E8);
        h = horner(h, r, E7);
        h = horner(h, r, E6);
        h = horner(h, r, E5);
        h = horner(h, r, E4);
        h = horner(h, r, E3);
        return horner(h, r, E2);
    }

    /** One step of Horner's rule, {@code fma(p, r, c)} — {@code Math.fma(p, r, c)} in each lane. */
    private static DoubleVector horner(DoubleVector p, DoubleVector r, double c) {
        return p.lanewise(VectorOperators.FMA, r, DoubleVector.broadcast(SPECIES, c));
    }

    /** {@link Transcendentals#twoSumLow}, lane by lane. */
    private static DoubleVector twoSumLow(DoubleVector a, DoubleVector b, DoubleVector sum) {
        DoubleVector bVirtual = sum.sub(a);
        DoubleVector aVirtual = sum.sub(bVirtual);
        return a.sub(aVirtual).add(b.sub(bVirtual));
    }

    /** {@link Transcendentals#tanh(double)}, lane by lane. */
    private static DoubleVector tanh(DoubleVector x) {
        DoubleVector ax = x.abs();
        VectorMask<Double> small = ax.compare(VectorOperators.LT, 1.0);
        DoubleVector twice = ax.mul(2.0);
        DoubleVector y = twice.min(2 * TANH_SATURATION).blend(ax.mul(-2.0), small);
        DoubleVector shifted = y.fma(INV_LN2, SHIFTER);
        DoubleVector kd = shifted.sub(SHIFTER);
        LongVector k = shifted.reinterpretAsLongs().sub(SHIFTER_BITS);
        DoubleVector minusKd = kd.neg();
        DoubleVector rHigh = minusKd.lanewise(VectorOperators.FMA, DoubleVector.broadcast(SPECIES, LN2_HI), y);
        DoubleVector r = minusKd.lanewise(VectorOperators.FMA, DoubleVector.broadcast(SPECIES, LN2_LO), rHigh);
        DoubleVector rLow = minusKd.lanewise(VectorOperators.FMA, DoubleVector.broadcast(SPECIES, LN2_LO), rHigh.sub(r));
        DoubleVector tail = expm1Polynomial(r).mul(r).mul(r).add(rLow);
        DoubleVector scale = k.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector scaledR = scale.mul(r);
        DoubleVector scaleMinusOne = scale.sub(1.0);
        DoubleVector head = scaledR.add(scaleMinusOne);
        DoubleVector headLow = scale.lanewise(VectorOperators.FMA, tail, twoSumLow(scaledR, scaleMinusOne, head));
        DoubleVector t = head.add(headLow);
        DoubleVector tLow = headLow.sub(t.sub(head));
        DoubleVector two = DoubleVector.broadcast(SPECIES, 2.0);
        DoubleVector numerator = two.blend(t.neg(), small);
        DoubleVector numeratorLow = DoubleVector.zero(SPECIES).blend(tLow.neg(), small);
        DoubleVector d = t.add(2.0);
        DoubleVector dLow = twoSumLow(t, two, d).add(tLow);
        DoubleVector q = numerator.div(d);
        DoubleVector minusQ = q.neg();
        DoubleVector remainder = minusQ.lanewise(VectorOperators.FMA, d, numerator).add(numeratorLow);
        remainder = minusQ.lanewise(VectorOperators.FMA, dLow, remainder);
        q = q.add(remainder.div(d));
        q = DoubleVector.broadcast(SPECIES, 1.0).sub(q).blend(q, small);
        q = q.blend(1.0, ax.compare(VectorOperators.GE, TANH_SATURATION));
        LongVector magnitude = q.reinterpretAsLongs().and(~SIGN_BIT);
        return magnitude.or(x.reinterpretAsLongs().and(SIGN_BIT)).reinterpretAsDoubles();
    }

    /** {@link Transcendentals#sigmoid(double)}, lane by lane. */
    private static DoubleVector sigmoid(DoubleVector x) {
        DoubleVector e = exp(x.abs().neg());
        DoubleVector numerator = e.blend(1.0, x.compare(VectorOperators.GE, 0.0));
        return numerator.div(e.add(1.0));
    }

    /** {@link Transcendentals#log(double)}, lane by lane. */
    private static DoubleVector log(DoubleVector x) {
        VectorMask<Double> subnormal = x.compare(VectorOperators.LT, MIN_NORMAL);
        DoubleVector xs = x.blend(x.mul(TWO54), subnormal);
        LongVector bits = xs.reinterpretAsLongs();
        LongVector mantissa = bits.and(MANTISSA_MASK);
        LongVector carry = mantissa.add(SQRT2_CARRY).and(1L << 52);
        DoubleVector m = mantissa.or(carry.lanewise(VectorOperators.XOR, ONE_BITS)).reinterpretAsDoubles();
        LongVector k = bits.lanewise(VectorOperators.LSHR, 52).sub(1023)
                .add(carry.lanewise(VectorOperators.LSHR, 52));
        DoubleVector dk = k.add(SHIFTER_BITS).reinterpretAsDoubles().sub(SHIFTER);
        dk = dk.blend(dk.sub(54.0), subnormal);
        DoubleVector f = m.sub(1.0);
        DoubleVector hfsq = f.mul(0.5).mul(f);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        DoubleVector rPoly = horner(DoubleVector.broadcast(SPECIES, LG7), z, LG6);
        rPoly = horner(rPoly, z, LG5);
        rPoly = horner(rPoly, z, LG4);
        rPoly = horner(rPoly, z, LG3);
        rPoly = horner(rPoly, z, LG2);
        rPoly = horner(rPoly, z, LG1);
        DoubleVector rr = rPoly.mul(z);
        DoubleVector inner = s.lanewise(VectorOperators.FMA, hfsq.add(rr), dk.mul(LOG_LN2_LO));
        DoubleVector result = dk.mul(LOG_LN2_HI).sub(hfsq.sub(inner).sub(f));
        VectorMask<Double> regular = x.compare(VectorOperators.GT, 0.0)
                .and(x.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
        DoubleVector special = x.blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0.0))
                .blend(Double.NaN, x.compare(VectorOperators.LT, 0.0));
        return special.blend(result, regular);
    }
}
