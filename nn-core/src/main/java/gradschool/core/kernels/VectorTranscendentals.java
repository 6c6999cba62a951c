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

    /**
     * The machine's preferred vector (8 doubles with AVX-512, 4 with AVX2): the same shape as
     * {@link SmallMatMul} and {@link VectorMatMul}'s tile on this machine. With two vector shapes in one
     * program the JIT on JDK 17 stops compiling the matmul kernels to vector instructions (it falls back
     * to boxed vectors): with 4-double vectors here and 8-double ones in the matmul kernels, the makemore
     * step took 1.35 ms instead of 0.30–0.38 ms (measured with {@code MakemoreLosses --loop}). The
     * results do not depend on the width: every lane computes the scalar formula.
     */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorTranscendentals() {
    }

    /** Whether the CPU has vectors of at least 4 doubles: below that the scalar loop is as fast. */
    static boolean hasWideVectors() {
        return DoubleVector.SPECIES_PREFERRED.length() >= SPECIES.length();
    }

    // Each loop below is one method with the whole formula written out in it, and the constants
    // broadcast once before the loop. The Vector API's own calls are several levels deep; the JIT turns
    // them into vector instructions only if it can inline all of them into the loop, and it stops
    // inlining 15 levels down. With helper methods in between (a Horner step, a TwoSum) it gave up, and
    // every vector became an object on the heap: 10–100 times slower than the scalar loop.

    /** {@code out[outOffset + i] = e^a[aOffset + i]} for {@code i < n}. */
    static void exp(double[] a, int aOffset, double[] out, int outOffset, int n) {
        int vectorEnd = SPECIES.loopBound(n);
        DoubleVector ln2Hi = DoubleVector.broadcast(SPECIES, LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(SPECIES, LN2_LO);
        DoubleVector vE13 = DoubleVector.broadcast(SPECIES, E13);
        DoubleVector vE12 = DoubleVector.broadcast(SPECIES, E12);
        DoubleVector vE11 = DoubleVector.broadcast(SPECIES, E11);
        DoubleVector vE10 = DoubleVector.broadcast(SPECIES, E10);
        DoubleVector vE9 = DoubleVector.broadcast(SPECIES, E9);
        DoubleVector vE8 = DoubleVector.broadcast(SPECIES, E8);
        DoubleVector vE7 = DoubleVector.broadcast(SPECIES, E7);
        DoubleVector vE6 = DoubleVector.broadcast(SPECIES, E6);
        DoubleVector vE5 = DoubleVector.broadcast(SPECIES, E5);
        DoubleVector vE4 = DoubleVector.broadcast(SPECIES, E4);
        DoubleVector vE3 = DoubleVector.broadcast(SPECIES, E3);
        DoubleVector vE2 = DoubleVector.broadcast(SPECIES, E2);
        DoubleVector vOne = DoubleVector.broadcast(SPECIES, 1.0);
        for (int i = 0; i < vectorEnd; i += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, aOffset + i);
            DoubleVector xc = x.max(EXP_MIN).min(EXP_MAX);
            DoubleVector shifted = xc.fma(INV_LN2, SHIFTER);
            DoubleVector minusKd = shifted.sub(SHIFTER).neg();
            LongVector k = shifted.reinterpretAsLongs().sub(SHIFTER_BITS);
            DoubleVector r = minusKd.fma(ln2Hi, xc);
            r = minusKd.fma(ln2Lo, r);
            DoubleVector p = vE13.fma(r, vE12);                                 // Horner, as Transcendentals
            p = p.fma(r, vE11);
            p = p.fma(r, vE10);
            p = p.fma(r, vE9);
            p = p.fma(r, vE8);
            p = p.fma(r, vE7);
            p = p.fma(r, vE6);
            p = p.fma(r, vE5);
            p = p.fma(r, vE4);
            p = p.fma(r, vE3);
            p = p.fma(r, vE2);
            p = p.fma(r, vOne);
            p = p.fma(r, vOne);
            LongVector half = k.lanewise(VectorOperators.ASHR, 1);
            DoubleVector scale1 = half.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector scale2 = k.sub(half).add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            p.mul(scale1).mul(scale2).intoArray(out, outOffset + i);
        }
        Transcendentals.exp(a, aOffset + vectorEnd, out, outOffset + vectorEnd, n - vectorEnd);
    }

    /** {@code out[outOffset + i] = σ(a[aOffset + i])} for {@code i < n}: {@link #exp}'s loop on {@code −|x|}, then the quotient. */
    static void sigmoid(double[] a, int aOffset, double[] out, int outOffset, int n) {
        int vectorEnd = SPECIES.loopBound(n);
        DoubleVector ln2Hi = DoubleVector.broadcast(SPECIES, LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(SPECIES, LN2_LO);
        DoubleVector vE13 = DoubleVector.broadcast(SPECIES, E13);
        DoubleVector vE12 = DoubleVector.broadcast(SPECIES, E12);
        DoubleVector vE11 = DoubleVector.broadcast(SPECIES, E11);
        DoubleVector vE10 = DoubleVector.broadcast(SPECIES, E10);
        DoubleVector vE9 = DoubleVector.broadcast(SPECIES, E9);
        DoubleVector vE8 = DoubleVector.broadcast(SPECIES, E8);
        DoubleVector vE7 = DoubleVector.broadcast(SPECIES, E7);
        DoubleVector vE6 = DoubleVector.broadcast(SPECIES, E6);
        DoubleVector vE5 = DoubleVector.broadcast(SPECIES, E5);
        DoubleVector vE4 = DoubleVector.broadcast(SPECIES, E4);
        DoubleVector vE3 = DoubleVector.broadcast(SPECIES, E3);
        DoubleVector vE2 = DoubleVector.broadcast(SPECIES, E2);
        DoubleVector vOne = DoubleVector.broadcast(SPECIES, 1.0);
        for (int i = 0; i < vectorEnd; i += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, aOffset + i);
            DoubleVector xc = x.abs().neg().max(EXP_MIN).min(EXP_MAX);
            DoubleVector shifted = xc.fma(INV_LN2, SHIFTER);
            DoubleVector minusKd = shifted.sub(SHIFTER).neg();
            LongVector k = shifted.reinterpretAsLongs().sub(SHIFTER_BITS);
            DoubleVector r = minusKd.fma(ln2Hi, xc);
            r = minusKd.fma(ln2Lo, r);
            DoubleVector p = vE13.fma(r, vE12);                                 // Horner, as Transcendentals
            p = p.fma(r, vE11);
            p = p.fma(r, vE10);
            p = p.fma(r, vE9);
            p = p.fma(r, vE8);
            p = p.fma(r, vE7);
            p = p.fma(r, vE6);
            p = p.fma(r, vE5);
            p = p.fma(r, vE4);
            p = p.fma(r, vE3);
            p = p.fma(r, vE2);
            p = p.fma(r, vOne);
            p = p.fma(r, vOne);
            LongVector half = k.lanewise(VectorOperators.ASHR, 1);
            DoubleVector scale1 = half.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector scale2 = k.sub(half).add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector e = p.mul(scale1).mul(scale2);                       // e^−|x|
            DoubleVector numerator = e.blend(1.0, x.compare(VectorOperators.GE, 0.0));
            numerator.div(e.add(1.0)).intoArray(out, outOffset + i);
        }
        Transcendentals.sigmoid(a, aOffset + vectorEnd, out, outOffset + vectorEnd, n - vectorEnd);
    }

    /** {@code out[outOffset + i] = tanh a[aOffset + i]} for {@code i < n}. */
    static void tanh(double[] a, int aOffset, double[] out, int outOffset, int n) {
        int vectorEnd = SPECIES.loopBound(n);
        DoubleVector ln2Hi = DoubleVector.broadcast(SPECIES, LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(SPECIES, LN2_LO);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector two = DoubleVector.broadcast(SPECIES, 2.0);
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector vE13 = DoubleVector.broadcast(SPECIES, E13);
        DoubleVector vE12 = DoubleVector.broadcast(SPECIES, E12);
        DoubleVector vE11 = DoubleVector.broadcast(SPECIES, E11);
        DoubleVector vE10 = DoubleVector.broadcast(SPECIES, E10);
        DoubleVector vE9 = DoubleVector.broadcast(SPECIES, E9);
        DoubleVector vE8 = DoubleVector.broadcast(SPECIES, E8);
        DoubleVector vE7 = DoubleVector.broadcast(SPECIES, E7);
        DoubleVector vE6 = DoubleVector.broadcast(SPECIES, E6);
        DoubleVector vE5 = DoubleVector.broadcast(SPECIES, E5);
        DoubleVector vE4 = DoubleVector.broadcast(SPECIES, E4);
        DoubleVector vE3 = DoubleVector.broadcast(SPECIES, E3);
        DoubleVector vE2 = DoubleVector.broadcast(SPECIES, E2);
        for (int i = 0; i < vectorEnd; i += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, aOffset + i);
            DoubleVector ax = x.abs();
            VectorMask<Double> small = ax.compare(VectorOperators.LT, 1.0);
            DoubleVector y = ax.mul(2.0).min(2 * TANH_SATURATION).blend(ax.mul(-2.0), small);
            DoubleVector shifted = y.fma(INV_LN2, SHIFTER);
            DoubleVector minusKd = shifted.sub(SHIFTER).neg();
            LongVector k = shifted.reinterpretAsLongs().sub(SHIFTER_BITS);
            DoubleVector rHigh = minusKd.fma(ln2Hi, y);
            DoubleVector r = minusKd.fma(ln2Lo, rHigh);
            DoubleVector rLow = minusKd.fma(ln2Lo, rHigh.sub(r));
            DoubleVector h = vE13.fma(r, vE12);
            h = h.fma(r, vE11);
            h = h.fma(r, vE10);
            h = h.fma(r, vE9);
            h = h.fma(r, vE8);
            h = h.fma(r, vE7);
            h = h.fma(r, vE6);
            h = h.fma(r, vE5);
            h = h.fma(r, vE4);
            h = h.fma(r, vE3);
            h = h.fma(r, vE2);
            DoubleVector tail = h.mul(r).mul(r).add(rLow);
            DoubleVector scale = k.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector scaledR = scale.mul(r);
            DoubleVector scaleMinusOne = scale.sub(1.0);
            DoubleVector head = scaledR.add(scaleMinusOne);
            DoubleVector bVirtual = head.sub(scaledR);                        // TwoSum(scaledR, scale − 1)
            DoubleVector headError = scaledR.sub(head.sub(bVirtual)).add(scaleMinusOne.sub(bVirtual));
            DoubleVector headLow = scale.fma(tail, headError);
            DoubleVector t = head.add(headLow);
            DoubleVector tLow = headLow.sub(t.sub(head));
            DoubleVector numerator = two.blend(t.neg(), small);
            DoubleVector numeratorLow = zero.blend(tLow.neg(), small);
            DoubleVector d = t.add(2.0);
            DoubleVector dVirtual = d.sub(t);                                 // TwoSum(t, 2)
            DoubleVector dLow = t.sub(d.sub(dVirtual)).add(two.sub(dVirtual)).add(tLow);
            DoubleVector q = numerator.div(d);
            DoubleVector minusQ = q.neg();
            DoubleVector remainder = minusQ.fma(d, numerator).add(numeratorLow);
            remainder = minusQ.fma(dLow, remainder);
            q = q.add(remainder.div(d));
            q = one.sub(q).blend(q, small);
            q = q.blend(1.0, ax.compare(VectorOperators.GE, TANH_SATURATION));
            LongVector magnitude = q.reinterpretAsLongs().and(~SIGN_BIT);
            magnitude.or(x.reinterpretAsLongs().and(SIGN_BIT)).reinterpretAsDoubles().intoArray(out, outOffset + i);
        }
        Transcendentals.tanh(a, aOffset + vectorEnd, out, outOffset + vectorEnd, n - vectorEnd);
    }

    /** {@code out[outOffset + i] = log a[aOffset + i]} for {@code i < n}. */
    static void log(double[] a, int aOffset, double[] out, int outOffset, int n) {
        int vectorEnd = SPECIES.loopBound(n);
        DoubleVector vLG7 = DoubleVector.broadcast(SPECIES, LG7);
        DoubleVector vLG6 = DoubleVector.broadcast(SPECIES, LG6);
        DoubleVector vLG5 = DoubleVector.broadcast(SPECIES, LG5);
        DoubleVector vLG4 = DoubleVector.broadcast(SPECIES, LG4);
        DoubleVector vLG3 = DoubleVector.broadcast(SPECIES, LG3);
        DoubleVector vLG2 = DoubleVector.broadcast(SPECIES, LG2);
        DoubleVector vLG1 = DoubleVector.broadcast(SPECIES, LG1);
        for (int i = 0; i < vectorEnd; i += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, aOffset + i);
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
            DoubleVector rPoly = vLG7.fma(z, vLG6);
            rPoly = rPoly.fma(z, vLG5);
            rPoly = rPoly.fma(z, vLG4);
            rPoly = rPoly.fma(z, vLG3);
            rPoly = rPoly.fma(z, vLG2);
            rPoly = rPoly.fma(z, vLG1);
            DoubleVector rr = rPoly.mul(z);
            DoubleVector inner = s.fma(hfsq.add(rr), dk.mul(LOG_LN2_LO));
            DoubleVector result = dk.mul(LOG_LN2_HI).sub(hfsq.sub(inner).sub(f));
            VectorMask<Double> regular = x.compare(VectorOperators.GT, 0.0)
                    .and(x.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
            DoubleVector special = x.blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0.0))
                    .blend(Double.NaN, x.compare(VectorOperators.LT, 0.0));
            special.blend(result, regular).intoArray(out, outOffset + i);
        }
        Transcendentals.log(a, aOffset + vectorEnd, out, outOffset + vectorEnd, n - vectorEnd);
    }
}
