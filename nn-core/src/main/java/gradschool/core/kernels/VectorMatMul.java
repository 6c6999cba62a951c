package gradschool.core.kernels;

import java.util.ArrayList;
import java.util.List;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fastest matrix-multiplication kernel: explicit SIMD with the Vector API
 * ({@code jdk.incubator.vector}), in the shape of GotoBLAS/BLIS — packed panels and a 4×8 micro-kernel.
 *
 * <pre>{@code
 * // only when the JVM was started with --add-modules jdk.incubator.vector;
 * // MatMulKernels.vectorized(...) checks that and the arguments, then calls this
 * VectorMatMul.multiply(m, k, n, a, 0, b, 0, c, 0, 2);
 * }</pre>
 *
 * <p><b>The micro-kernel</b> computes one {@value #MR}×{@value #NR} tile of C. It keeps the tile in 8
 * {@link DoubleVector} registers of 4 lanes each ({@code SPECIES_256}, one AVX2 register): two per row.
 * For each step p along k it loads 8 numbers of B (two vectors), and for each of the 4 rows broadcasts
 * one number of A into all lanes and does two fused multiply-adds:
 * <pre>
 *   tile[r][0..3] = fma(a[r][p], b[p][0..3], tile[r][0..3])
 *   tile[r][4..7] = fma(a[r][p], b[p][4..7], tile[r][4..7])
 * </pre>
 * 8 vector FMAs (32 multiply-adds) for 2 vector loads and 4 scalar loads: the arithmetic, not the
 * memory, is the limit.
 *
 * <p><b>Packing.</b> The micro-kernel reads A and B from copies laid out in exactly the order it
 * consumes them, so every read is the next address in memory:
 * <ul>
 *   <li>B is copied once, by the calling thread, in depth blocks of {@value #KC} rows; within a block,
 *       in strips {@value #NR} columns wide, each strip stored row after row ({@code 8·KC} numbers,
 *       32 KiB, which stays in the L1 cache while it is used). Columns past {@code n} are zero.</li>
 *   <li>Each task copies a block of A, {@value #MC} rows × {@value #KC} columns (192 KiB, stays in L2), in
 *       strips {@value #MR} rows high, stored column after column. Rows past the end are zero.</li>
 * </ul>
 * The buffers are kept per thread and reused across calls (see {@link Workspace}).
 *
 * <p><b>Rounding.</b> A tile starts at zero before the first depth block and is loaded from C before
 * each later one, so each element of C is the chain {@code c = fma(a_ip, b_pj, c)} for
 * {@code p = 0 … k−1} — exactly what {@link BlockedMatMul} computes. The result is the same bits for
 * any number of threads, and the same bits as {@code BlockedMatMul}.
 *
 * <p>Loading this class fails with a {@link LinkageError} when {@code jdk.incubator.vector} is not in the
 * module graph; {@link MatMulKernels} loads it inside a {@code try} and falls back to {@link BlockedMatMul}.
 */
final class VectorMatMul {

    /** Four doubles per vector: one 256-bit AVX2 register. */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;

    /** Lanes in one vector (4). */
    private static final int LANES = SPECIES.length();

    /** Rows of C in one micro-kernel tile. */
    static final int MR = 4;

    /** Columns of C in one micro-kernel tile: two vectors. */
    static final int NR = 2 * 4;

    /** Depth (steps of k) of one packed block of A and B. */
    static final int KC = 512;

    /** Rows of A in one packed block. */
    static final int MC = 48;

    /**
     * The largest packed copy of B (in doubles, 32 MiB) that a thread keeps for reuse; larger ones are
     * allocated for one call and left to the garbage collector.
     */
    private static final int MAX_RETAINED_B = 4 << 20;

    /** Each thread's reusable buffers. */
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private VectorMatMul() {
    }

    /**
     * Returns whether this machine runs 256-bit double vectors natively; if not, the Vector API
     * emulates them and this kernel is slower than {@link BlockedMatMul}.
     *
     * @return {@code true} if the preferred vector size is at least 256 bits
     */
    static boolean hasNativeWideVectors() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= SPECIES.vectorBitSize();
    }

    /**
     * Computes {@code C = A·B} with the rows of C split among {@code threads} tasks on the common
     * ForkJoin pool.
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
     * @param threads how many tasks to split the rows into; 1 runs on the calling thread
     */
    static void multiply(int m, int k, int n, double[] a, int aOffset, int aRowStride, int aColStride,
                         double[] b, int bOffset, int bRowStride, int bColStride,
                         double[] c, int cOffset, int threads) {
        if (MatMulKernels.writeProductWithoutWork(m, k, n, c, cOffset)) {
            return;
        }
        int paddedN = (n + NR - 1) / NR * NR;
        long packedSize = (long) k * paddedN;
        if (packedSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("matmul: B (" + k + "×" + n + ") padded to a multiple of " + NR
                    + " columns has " + packedSize + " elements, more than a Java array can hold");
        }
        Workspace workspace = WORKSPACE.get();
        boolean reserved = workspace.tryReserve();
        double[] packedB = reserved ? workspace.packedB((int) packedSize) : new double[(int) packedSize];
        try {
            packB(k, n, paddedN, b, bOffset, bRowStride, bColStride, packedB);
            List<RowRange> tasks = new ArrayList<>();
            for (int[] rows : RowSplit.split(m, threads, MR)) {
                tasks.add(new RowRange(rows[0], rows[1], k, n, paddedN, a, aOffset, aRowStride, aColStride,
                        packedB, c, cOffset));
            }
            RowSplit.runAll(tasks);
        } finally {
            if (reserved) {
                workspace.release();
            }
        }
    }

    /**
     * Copies B into {@code packed}: for each depth block starting at row {@code p0} (at
     * {@code packed[p0 · paddedN]}), strip {@code s} of {@value #NR} columns is stored row after row
     * at {@code packed[p0 · paddedN + s · depth · NR]}.
     */
    private static void packB(int k, int n, int paddedN, double[] b, int bOffset, int bRowStride, int bColStride,
                              double[] packed) {
        for (int p0 = 0; p0 < k; p0 += KC) {
            int depth = Math.min(KC, k - p0);
            int blockStart = p0 * paddedN;
            for (int j0 = 0; j0 < paddedN; j0 += NR) {
                int stripStart = blockStart + (j0 / NR) * depth * NR;
                int width = Math.min(NR, n - j0);
                for (int p = 0; p < depth; p++) {
                    int to = stripStart + p * NR;
                    int from = bOffset + (p0 + p) * bRowStride + j0 * bColStride;
                    // a transposed or otherwise strided B is gathered row by row, no copy of B made first
                    StridedLoops.gather(b, from, bColStride, packed, to, width);
                    if (width < NR) { // only the last strip of a ragged B has padding to clear
                        java.util.Arrays.fill(packed, to + width, to + NR, 0.0);
                    }
                }
            }
        }
    }

    /** One task: the rows {@code [rowStart, rowEnd)} of C. */
    private static final class RowRange extends RowTask {
        private static final long serialVersionUID = 1L;

        private final int paddedN;
        private final int aRowStride;
        private final int aColStride;
        private final transient double[] packedB;

        RowRange(int rowStart, int rowEnd, int k, int n, int paddedN, double[] a, int aOffset, int aRowStride,
                 int aColStride, double[] packedB, double[] c, int cOffset) {
            super(rowStart, rowEnd, k, n, a, aOffset, c, cOffset);
            this.paddedN = paddedN;
            this.aRowStride = aRowStride;
            this.aColStride = aColStride;
            this.packedB = packedB;
        }

        @Override
        protected void compute() {
            Workspace workspace = WORKSPACE.get();
            double[] packedA = workspace.packedA;
            double[] tile = workspace.tile;
            for (int p0 = 0; p0 < k; p0 += KC) {
                int depth = Math.min(KC, k - p0);
                boolean firstDepthBlock = p0 == 0;
                for (int i0 = rowStart; i0 < rowEnd; i0 += MC) {
                    int rows = Math.min(MC, rowEnd - i0);
                    packA(i0, rows, p0, depth, packedA);
                    for (int j0 = 0; j0 < n; j0 += NR) {
                        int bStrip = p0 * paddedN + (j0 / NR) * depth * NR;
                        int cols = Math.min(NR, n - j0);
                        for (int ir = 0; ir < rows; ir += MR) {
                            int aStrip = (ir / MR) * depth * MR;
                            int tileRows = Math.min(MR, rows - ir);
                            int cIndex = cOffset + (i0 + ir) * n + j0;
                            if (tileRows == MR && cols == NR) {
                                microKernel(depth, packedA, aStrip, packedB, bStrip, c, cIndex, n, firstDepthBlock);
                            } else {
                                // An edge tile: work in a full 4×8 scratch tile, copy back only what fits.
                                loadEdgeTile(c, cIndex, n, tile, tileRows, cols, firstDepthBlock);
                                microKernel(depth, packedA, aStrip, packedB, bStrip, tile, 0, NR, false);
                                storeEdgeTile(tile, c, cIndex, n, tileRows, cols);
                            }
                        }
                    }
                }
            }
        }

        /**
         * Copies rows {@code [i0, i0+rows)}, columns {@code [p0, p0+depth)} of A into {@code packed}:
         * strip {@code s} of {@value #MR} rows is stored column after column at {@code packed[s · depth · MR]};
         * rows past {@code rows} are zero.
         */
        private void packA(int i0, int rows, int p0, int depth, double[] packed) {
            for (int ir = 0; ir < rows; ir += MR) {
                int stripStart = (ir / MR) * depth * MR;
                for (int r = 0; r < MR; r++) {
                    if (ir + r < rows) {
                        int from = aOffset + (i0 + ir + r) * aRowStride + p0 * aColStride;
                        for (int p = 0; p < depth; p++) {
                            packed[stripStart + p * MR + r] = a[from + p * aColStride];
                        }
                    } else {
                        for (int p = 0; p < depth; p++) {
                            packed[stripStart + p * MR + r] = 0.0;
                        }
                    }
                }
            }
        }
    }

    /**
     * The micro-kernel: {@code out[r][j] = fma-chain over p of a[r][p] · b[p][j]} for a 4×8 tile,
     * starting from zero ({@code zero}) or from the tile's current values.
     *
     * @param depth steps along k
     * @param packedA A's strip: {@code packedA[aIndex + p·4 + r]} is {@code a[r][p]}
     * @param aIndex where the strip starts
     * @param packedB B's strip: {@code packedB[bIndex + p·8 + j]} is {@code b[p][j]}
     * @param bIndex where the strip starts
     * @param out where the tile lives; row r starts at {@code out[outIndex + r·outStride]}
     * @param outIndex where the tile starts
     * @param outStride distance between the tile's rows in {@code out}
     * @param zero whether to start from zero instead of the tile's values
     */
    private static void microKernel(int depth, double[] packedA, int aIndex, double[] packedB, int bIndex,
                                    double[] out, int outIndex, int outStride, boolean zero) {
        int row0 = outIndex;
        int row1 = row0 + outStride;
        int row2 = row1 + outStride;
        int row3 = row2 + outStride;
        DoubleVector c00;
        DoubleVector c01;
        DoubleVector c10;
        DoubleVector c11;
        DoubleVector c20;
        DoubleVector c21;
        DoubleVector c30;
        DoubleVector c31;
        if (zero) {
            c00 = DoubleVector.zero(SPECIES);
            c01 = c00;
            c10 = c00;
            c11 = c00;
            c20 = c00;
            c21 = c00;
            c30 = c00;
            c31 = c00;
        } else {
            c00 = DoubleVector.fromArray(SPECIES, out, row0);
            c01 = DoubleVector.fromArray(SPECIES, out, row0 + LANES);
            c10 = DoubleVector.fromArray(SPECIES, out, row1);
            c11 = DoubleVector.fromArray(SPECIES, out, row1 + LANES);
            c20 = DoubleVector.fromArray(SPECIES, out, row2);
            c21 = DoubleVector.fromArray(SPECIES, out, row2 + LANES);
            c30 = DoubleVector.fromArray(SPECIES, out, row3);
            c31 = DoubleVector.fromArray(SPECIES, out, row3 + LANES);
        }
        for (int p = 0; p < depth; p++) {
            int ai = aIndex + p * MR;   // written from p (not as separate counters), so that the JIT can
            int bi = bIndex + p * NR;   // prove the indices in range and drop the bounds checks
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, packedB, bi);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, packedB, bi + LANES);
            DoubleVector a0 = DoubleVector.broadcast(SPECIES, packedA[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(SPECIES, packedA[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(SPECIES, packedA[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(SPECIES, packedA[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(out, row0);
        c01.intoArray(out, row0 + LANES);
        c10.intoArray(out, row1);
        c11.intoArray(out, row1 + LANES);
        c20.intoArray(out, row2);
        c21.intoArray(out, row2 + LANES);
        c30.intoArray(out, row3);
        c31.intoArray(out, row3 + LANES);
    }

    /**
     * Fills the {@value #MR}×{@value #NR} scratch tile from the {@code rows × cols} corner of C at
     * {@code c[cIndex]} (rows {@code n} apart), or with zeros before the first depth block. The
     * part of the tile outside the corner is always zero, so no stale numbers reach the result.
     */
    private static void loadEdgeTile(double[] c, int cIndex, int n, double[] tile, int rows, int cols,
                                     boolean zero) {
        java.util.Arrays.fill(tile, 0.0);
        if (!zero) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, cIndex + r * n, tile, r * NR, cols);
            }
        }
    }

    /** Copies the {@code rows × cols} corner of the scratch tile back into C at {@code c[cIndex]}. */
    private static void storeEdgeTile(double[] tile, double[] c, int cIndex, int n, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * NR, c, cIndex + r * n, cols);
        }
    }

    /**
     * One thread's reusable buffers: the packed block of A, the scratch tile for edges, and the packed
     * copy of B (grown as needed, kept only up to {@link #MAX_RETAINED_B} doubles).
     */
    private static final class Workspace {
        final double[] packedA = new double[MC * KC];
        final double[] tile = new double[MR * NR];
        private double[] packedB = new double[0];
        private boolean packedBInUse;

        /**
         * Reserves this thread's packed-B buffer for one multiplication; give it back with
         * {@link #release}.
         *
         * @return {@code false} if it is already reserved — a thread that waits for its tasks may run
         *     another task that multiplies too — in which case the caller must use a fresh array
         */
        boolean tryReserve() {
            if (packedBInUse) {
                return false;
            }
            packedBInUse = true;
            return true;
        }

        /** Returns a buffer of at least {@code size} doubles, this thread's own if it is big enough or may grow. */
        double[] packedB(int size) {
            if (packedB.length >= size) {
                return packedB;
            }
            double[] buffer = new double[size];
            if (size <= MAX_RETAINED_B) {
                packedB = buffer;
            }
            return buffer;
        }

        /** Marks this thread's packed-B buffer free again. */
        void release() {
            packedBInUse = false;
        }
    }
}
