package gradschool.core.kernels;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * Element-wise loops, and the front method {@link #binary} that chooses among them.
 *
 * <pre>{@code
 * double[] a = {1, 2, 3, 4, 5, 6};   // (2, 3), row-major
 * double[] b = {10, 20, 30};         // (3,), read as (2, 3) with strides (0, 1)
 * double[] out = new double[6];
 * ElementwiseKernels.binary(a, 0, new int[] {3, 1}, b, 0, new int[] {0, 1}, new int[] {2, 3}, out,
 *         Double::sum, ElementwiseKernels::add);   // out = {11, 22, 33, 14, 25, 36}
 * }</pre>
 *
 * <p>A general element-wise loop takes the op as a {@code DoubleBinaryOperator} and calls it once per
 * element. That call site is shared by every op, so the JIT cannot inline it, and each element pays
 * for a virtual call. Here the common ops each have their own loop — {@code out[i] = a[i] + b[i]} —
 * which the JIT compiles to vector instructions. The general strided loop ({@link StridedLoops#binary})
 * stays the reference: the tests compare every op on contiguous tensors (which take a flat loop) with
 * the same op on strided views (which do not).
 */
public final class ElementwiseKernels {

    private ElementwiseKernels() {
    }

    /** {@code out[outOffset + i] = a[aOffset + i] ∘ b[bOffset + i]} for {@code i < n}. */
    @FunctionalInterface
    public interface Binary {
        /**
         * Applies the op to {@code n} pairs of neighbouring elements.
         *
         * @param a the left operand's data
         * @param aOffset where the left operand's first element is
         * @param b the right operand's data
         * @param bOffset where the right operand's first element is
         * @param out where the results go
         * @param outOffset where the first result goes
         * @param n how many elements
         */
        void apply(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n);
    }

    /**
     * Computes {@code out = function(a, b)} element-wise over the shape {@code dims}, choosing the loop.
     *
     * <p>Both operands are read through strides already broadcast to {@code dims} (stride 0 along a
     * stretched dimension); {@code out} is contiguous and row-major. The choice, fastest first:
     * <ol>
     *   <li>both operands contiguous: one flat loop — the op's own {@code kernel} if it has one, the
     *       {@code function} otherwise;</li>
     *   <li>with a kernel, one operand contiguous and the other a single number read with stride 0
     *       everywhere (a rank-0 tensor, or any shape of size 1, e.g. {@code 1 − y}): the kernel's flat
     *       loop against a buffer filled with that number ({@link #scalarLeft}, {@link #scalarRight});</li>
     *   <li>with a kernel, {@code a} contiguous and {@code b} a bias-like operand (contiguous over the
     *       trailing dimensions, of more than one element, and repeated along the leading ones, e.g.
     *       {@code (batch, n) + (n,)}): the kernel's flat loop once per row;</li>
     *   <li>otherwise the general strided loop, {@link StridedLoops#binary}, calling {@code function}.</li>
     * </ol>
     * Every path computes each element as {@code function(a_i, b_i)} would, so the choice changes
     * the speed only, never a bit of the result. The strides and dimensions are only read, never
     * written: a caller may pass its own arrays.
     *
     * <p>An operand's strides may be shorter than {@code dims}: they are then aligned to its trailing
     * dimensions and read as stride 0 along the missing leading ones, numpy's broadcasting rule. So a
     * bias {@code (n,)} added to {@code (batch, n)} can pass its own strides {@code {1}}, and the
     * common paths allocate nothing (only the general strided loop pads them to full length).
     *
     * @param a the left operand's data
     * @param aOffset where its element {@code (0, 0, …)} is
     * @param aStrides its strides, broadcast to {@code dims} (or shorter: see above)
     * @param b the right operand's data
     * @param bOffset where its element {@code (0, 0, …)} is
     * @param bStrides its strides, broadcast to {@code dims} (or shorter: see above)
     * @param dims the shape of the result
     * @param out the result, contiguous, of {@code dims}' size (overwritten)
     * @param function the op on two numbers: the reference
     * @param kernel the op's flat loop, or {@code null} if it has none
     */
    public static void binary(double[] a, int aOffset, int[] aStrides, double[] b, int bOffset, int[] bStrides,
                              int[] dims, double[] out, DoubleBinaryOperator function, Binary kernel) {
        boolean aContiguous = isContiguous(dims, aStrides, 0);
        if (aContiguous && isContiguous(dims, bStrides, 0)) {
            // The common case: no index arithmetic, one flat loop.
            flat(a, aOffset, b, bOffset, out, function, kernel);
            return;
        }
        if (kernel != null && out.length > 1) {
            // One operand is a single number stretched over the other, e.g. 1 − y (Variable.rsub) or
            // y · 2: the kernel's flat loop against a buffer filled with that number.
            if (aContiguous && isSingleElement(dims, bStrides)) {
                scalarRight(a, aOffset, b[bOffset], out, kernel);
                return;
            }
            if (isSingleElement(dims, aStrides) && isContiguous(dims, bStrides, 0)) {
                scalarLeft(a[aOffset], b, bOffset, out, kernel);
                return;
            }
        }
        int row = kernel != null && aContiguous ? biasRowLength(dims, bStrides) : 0;
        if (row > 1) {
            // A bias-like operand, e.g. (batch, n) + (n,): the same flat loop once per row.
            perRow(a, aOffset, b, bOffset, out, row, kernel);
        } else {
            StridedLoops.binary(a, aOffset, fullRank(aStrides, dims.length), b, bOffset,
                    fullRank(bStrides, dims.length), dims, out, function);
        }
    }

    /**
     * One flat loop over contiguous operands. (The three loops are methods of their own, rather than
     * inline in {@link #binary}, so that the JIT compiles each one small: inline, the per-row loop ran
     * at half the speed.)
     */
    private static void flat(double[] a, int aOffset, double[] b, int bOffset, double[] out,
                             DoubleBinaryOperator function, Binary kernel) {
        if (kernel != null) {
            kernel.apply(a, aOffset, b, bOffset, out, 0, out.length);
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = function.applyAsDouble(a[aOffset + i], b[bOffset + i]);
            }
        }
    }

    /** The kernel's flat loop once per row of {@code out}, against the same row of {@code b}. */
    private static void perRow(double[] a, int aOffset, double[] b, int bOffset, double[] out, int row,
                               Binary kernel) {
        for (int start = 0; start < out.length; start += row) {
            kernel.apply(a, aOffset + start, b, bOffset, out, start, row);
        }
    }

    /** How many copies of a broadcast number {@link #scalarLeft} and {@link #scalarRight} fill at a time. */
    private static final int SCALAR_CHUNK = 512;

    /**
     * {@code out[i] = kernel(value, b[bOffset + i])} for every {@code i}: the kernel's flat loop, its left
     * operand a buffer of up to {@value #SCALAR_CHUNK} copies of {@code value}, chunk by chunk. Each
     * element is computed exactly as {@code function(value, b_i)}, so the result is the same bits as the
     * general strided loop's.
     *
     * @param value the number on the left
     * @param b the right operand's data, contiguous
     * @param bOffset where its first element is
     * @param out the result (overwritten)
     * @param kernel the op's flat loop
     */
    public static void scalarLeft(double value, double[] b, int bOffset, double[] out, Binary kernel) {
        double[] filled = filled(value, out.length);
        for (int start = 0; start < out.length; start += filled.length) {
            kernel.apply(filled, 0, b, bOffset + start, out, start, Math.min(filled.length, out.length - start));
        }
    }

    /**
     * {@code out[i] = kernel(a[aOffset + i], value)} for every {@code i}, as {@link #scalarLeft} with the
     * number on the right.
     *
     * @param a the left operand's data, contiguous
     * @param aOffset where its first element is
     * @param value the number on the right
     * @param out the result (overwritten)
     * @param kernel the op's flat loop
     */
    public static void scalarRight(double[] a, int aOffset, double value, double[] out, Binary kernel) {
        double[] filled = filled(value, out.length);
        for (int start = 0; start < out.length; start += filled.length) {
            kernel.apply(a, aOffset + start, filled, 0, out, start, Math.min(filled.length, out.length - start));
        }
    }

    /** A new array of {@code min(n, SCALAR_CHUNK)} copies of {@code value}. */
    private static double[] filled(double value, int n) {
        double[] filled = new double[Math.min(n, SCALAR_CHUNK)];
        Arrays.fill(filled, value);
        return filled;
    }

    /** Whether the operand is one number read everywhere: stride 0 (or size 1) along every dimension. */
    private static boolean isSingleElement(int[] dims, int[] strides) {
        int missing = dims.length - strides.length;
        for (int d = missing; d < dims.length; d++) {
            if (strides[d - missing] != 0 && dims[d] != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * If the operand repeats one contiguous row — stride 0 (or size 1) along the leading dimensions,
     * contiguous along the rest — returns that row's length; otherwise 0.
     */
    private static int biasRowLength(int[] dims, int[] strides) {
        int missing = dims.length - strides.length;
        int lead = 0;
        while (lead < dims.length && (lead < missing || strides[lead - missing] == 0 || dims[lead] == 1)) {
            lead++;
        }
        if (!isContiguous(dims, strides, lead)) {
            return 0;
        }
        int row = 1;
        for (int d = lead; d < dims.length; d++) {
            row *= dims[d];
        }
        return row;
    }

    /**
     * {@link StridedLoops#isContiguous} for strides that may be shorter than {@code dims} (aligned to
     * the trailing dimensions, stride 0 along the missing leading ones): whether dimensions
     * {@code from}… are laid out contiguously, or hold no element.
     */
    private static boolean isContiguous(int[] dims, int[] strides, int from) {
        int missing = dims.length - strides.length;
        int expected = 1;
        boolean empty = false;
        boolean contiguous = true;
        for (int d = dims.length - 1; d >= from; d--) {
            int stride = d >= missing ? strides[d - missing] : 0;
            if (dims[d] != 1 && stride != expected) {
                contiguous = false;
            }
            empty |= dims[d] == 0;
            expected *= dims[d];
        }
        return contiguous || empty;
    }

    /** The strides padded on the left with zeros to {@code rank} entries (the array itself if it has them). */
    private static int[] fullRank(int[] strides, int rank) {
        if (strides.length == rank) {
            return strides;
        }
        int[] result = new int[rank];
        System.arraycopy(strides, 0, result, rank - strides.length, strides.length);
        return result;
    }

    /** {@code out[outOffset + i] = a[aOffset + i] + b[bOffset + i]} for {@code i < n} (a {@link Binary}). */
    public static void add(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] + b[bOffset + i];
        }
    }

    /** {@code out[outOffset + i] = a[aOffset + i] - b[bOffset + i]} for {@code i < n} (a {@link Binary}). */
    public static void sub(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] - b[bOffset + i];
        }
    }

    /** {@code out[outOffset + i] = a[aOffset + i] · b[bOffset + i]} for {@code i < n} (a {@link Binary}). */
    public static void mul(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] * b[bOffset + i];
        }
    }

    /** {@code out[outOffset + i] = a[aOffset + i] / b[bOffset + i]} for {@code i < n} (a {@link Binary}). */
    public static void div(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] / b[bOffset + i];
        }
    }

    /** {@code out[outOffset + i] = max(a[aOffset + i], b[bOffset + i])} for {@code i < n} (a {@link Binary}); NaN if either is NaN. */
    public static void maximum(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = Math.max(a[aOffset + i], b[bOffset + i]);
        }
    }

    /** {@code out[outOffset + i] = min(a[aOffset + i], b[bOffset + i])} for {@code i < n} (a {@link Binary}); NaN if either is NaN. */
    public static void minimum(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = Math.min(a[aOffset + i], b[bOffset + i]);
        }
    }

    /** {@code out[i] = max(a[aOffset + i], 0)}: ReLU. {@code Math.max} vectorises; a {@code ?:} would not. */
    public static void relu(double[] a, int aOffset, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(a[aOffset + i], 0.0);
        }
    }

    /** {@code out[i] = a[aOffset + i] > threshold ? 1 : 0}: a 0/1 mask. */
    public static void greaterThan(double[] a, int aOffset, double threshold, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[aOffset + i] > threshold ? 1.0 : 0.0;
        }
    }

    /** {@code out[i] = a[aOffset + i] · factor}. */
    public static void scale(double[] a, int aOffset, double factor, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[aOffset + i] * factor;
        }
    }

    /**
     * Below this many elements exp, log, tanh and sigmoid take the scalar loop even when the vector one
     * is there. Until the JIT has compiled it, a Vector API loop runs in the interpreter, where every
     * vector operation allocates an object — about 100 times slower than the scalar loop. Small
     * tensors (a lesson's few samples of 3 classes) would mostly meet it in that state and pay for
     * it; large ones compile it within a few calls.
     */
    static final int VECTOR_MIN_LENGTH = 64;

    /** Whether {@link VectorTranscendentals} could be loaded and pays (the Vector API is present, wide vectors). */
    private static final boolean VECTOR_TRANSCENDENTALS = loadVectorTranscendentals();

    /**
     * Loads {@link VectorTranscendentals} if the Vector API module is in the boot layer (as
     * {@code MatMulKernels} loads its vector kernel): without the module the class cannot load.
     */
    private static boolean loadVectorTranscendentals() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            Class.forName("gradschool.core.kernels.VectorTranscendentals", true,
                    ElementwiseKernels.class.getClassLoader());
            return VectorTranscendentals.hasWideVectors();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Returns whether {@link #exp}, {@link #log}, {@link #tanh} and {@link #sigmoid} run on vectors (the
     * JVM has {@code jdk.incubator.vector} and the CPU at least 4 doubles per vector), for arrays of
     * at least {@value #VECTOR_MIN_LENGTH} elements. Either way they give the same bits: the vector loop
     * evaluates the scalar formula lane by lane.
     *
     * @return {@code true} if the Vector API loop is used
     */
    public static boolean transcendentalsVectorized() {
        return VECTOR_TRANSCENDENTALS;
    }

    /**
     * {@code out[i] = e^a[aOffset + i]} for {@code i < n}: within 2 ulp of {@code StrictMath.exp}, the
     * same bits with and without the Vector API ({@link Transcendentals} has the formula).
     *
     * @param a the input data
     * @param aOffset where the first input is
     * @param out the results, from index 0
     * @param n how many elements
     */
    public static void exp(double[] a, int aOffset, double[] out, int n) {
        if (VECTOR_TRANSCENDENTALS && n >= VECTOR_MIN_LENGTH) {
            VectorTranscendentals.exp(a, aOffset, out, 0, n);
        } else {
            Transcendentals.exp(a, aOffset, out, 0, n);
        }
    }

    /**
     * {@code out[i] = log a[aOffset + i]} for {@code i < n} (−∞ at 0, NaN below 0): within 2 ulp of
     * {@code StrictMath.log}, the same bits with and without the Vector API.
     *
     * @param a the input data
     * @param aOffset where the first input is
     * @param out the results, from index 0
     * @param n how many elements
     */
    public static void log(double[] a, int aOffset, double[] out, int n) {
        if (VECTOR_TRANSCENDENTALS && n >= VECTOR_MIN_LENGTH) {
            VectorTranscendentals.log(a, aOffset, out, 0, n);
        } else {
            Transcendentals.log(a, aOffset, out, 0, n);
        }
    }

    /**
     * {@code out[i] = tanh a[aOffset + i]} for {@code i < n}: within 2 ulp of {@code StrictMath.tanh},
     * exactly ±1 from |x| = 22, the same bits with and without the Vector API.
     *
     * @param a the input data
     * @param aOffset where the first input is
     * @param out the results, from index 0
     * @param n how many elements
     */
    public static void tanh(double[] a, int aOffset, double[] out, int n) {
        if (VECTOR_TRANSCENDENTALS && n >= VECTOR_MIN_LENGTH) {
            VectorTranscendentals.tanh(a, aOffset, out, 0, n);
        } else {
            Transcendentals.tanh(a, aOffset, out, 0, n);
        }
    }

    /**
     * {@code out[i] = 1 / (1 + e^−a[aOffset + i])} for {@code i < n}, the logistic sigmoid, never NaN for
     * a number: exactly 0.5 at 0, 0 and 1 at the ends; the same bits with and without the Vector API.
     *
     * @param a the input data
     * @param aOffset where the first input is
     * @param out the results, from index 0
     * @param n how many elements
     */
    public static void sigmoid(double[] a, int aOffset, double[] out, int n) {
        if (VECTOR_TRANSCENDENTALS && n >= VECTOR_MIN_LENGTH) {
            VectorTranscendentals.sigmoid(a, aOffset, out, 0, n);
        } else {
            Transcendentals.sigmoid(a, aOffset, out, 0, n);
        }
    }

    /**
     * The logistic sigmoid of one number, by the same formula as {@link #sigmoid(double[], int, double[], int)}.
     *
     * @param x the input
     * @return σ(x), in [0, 1]
     */
    public static double sigmoid(double x) {
        return Transcendentals.sigmoid(x);
    }
}
