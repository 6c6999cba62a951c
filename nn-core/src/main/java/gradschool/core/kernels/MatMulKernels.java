package gradschool.core.kernels;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.concurrent.ForkJoinPool;

/**
 * Matrix-multiplication kernels on row-major {@code double[]} data, and the front method that
 * chooses among them.
 *
 * <pre>{@code
 * double[] a = {1, 2, 3,
 *               4, 5, 6};          // A: 2×3
 * double[] b = {7, 8,
 *               9, 10,
 *               11, 12};           // B: 3×2
 * double[] c = new double[4];      // C: 2×2
 * MatMulKernels.multiply(2, 3, 2, a, 0, b, 0, c, 0);   // c = {58, 64, 139, 154}
 * }</pre>
 *
 * <p>All kernels compute {@code C = A·B}, {@code c_ij = Σ_k a_ik · b_kj}, where A is {@code m × k}
 * starting at {@code a[aOffset]}, B is {@code k × n} starting at {@code b[bOffset]}, and C is
 * {@code m × n} starting at {@code c[cOffset]}; all three are contiguous and row-major (element
 * {@code (i, j)} of C is {@code c[cOffset + i·n + j]}). C is overwritten; A and B are not modified.
 * C must not overlap A or B.
 *
 * <p>The kernels, slowest first:
 * <ul>
 *   <li>{@link #naive} — the textbook triple loop; the reference every other kernel is tested against.</li>
 *   <li>{@link #blocked} — plain Java, cache- and register-blocked, auto-vectorised by HotSpot
 *       ({@link BlockedMatMul}); 20–30× the naive loop for n ≥ 256 (docs/performance.md).</li>
 *   <li>{@link #vectorized} — explicit SIMD with the incubating Vector API ({@link VectorMatMul}), about
 *       twice the blocked kernel; only when the JVM was started with
 *       {@code --add-modules jdk.incubator.vector}.</li>
 *   <li>the small-product kernel ({@link SmallMatMul}, Vector API too): no packing, for products below
 *       {@code SMALL_BELOW} multiply-adds, such as the makemore MLP's; used by {@link #multiply} only.</li>
 * </ul>
 * {@link #multiply} uses the naive loop for tiny products, the small-product kernel for small ones,
 * otherwise the fastest kernel available ({@link #kernelName()} says which), on several threads when
 * the product is big enough to pay for them. The blocked, vectorised and small-product kernels compute
 * every element as the same chain of fused multiply-adds, so their results are identical to each
 * other and do not depend on the number of threads; they differ from the naive loop only by rounding.
 *
 * <p>The name says what this is — the matmul <em>kernels</em> — so that it is never confused with the
 * autograd op {@code gradschool.autograd.functions.MatMul}: that op's forward calls
 * {@code Tensor.matmul}, which calls {@link #multiplyStrided} here once per matrix of a batch.
 */
public final class MatMulKernels {

    /** Below this many multiply-adds ({@code m·k·n}), {@link #multiply} uses the naive loop: 16³. */
    static final long NAIVE_BELOW = 16L * 16 * 16;

    /**
     * From this many multiply-adds ({@code m·k·n}) on, {@link #multiply} runs the blocked kernel on
     * several threads: 128³. Handing work to another thread costs about 15 µs, a 128³ product about 90 µs.
     */
    static final long BLOCKED_PARALLEL_FROM = 128L * 128 * 128;

    /** The same for the vectorised kernel, which is faster on one thread, so it pays later: 192³. */
    static final long VECTORIZED_PARALLEL_FROM = 192L * 192 * 192;

    /**
     * Below this many multiply-adds, {@link #multiply} uses the small-product kernel ({@link SmallMatMul}:
     * no packing) when the Vector API is there and the product has at least 4 rows and one vector of
     * columns; measured in docs/performance.md. The system property {@code gradschool.matmul.smallBelow}
     * overrides it (0 turns the small kernel off), for benchmarks.
     */
    static final long SMALL_BELOW = Long.getLong("gradschool.matmul.smallBelow", 160L * 160 * 160);

    /** Whether {@link VectorMatMul} could be loaded (the module {@code jdk.incubator.vector} is present). */
    private static final boolean VECTOR_API_AVAILABLE = loadVectorKernel();

