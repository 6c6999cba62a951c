package gradschool.core.kernels;

import java.util.ArrayList;
import java.util.List;

/**
 * A fast matrix-multiplication kernel in plain Java: cache-blocked, register-blocked, and written so
 * that HotSpot's auto-vectoriser turns its innermost loop into AVX instructions.
 *
 * <pre>{@code
 * // C (2×2) = A (2×3) · B (3×2), all row-major, all starting at offset 0, one thread
 * BlockedMatMul.multiply(2, 3, 2, a, 0, b, 0, c, 0, 1);
 * }</pre>
 *
 * <p>Three ideas make it ten to thirty times faster than {@link MatMulKernels#naive the textbook loop}
 * (docs/performance.md):
 * <ol>
 *   <li><b>Copy B into separate rows.</b> B is copied once into {@code double[]} rows, cut into column
 *       blocks {@value #COLUMN_BLOCK} wide. The innermost loop then reads {@code bRow[j]} and writes
 *       {@code cRow[j]} — plain {@code array[j]} accesses with no offsets, which is the shape of loop
 *       HotSpot's auto-vectoriser (C2 "SuperWord") recognises. With offsets into one big array
 *       ({@code c[cStart + j] += a * b[bStart + j]}) it does not vectorise, and runs 5–10× slower.</li>
 *   <li><b>Register blocking.</b> Each pass of the innermost loop updates {@value #ROWS} rows of C
 *       at once, with k unrolled by 2: every element of B that is loaded is used 4 times, and 8
 *       multiply-adds are done per 2 loads of B.</li>
 *   <li><b>Cache blocking.</b> The loops over k and over columns are cut into blocks of
 *       {@value #DEPTH_BLOCK} × {@value #COLUMN_BLOCK}, so the piece of B being reused (256 KiB)
 *       stays in the L2 cache while every row of A passes over it, and the 4 rows of C being
 *       updated (8 KiB) stay in L1.</li>
 * </ol>
 *
 * <p><b>Rounding, and why the thread count does not change the answer.</b> Every element is
 * computed as the same chain of fused multiply-adds, whatever the block sizes or the number of
 * threads: {@code c = 0; for p = 0, 1, …, k−1: c = fma(a_ip, b_pj, c)} — each {@link Math#fma} rounds
 * once. Blocking only changes <i>when</i> each step happens, never the order of the steps for one
 * element, and threads only split the rows of C between them. So the result is bit-for-bit the same
 * for 1 thread or 8, and the same as {@link VectorMatMul}'s. It differs from {@link MatMulKernels#naive}
 * (which rounds the product and the sum separately) in the last bits.
 *
 * <p>All arguments are as in {@link MatMulKernels}: row-major, contiguous, C overwritten. This class does
 * not check them; {@link MatMulKernels#blocked} does.
 */
final class BlockedMatMul {

    /** Rows of C updated together by the innermost loop (the register block). */
    static final int ROWS = 4;

    /** Rows of B (steps of k) in one cache block. */
    static final int DEPTH_BLOCK = 128;

    /** Columns of B and C in one cache block. */
    static final int COLUMN_BLOCK = 256;

    private BlockedMatMul() {
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
        if (aColStride != 1 || aRowStride != k) {
            // The inner loops read A as contiguous rows: gather a strided A once (m·k reads, small
            // next to the m·k·n multiply-adds).
            double[] rows = new double[m * k];
            if (aRowStride < aColStride) {   // a transposed view: its columns are contiguous, read down them
                BlockTranspose.copy(a, aOffset, aColStride, aRowStride, k, m, rows, 0, k);
            } else {
                for (int i = 0; i < m; i++) {
                    for (int p = 0; p < k; p++) {
                        rows[i * k + p] = a[aOffset + i * aRowStride + p * aColStride];
                    }
                }
            }
            a = rows;
            aOffset = 0;
        }
        double[][][] bBlocks = copyIntoColumnBlocks(k, n, b, bOffset, bRowStride, bColStride);
        List<RowRange> tasks = new ArrayList<>();
        for (int[] rows : RowSplit.split(m, threads, ROWS)) {
            tasks.add(new RowRange(rows[0], rows[1], k, n, a, aOffset, bBlocks, c, cOffset));
        }
        RowSplit.runAll(tasks);
    }

