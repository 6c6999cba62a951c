package gradschool.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matmul kernel for small products: no packing, the operands read where they lie, one thread.
 *
 * <pre>{@code
 * // (32×200)·(200×27), both row-major: the makemore MLP's logits
 * SmallMatMul.multiply(32, 200, 27, h, 0, 200, 1, w, 0, 27, 1, logits, 0);
 * }</pre>
 *
 * <p>For a product of a few hundred thousand multiply-adds, copying A and B into packed panels
 * ({@link VectorMatMul}) costs as much as the arithmetic, and widths such as 27 or 30 fall into edge
 * tiles that compute a full tile to keep a few columns. Here, for each block of 4 rows of C and each
 * run of one or two vectors of columns, the tile is kept in {@link DoubleVector} registers while p runs
 * along k:
 * <pre>
 *   tile[r][v] = fma(a[i+r][p], b[p][j+v·lanes …], tile[r][v])
 * </pre>
 * {@code a[i+r][p]} is read through A's strides (a transposed A, as in {@code Aᵀ·G}, costs nothing),
 * and a row of B is read as vectors straight from B when B's rows are contiguous. A B whose columns
 * are contiguous (a transposed view, as in {@code x·Wᵀ} and {@code G·Bᵀ}) is not transposed as a whole:
 * C is computed one strip of 16 columns (two vectors) at a time, for all rows, and the strip's columns of
 * B are first gathered, a vector at a time, into a small buffer that stays in the L1 cache while it is
 * used.
 *
 * <p><b>Tails without edge tiles.</b> When the columns do not end on a whole vector, the last vector
 * is placed to end exactly at column {@code n}, overlapping columns already computed; likewise the
 * last block of 4 rows ends at row {@code m}. The overlapped elements are computed again by the same
 * chain of fused multiply-adds and stored again with the same bits, so nothing is padded, masked or
 * copied. This needs {@code m >= 4} and {@code n >=} one vector's lanes ({@link #handles}).
 *
 * <p><b>Rounding.</b> Every element is {@code c = 0; c = fma(a_ip, b_pj, c)} for {@code p = 0 … k−1},
 * the chain {@link BlockedMatMul} and {@link VectorMatMul} compute: the same bits as theirs, so the
 * front method may switch between this kernel and theirs at any size without changing a result.
 */
final class SmallMatMul {

    /** The machine's preferred vector (8 doubles with AVX-512, 4 with AVX2). */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Lanes in one vector. */
    static final int LANES = SPECIES.length();

    /** Rows of C in one tile. */
    static final int ROWS = 4;

    /** The largest transposed copy of B (in doubles, 4 MiB) that a thread keeps for reuse. */
    private static final int MAX_RETAINED = 1 << 19;

    /** Each thread's buffer for a transposed B. */
    private static final ThreadLocal<double[][]> BUFFER = ThreadLocal.withInitial(() -> new double[][] {new double[0]});

    private SmallMatMul() {
    }

    /**
     * Returns whether this kernel can compute an {@code m × n} product: at least 4 rows and one
     * vector of columns.
     *
     * @param m rows of C
     * @param n columns of C
     * @return {@code true} if {@code m >= 4} and {@code n >= LANES}
     */
    static boolean handles(int m, int n) {
        return m >= ROWS && n >= LANES;
    }

    /**
     * Computes {@code C = A·B} on the calling thread; arguments as in
     * {@link MatMulKernels#multiplyStrided}, already checked, and {@link #handles handled}.
     */
    static void multiply(int m, int k, int n, double[] a, int aOffset, int aRowStride, int aColStride,
                         double[] b, int bOffset, int bRowStride, int bColStride, double[] c, int cOffset) {
        if (MatMulKernels.writeProductWithoutWork(m, k, n, c, cOffset)) {
            return;
        }
        if (bColStride != 1 && bRowStride < bColStride) {
            multiplyByColumnStrips(m, k, n, a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride,
                    c, cOffset);
            return;
        }
        if (bColStride != 1) {   // rows of B with a step: gather them into a row-major copy
            double[] rows = buffer(k * n);
            for (int p = 0; p < k; p++) {
                StridedLoops.gather(b, bOffset + p * bRowStride, bColStride, rows, p * n, n);
            }
            b = rows;
            bOffset = 0;
            bRowStride = n;
        }
        for (int i0 = 0; i0 < m; i0 += ROWS) {
            int i = Math.min(i0, m - ROWS);   // the last block ends at row m, overlapping the one before
            int a0 = aOffset + i * aRowStride;
            int c0 = cOffset + i * n;
            int j = 0;
            for (; j + 2 * LANES <= n; j += 2 * LANES) {
                twoVectors(k, a, a0, aRowStride, aColStride, b, bOffset + j, bRowStride, c, c0 + j, n);
            }
            while (j < n) {
                int jj = Math.min(j, n - LANES);   // the last vector ends at column n
                oneVector(k, a, a0, aRowStride, aColStride, b, bOffset + jj, bRowStride, c, c0 + jj, n);
                j = jj + LANES;
            }
        }
    }