    /** Whether {@link #multiply} uses the vectorised kernel (available, and the CPU has 256-bit vectors). */
    private static final boolean FRONT_USES_VECTORIZED =
            VECTOR_API_AVAILABLE && VectorMatMul.hasNativeWideVectors();

    private MatMulKernels() {
    }

    /**
     * Loads {@link VectorMatMul} if the Vector API module is in the boot layer. The class refers to
     * {@code jdk.incubator.vector} types, so loading it without the module throws a {@link LinkageError}
     * ({@code NoClassDefFoundError}); we ask first, and catch that anyway.
     */
    private static boolean loadVectorKernel() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            Class.forName("gradschool.core.kernels.VectorMatMul", true, MatMulKernels.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Computes {@code C = A·B} with the best kernel for the size.
     *
     * <p>Tiny products (fewer than 16³ multiply-adds) use {@link #naive}; with the Vector API, small ones
     * (below {@code SMALL_BELOW} multiply-adds, at least 4 rows and one vector of columns) the
     * small-product kernel on one thread; larger ones the kernel named by {@link #kernelName()}, on one
     * thread below 128³ multiply-adds (blocked) or {@code VECTORIZED_PARALLEL_FROM} (vectorised) and on all
     * the common ForkJoin pool's threads above.
     *
     * @param m rows of A and C
     * @param k columns of A, rows of B
     * @param n columns of B and C
     * @param a A's data
     * @param aOffset where A starts in {@code a}
     * @param b B's data
     * @param bOffset where B starts in {@code b}
     * @param c C's data (overwritten)
     * @param cOffset where C starts in {@code c}
     * @throws IllegalArgumentException if a size or offset is negative, an array is too short for its
     *     matrix, or C overlaps A or B
     */
    public static void multiply(int m, int k, int n, double[] a, int aOffset, double[] b, int bOffset,
                                double[] c, int cOffset) {
        multiplyStrided(m, k, n, a, aOffset, k, 1, b, bOffset, n, 1, c, cOffset);
    }

    /**
     * Computes {@code C = A·B} where A and B are read through strides, so that a transposed or sliced
     * view is multiplied without first being copied: element {@code a_ip} is
     * {@code a[aOffset + i·aRowStride + p·aColStride]}, and likewise for B. A transposed row-major
     * matrix, for example, has row stride 1 and column stride equal to its original row length. C is
     * contiguous and row-major. Chooses the kernel as {@link #multiply} does.
     *
     * @param m rows of A and C
     * @param k columns of A, rows of B
     * @param n columns of B and C
     * @param a A's data
     * @param aOffset where {@code a_00} is
     * @param aRowStride how far apart consecutive rows of A are (may be 0 for a broadcast row)
     * @param aColStride how far apart consecutive columns of A are
     * @param b B's data
     * @param bOffset where {@code b_00} is
     * @param bRowStride how far apart consecutive rows of B are
     * @param bColStride how far apart consecutive columns of B are
     * @param c C's data (overwritten)
     * @param cOffset where C starts in {@code c}
     * @throws IllegalArgumentException if a size, offset or stride is negative, an array is too short
     *     for its matrix, or C overlaps A or B
     */
    public static void multiplyStrided(int m, int k, int n,
                                       double[] a, int aOffset, int aRowStride, int aColStride,
                                       double[] b, int bOffset, int bRowStride, int bColStride,
                                       double[] c, int cOffset) {
        checkStridedArguments("matmul", m, k, n, a, aOffset, aRowStride, aColStride,
                b, bOffset, bRowStride, bColStride, c, cOffset);
        long work = (long) m * k * n;
        if (takesNaiveLoop(m, k, n)) {
            naiveStrided(m, k, n, a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, c, cOffset);
        } else if (FRONT_USES_VECTORIZED && work < SMALL_BELOW && SmallMatMul.handles(m, n)) {
            SmallMatMul.multiply(m, k, n, a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride,
                    c, cOffset);
        } else if (FRONT_USES_VECTORIZED) {
            int threads = work >= VECTORIZED_PARALLEL_FROM ? availableThreads() : 1;
            VectorMatMul.multiply(m, k, n, a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride,
                    c, cOffset, threads);
        } else {
            int threads = work >= BLOCKED_PARALLEL_FROM ? availableThreads() : 1;
            BlockedMatMul.multiply(m, k, n, a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride,
                    c, cOffset, threads);
        }
    }

    /**
     * Returns whether {@link #multiply} and {@link #multiplyStrided} compute an {@code m × k} by {@code k × n}
     * product with the naive loop (fewer than 16³ multiply-adds), which rounds differently from the other
     * kernels (a multiply and an add instead of one fused multiply-add); every bigger product gets the
     * same bits from whichever kernel computes it.
     *
     * @param m rows of A and C
     * @param k columns of A, rows of B
     * @param n columns of B and C
     * @return {@code true} if {@code m·k·n} is below 16³
     */
    public static boolean takesNaiveLoop(int m, int k, int n) {
        return (long) m * k * n < NAIVE_BELOW;
    }

    /**
     * Writes C when it needs no multiply-add — nothing for an empty C ({@code m} or {@code n} is 0),
     * zeros for {@code k = 0} — and tells whether it did; the fast kernels start with it.
     */
    static boolean writeProductWithoutWork(int m, int k, int n, double[] c, int cOffset) {
        if (m == 0 || n == 0) {
            return true;
        }
        if (k == 0) {
            java.util.Arrays.fill(c, cOffset, cOffset + m * n, 0.0);
            return true;
        }
        return false;
    }

    /** The textbook triple loop on strided operands: {@code c_ij = Σ_p a_ip · b_pj}. */
    static void naiveStrided(int m, int k, int n, double[] a, int aOffset, int aRowStride, int aColStride,
                             double[] b, int bOffset, int bRowStride, int bColStride, double[] c, int cOffset) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[aOffset + i * aRowStride + p * aColStride] * b[bOffset + p * bRowStride + j * bColStride];
                }
                c[cOffset + i * n + j] = sum;
            }
        }
    }

    /**
     * The reference kernel: the textbook triple loop, {@code c_ij = Σ_k a_ik · b_kj}, one dot
     * product per output element. Slow for large matrices (it walks B column-wise), but obviously
     * right; every faster kernel is tested against it.
     *
     * @param m rows of A and C
     * @param k columns of A, rows of B
     * @param n columns of B and C
     * @param a A's data
     * @param aOffset where A starts in {@code a}
     * @param b B's data
     * @param bOffset where B starts in {@code b}
     * @param c C's data (overwritten)
     * @param cOffset where C starts in {@code c}
     * @throws IllegalArgumentException if a size or offset is negative, an array is too short for its
     *     matrix, or C overlaps A or B
     */
    public static void naive(int m, int k, int n, double[] a, int aOffset, double[] b, int bOffset,
                             double[] c, int cOffset) {
        checkArguments("matmul (naive)", m, k, n, a, aOffset, b, bOffset, c, cOffset);
        naiveStrided(m, k, n, a, aOffset, k, 1, b, bOffset, n, 1, c, cOffset); // row-major: strides (k, 1), (n, 1)
    }

    /**
     * The plain-Java fast kernel ({@link BlockedMatMul}): cache- and register-blocked, auto-vectorised
     * by HotSpot, with the rows of C split among {@code threads} tasks on the common ForkJoin pool.
     * Each element is {@code c = fma(a_ip, b_pj, c)} for {@code p = 0 … k−1}, so the result is the same
     * bits for any {@code threads}.
     *
     * @param m rows of A and C
     * @param k columns of A, rows of B
     * @param n columns of B and C
     * @param a A's data
     * @param aOffset where A starts in {@code a}
     * @param b B's data
     * @param bOffset where B starts in {@code b}
     * @param c C's data (overwritten)
     * @param cOffset where C starts in {@code c}
     * @param threads how many tasks to split the rows into ({@code >= 1}); 1 runs on the calling thread
     * @throws IllegalArgumentException if a size or offset is negative, an array is too short for its
     *     matrix, C overlaps A or B, or {@code threads < 1}
     */
    public static void blocked(int m, int k, int n, double[] a, int aOffset, double[] b, int bOffset,
                               double[] c, int cOffset, int threads) {
        checkArguments("matmul (blocked)", m, k, n, a, aOffset, b, bOffset, c, cOffset);
        checkThreads("matmul (blocked)", threads);
        BlockedMatMul.multiply(m, k, n, a, aOffset, k, 1, b, bOffset, n, 1, c, cOffset, threads);
    }

    /**
     * The Vector API kernel ({@link VectorMatMul}): packed panels and a 4×32 (AVX-512) or 4×12 (AVX2) FMA
     * micro-kernel, with the rows of C split among {@code threads} tasks on the common ForkJoin pool.
     * Gives the same bits as
     * {@link #blocked}, for any {@code threads}.
     *
     * @param m rows of A and C
     * @param k columns of A, rows of B
     * @param n columns of B and C
     * @param a A's data
     * @param aOffset where A starts in {@code a}
     * @param b B's data
     * @param bOffset where B starts in {@code b}
     * @param c C's data (overwritten)
     * @param cOffset where C starts in {@code c}
     * @param threads how many tasks to split the rows into ({@code >= 1}); 1 runs on the calling thread
     * @throws UnsupportedOperationException if the JVM was started without
     *     {@code --add-modules jdk.incubator.vector} (see {@link #isVectorApiAvailable()})
     * @throws IllegalArgumentException if a size or offset is negative, an array is too short for its
     *     matrix, C overlaps A or B, or {@code threads < 1}
     */
    public static void vectorized(int m, int k, int n, double[] a, int aOffset, double[] b, int bOffset,
                                  double[] c, int cOffset, int threads) {
        if (!VECTOR_API_AVAILABLE) {
            throw new UnsupportedOperationException("matmul (vectorized): the Vector API kernel needs the "
                    + "module jdk.incubator.vector; start the JVM with --add-modules jdk.incubator.vector, "
                    + "or call MatMulKernels.blocked or MatMulKernels.multiply instead");
        }
        checkArguments("matmul (vectorized)", m, k, n, a, aOffset, b, bOffset, c, cOffset);
        checkThreads("matmul (vectorized)", threads);
        VectorMatMul.multiply(m, k, n, a, aOffset, k, 1, b, bOffset, n, 1, c, cOffset, threads);
    }

    /**
     * Returns whether {@link #vectorized} can run: the module {@code jdk.incubator.vector} is present
     * (the JVM was started with {@code --add-modules jdk.incubator.vector}).
     *
     * @return {@code true} if the Vector API kernel is available
     */
    public static boolean isVectorApiAvailable() {
        return VECTOR_API_AVAILABLE;
    }

    /**
     * Returns the name of the kernel {@link #multiply} uses for all but tiny products: {@code "vectorized"}
     * when the Vector API is available and the CPU has 256-bit vectors, {@code "blocked"} otherwise.
     * Decided once, when this class is loaded.
     *
     * @return {@code "vectorized"} or {@code "blocked"}
     */
    public static String kernelName() {
        return FRONT_USES_VECTORIZED ? "vectorized" : "blocked";
    }

    /**
     * Returns how many threads {@link #multiply} uses for big products: the common ForkJoin pool's
     * workers plus the calling thread (which runs one task itself), at most the number of processors.
     */
    static int availableThreads() {
        int processors = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(processors, ForkJoinPool.getCommonPoolParallelism() + 1));
    }

    private static void checkThreads(String op, int threads) {
        checkArgument(threads >= 1, "%s: threads must be >= 1, got %s", op, threads);
    }

    /**
     * Checks the arguments of {@link #multiplyStrided}: sizes, offsets and strides non-negative, every
     * element of A and B inside its array, C contiguous inside its array, and C sharing no element of
     * the span A or B covers; the messages name the operation, the shapes and the rule.
     */
    static void checkStridedArguments(String op, int m, int k, int n,
                                      double[] a, int aOffset, int aRowStride, int aColStride,
                                      double[] b, int bOffset, int bRowStride, int bColStride,
                                      double[] c, int cOffset) {
        if (m < 0 || k < 0 || n < 0) {
            throw new IllegalArgumentException(op + ": sizes must be >= 0, got A " + m + "×" + k
                    + " and B " + k + "×" + n + " (m = " + m + ", k = " + k + ", n = " + n + ")");
        }
        long aEnd = checkStridedMatrix(op, "A", m, k, a, aOffset, aRowStride, aColStride);
        long bEnd = checkStridedMatrix(op, "B", k, n, b, bOffset, bRowStride, bColStride);
        checkMatrix(op, "C", m, n, c, cOffset);
        long cSize = (long) m * n;
        if (cSize > 0 && ((a == c && (long) m * k > 0 && aOffset < cOffset + cSize && cOffset < aEnd)
                || (b == c && (long) k * n > 0 && bOffset < cOffset + cSize && cOffset < bEnd))) {
            throw new IllegalArgumentException(op + ": C (" + cSize + " elements at offset " + cOffset
                    + ") overlaps " + (a == c ? "A" : "B") + " in the same array; C is overwritten, so it must"
                    + " not share elements with A or B");
        }
    }

    /** Checks a strided matrix lies inside its array; returns one past its last element (its end). */
    private static long checkStridedMatrix(String op, String name, int rows, int cols, double[] data, int offset,
                                           int rowStride, int colStride) {
        if (data == null) {
            throw new IllegalArgumentException(op + ": the array for " + name + " (" + rows + "×" + cols
                    + ") is null");
        }
        if (rowStride < 0 || colStride < 0) {
            throw new IllegalArgumentException(op + ": " + name + " has strides (" + rowStride + ", " + colStride
                    + "); strides must be >= 0");
        }
        if (rows == 0 || cols == 0) {
            return offset;
        }
        long last = offset + (long) (rows - 1) * rowStride + (long) (cols - 1) * colStride;
        if (offset < 0 || last >= data.length) {
            throw new IllegalArgumentException(op + ": " + name + " is " + rows + "×" + cols + " with strides ("
                    + rowStride + ", " + colStride + ") starting at offset " + offset + ", so it reaches index "
                    + last + ", but its array has length " + data.length);
        }
        return last + 1;
    }

    /**
     * Checks that the sizes and offsets are non-negative, that each array holds its whole matrix, and
     * that C shares no element with A or B; the messages name the operation, the shapes and the rule.
     */
    static void checkArguments(String op, int m, int k, int n, double[] a, int aOffset, double[] b,
                               int bOffset, double[] c, int cOffset) {
        if (m < 0 || k < 0 || n < 0) {
            throw new IllegalArgumentException(op + ": sizes must be >= 0, got A " + m + "×" + k
                    + " and B " + k + "×" + n + " (m = " + m + ", k = " + k + ", n = " + n + ")");
        }
        checkMatrix(op, "A", m, k, a, aOffset);
        checkMatrix(op, "B", k, n, b, bOffset);
        checkMatrix(op, "C", m, n, c, cOffset);
        checkNoOverlap(op, "A", m, k, a, aOffset, c, cOffset, (long) m * n);
        checkNoOverlap(op, "B", k, n, b, bOffset, c, cOffset, (long) m * n);
    }

    private static void checkMatrix(String op, String name, int rows, int cols, double[] data, int offset) {
        if (data == null) {
            throw new IllegalArgumentException(op + ": the array for " + name + " (" + rows + "×" + cols
                    + ") is null");
        }
        long size = (long) rows * cols;
        if (offset < 0 || offset + size > data.length) {
            throw new IllegalArgumentException(op + ": " + name + " is " + rows + "×" + cols + " (" + size
                    + " elements) starting at offset " + offset + ", but its array has length " + data.length
                    + "; need 0 <= offset and offset + rows·cols <= length");
        }
    }

    private static void checkNoOverlap(String op, String name, int rows, int cols, double[] data, int offset,
                                       double[] c, int cOffset, long cSize) {
        long size = (long) rows * cols;
        if (data != c || size == 0 || cSize == 0) {
            return;
        }
        boolean disjoint = offset + size <= cOffset || cOffset + cSize <= offset;
        if (!disjoint) {
            throw new IllegalArgumentException(op + ": C (" + cSize + " elements at offset " + cOffset
                    + ") overlaps " + name + " (" + rows + "×" + cols + " at offset " + offset
                    + ") in the same array; C is overwritten, so it must not share elements with A or B");
        }
    }
}