    /**
     * Copies B ({@code k × n}) into column blocks: {@code blocks[jb][p]} is row {@code p} of B,
     * columns {@code jb·COLUMN_BLOCK …} up to {@value #COLUMN_BLOCK} of them, as its own array.
     */
    private static double[][][] copyIntoColumnBlocks(int k, int n, double[] b, int bOffset, int bRowStride,
                                                     int bColStride) {
        int blockCount = (n + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        double[][][] blocks = new double[blockCount][k][];
        for (int jb = 0; jb < blockCount; jb++) {
            int j0 = jb * COLUMN_BLOCK;
            int width = Math.min(COLUMN_BLOCK, n - j0);
            for (int p = 0; p < k; p++) {
                blocks[jb][p] = new double[width];
            }
            if (bRowStride < bColStride) {
                // a transposed view (Wᵀ): its columns are contiguous; copy 8 rows at a time, each column
                // of the 8 read as one short run, instead of gathering every row with the long stride
                for (int p0 = 0; p0 < k; p0 += 8) {
                    int p1 = Math.min(k, p0 + 8);
                    for (int j = 0; j < width; j++) {
                        int column = bOffset + (j0 + j) * bColStride;
                        for (int p = p0; p < p1; p++) {
                            blocks[jb][p][j] = b[column + p * bRowStride];
                        }
                    }
                }
            } else {
                for (int p = 0; p < k; p++) {
                    int from = bOffset + p * bRowStride + j0 * bColStride;
                    StridedLoops.gather(b, from, bColStride, blocks[jb][p], 0, width);
                }
            }
        }
        return blocks;
    }

    /**
     * One task: the rows {@code [rowStart, rowEnd)} of C. A named class (rather than a lambda) so
     * that it shows up by name in a debugger's list of threads and frames.
     */
    private static final class RowRange extends RowTask {
        private static final long serialVersionUID = 1L;

        private final transient double[][][] bBlocks;

        RowRange(int rowStart, int rowEnd, int k, int n, double[] a, int aOffset, double[][][] bBlocks,
                 double[] c, int cOffset) {
            super(rowStart, rowEnd, k, n, a, aOffset, c, cOffset);
            this.bBlocks = bBlocks;
        }

        @Override
        protected void compute() {
            // The ROWS rows of C being updated, as separate arrays (one column block wide).
            double[][] cRows = new double[ROWS][COLUMN_BLOCK];
            for (int pStart = 0; pStart < k; pStart += DEPTH_BLOCK) {
                int pEnd = Math.min(k, pStart + DEPTH_BLOCK);
                boolean firstDepthBlock = pStart == 0;
                for (int jb = 0; jb < bBlocks.length; jb++) {
                    double[][] bRows = bBlocks[jb];
                    int j0 = jb * COLUMN_BLOCK;
                    int width = bRows[0].length;
                    int i = rowStart;
                    for (; i + ROWS <= rowEnd; i += ROWS) {
                        loadRows(cRows, ROWS, i, j0, width, firstDepthBlock);
                        fourRows(cRows, i, pStart, pEnd, bRows, width);
                        storeRows(cRows, ROWS, i, j0, width);
                    }
                    for (; i < rowEnd; i++) {
                        loadRows(cRows, 1, i, j0, width, firstDepthBlock);
                        oneRow(cRows[0], i, pStart, pEnd, bRows, width);
                        storeRows(cRows, 1, i, j0, width);
                    }
                }
            }
        }

        /**
         * The heart of the kernel: {@code cRows[r][j] += Σ_p a[i+r][p] · bRows[p][j]} for 4 rows r
         * and {@code p} in {@code [pStart, pEnd)}, as one {@code fma} per step, p in increasing order.
         * The inner {@code j} loop is the one HotSpot vectorises.
         */
        private void fourRows(double[][] cRows, int i, int pStart, int pEnd, double[][] bRows, int width) {
            double[] c0 = cRows[0];
            double[] c1 = cRows[1];
            double[] c2 = cRows[2];
            double[] c3 = cRows[3];
            int a0 = aOffset + i * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            int p = pStart;
            for (; p + 1 < pEnd; p += 2) {
                double[] bp = bRows[p];
                double[] bq = bRows[p + 1];
                double a0p = a[a0 + p];
                double a0q = a[a0 + p + 1];
                double a1p = a[a1 + p];
                double a1q = a[a1 + p + 1];
                double a2p = a[a2 + p];
                double a2q = a[a2 + p + 1];
                double a3p = a[a3 + p];
                double a3q = a[a3 + p + 1];
                for (int j = 0; j < width; j++) {
                    double bpj = bp[j];
                    double bqj = bq[j];
                    c0[j] = Math.fma(a0q, bqj, Math.fma(a0p, bpj, c0[j]));
                    c1[j] = Math.fma(a1q, bqj, Math.fma(a1p, bpj, c1[j]));
                    c2[j] = Math.fma(a2q, bqj, Math.fma(a2p, bpj, c2[j]));
                    c3[j] = Math.fma(a3q, bqj, Math.fma(a3p, bpj, c3[j]));
                }
            }
            if (p < pEnd) {   // k odd within this block: one last step
                double[] bp = bRows[p];
                double a0p = a[a0 + p];
                double a1p = a[a1 + p];
                double a2p = a[a2 + p];
                double a3p = a[a3 + p];
                for (int j = 0; j < width; j++) {
                    double bpj = bp[j];
                    c0[j] = Math.fma(a0p, bpj, c0[j]);
                    c1[j] = Math.fma(a1p, bpj, c1[j]);
                    c2[j] = Math.fma(a2p, bpj, c2[j]);
                    c3[j] = Math.fma(a3p, bpj, c3[j]);
                }
            }
        }

        /** The same steps as {@link #fourRows} for one leftover row (when the row count is not a multiple of 4). */
        private void oneRow(double[] c0, int i, int pStart, int pEnd, double[][] bRows, int width) {
            int a0 = aOffset + i * k;
            for (int p = pStart; p < pEnd; p++) {
                double[] bp = bRows[p];
                double a0p = a[a0 + p];
                for (int j = 0; j < width; j++) {
                    c0[j] = Math.fma(a0p, bp[j], c0[j]);
                }
            }
        }

        /** Copies {@code rows} rows of C from row {@code i}, column {@code j0} into {@code cRows}, or zeroes them before the first depth block. */
        private void loadRows(double[][] cRows, int rows, int i, int j0, int width, boolean zero) {
            for (int r = 0; r < rows; r++) {
                if (zero) {
                    java.util.Arrays.fill(cRows[r], 0, width, 0.0);
                } else {
                    System.arraycopy(c, cOffset + (i + r) * n + j0, cRows[r], 0, width);
                }
            }
        }

        /** Copies {@code cRows} back into C at row {@code i}, column {@code j0}. */
        private void storeRows(double[][] cRows, int rows, int i, int j0, int width) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(cRows[r], 0, c, cOffset + (i + r) * n + j0, width);
            }
        }
    }
}