    /**
     * {@code C = A·B} for a B whose columns are contiguous ({@code G·Wᵀ}, {@code x·Wᵀ}): one strip of
     * columns of C at a time (two vectors wide, or one for the last), all rows. The strip's columns of B
     * are first gathered into a small row-major buffer ({@code k × 16} numbers with 8-lane vectors), which
     * then stays in the L1 cache while every block of rows uses it — instead of a transposed copy of all
     * of B that is written to and read back from the L2 cache. Same tiles, same chains, same bits.
     */
    private static void multiplyByColumnStrips(int m, int k, int n, double[] a, int aOffset, int aRowStride,
                                               int aColStride, double[] b, int bOffset, int bRowStride,
                                               int bColStride, double[] c, int cOffset) {
        double[] strip = buffer(k * 2 * LANES);
        int[] columnOffsets = new int[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            columnOffsets[lane] = lane * bColStride;
        }
        int j = 0;
        while (j < n) {
            boolean two = j + 2 * LANES <= n;
            int jj = two ? j : Math.min(j, n - LANES);   // the last vector ends at column n
            int width = two ? 2 * LANES : LANES;
            for (int v = 0; v < width; v += LANES) {
                int column = bOffset + (jj + v) * bColStride;
                for (int p = 0; p < k; p++) {
                    DoubleVector.fromArray(SPECIES, b, column + p * bRowStride, columnOffsets, 0)
                            .intoArray(strip, p * width + v);
                }
            }
            for (int i0 = 0; i0 < m; i0 += ROWS) {
                int i = Math.min(i0, m - ROWS);   // the last block ends at row m, overlapping the one before
                int a0 = aOffset + i * aRowStride;
                int c0 = cOffset + i * n + jj;
                if (two) {
                    twoVectors(k, a, a0, aRowStride, aColStride, strip, 0, width, c, c0, n);
                } else {
                    oneVector(k, a, a0, aRowStride, aColStride, strip, 0, width, c, c0, n);
                }
            }
            j = jj + width;
        }
    }

    /** A 4-row tile two vectors wide: C's rows start at {@code c[cIndex + r·n]}, B's columns at {@code b[bIndex]}. */
    private static void twoVectors(int k, double[] a, int aIndex, int aRowStride, int aColStride,
                                   double[] b, int bIndex, int bRowStride, double[] c, int cIndex, int n) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        int a1 = aIndex + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        for (int p = 0; p < k; p++) {
            int bi = bIndex + p * bRowStride;
            int ap = p * aColStride;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bi + LANES);
            DoubleVector x0 = DoubleVector.broadcast(SPECIES, a[aIndex + ap]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(SPECIES, a[a1 + ap]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(SPECIES, a[a2 + ap]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(SPECIES, a[a3 + ap]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
        }
        c00.intoArray(c, cIndex);
        c01.intoArray(c, cIndex + LANES);
        c10.intoArray(c, cIndex + n);
        c11.intoArray(c, cIndex + n + LANES);
        c20.intoArray(c, cIndex + 2 * n);
        c21.intoArray(c, cIndex + 2 * n + LANES);
        c30.intoArray(c, cIndex + 3 * n);
        c31.intoArray(c, cIndex + 3 * n + LANES);
    }

    /** A 4-row tile one vector wide; as {@link #twoVectors}. */
    private static void oneVector(int k, double[] a, int aIndex, int aRowStride, int aColStride,
                                  double[] b, int bIndex, int bRowStride, double[] c, int cIndex, int n) {
        DoubleVector c0 = DoubleVector.zero(SPECIES);
        DoubleVector c1 = c0;
        DoubleVector c2 = c0;
        DoubleVector c3 = c0;
        int a1 = aIndex + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        for (int p = 0; p < k; p++) {
            int ap = p * aColStride;
            DoubleVector bp = DoubleVector.fromArray(SPECIES, b, bIndex + p * bRowStride);
            c0 = DoubleVector.broadcast(SPECIES, a[aIndex + ap]).fma(bp, c0);
            c1 = DoubleVector.broadcast(SPECIES, a[a1 + ap]).fma(bp, c1);
            c2 = DoubleVector.broadcast(SPECIES, a[a2 + ap]).fma(bp, c2);
            c3 = DoubleVector.broadcast(SPECIES, a[a3 + ap]).fma(bp, c3);
        }
        c0.intoArray(c, cIndex);
        c1.intoArray(c, cIndex + n);
        c2.intoArray(c, cIndex + 2 * n);
        c3.intoArray(c, cIndex + 3 * n);
    }

    /** Returns this thread's buffer of at least {@code size} doubles (a fresh one above {@link #MAX_RETAINED}). */
    private static double[] buffer(int size) {
        double[][] holder = BUFFER.get();
        if (holder[0].length >= size) {
            return holder[0];
        }
        double[] fresh = new double[size];
        if (size <= MAX_RETAINED) {
            holder[0] = fresh;
        }
        return fresh;
    }
}
