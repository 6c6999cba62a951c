package gradschool.core.kernels;

import java.util.ArrayList;
import java.util.List;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fastest matrix-multiplication kernel: explicit SIMD with the Vector API
 * ({@code jdk.incubator.vector}), in the shape of GotoBLAS/BLIS — packed panels and a 4-row micro-kernel.
 *
 * <pre>{@code
 * // only when the JVM was started with --add-modules jdk.incubator.vector;
 * // MatMulKernels.vectorized(...) checks that and the arguments, then calls this
 * VectorMatMul.multiply(m, k, n, a, 0, k, 1, b, 0, n, 1, c, 0, 2);   // strides: row-major A and B
 * }</pre>
 *
 * <p><b>The micro-kernel</b> computes one {@code MR × NR} tile of C ({@code MR} = 4 rows) and keeps it
 * in {@link DoubleVector} registers. For each step p along k it loads one row of the tile's columns of
 * B (two or three vectors), and for each of the 4 rows broadcasts one number of A into all lanes and
 * does one fused multiply-add per vector:
 * <pre>
 *   tile[r][v] = fma(a[r][p], b[p][v], tile[r][v])     for r = 0..3 and each vector v of the row
 * </pre>
 * The tile shape follows the machine ({@link Tile}): where the preferred vector is 512 bits (AVX-512),
 * 4×32 — four 8-lane vectors per row, 16 accumulators, which with the row of B and the broadcast use 21
 * of AVX-512's 32 registers; otherwise 4×12 — three 4-lane (AVX2) vectors per row, 12 accumulators, so
 * that the 16 AVX2 registers hold the tile, one row of B and the broadcast. The wider the tile, the
 * more FMAs per broadcast of A and per load: 16 FMAs for 4 broadcasts and 4 loads in the 4×32 tile, 8 for
 * 4 and 2 in the 4×16 one (about 10% slower at n = 512 and 1024, nn-bench/results/matmul.md).
 *
 * <p><b>Packing.</b> The micro-kernel reads A and B from copies laid out in exactly the order it
 * consumes them, so every read is the next address in memory:
 * <ul>
 *   <li>B is copied once, by the calling thread, in depth blocks of KC = 512 rows; within a block,
 *       in strips {@code NR} columns wide, each strip stored row after row ({@code NR·KC} numbers,
 *       48–128 KiB, which stay in the L2 cache while they are used). Columns past {@code n} are zero.</li>
 *   <li>Each task copies a block of A, MC = 48 rows × KC columns (192 KiB, stays in
 *       L2), in strips {@value #MR} rows high, stored column after column. Rows past the end are zero.</li>
 * </ul>
 * Both copies read their operand along its contiguous dimension: a transposed operand (a
 * {@code Wᵀ} view, row stride 1) is copied in small blocks, a few consecutive depths of each column at
 * a time, instead of being gathered one row at a time with a long stride. The buffers are kept per
 * thread and reused across calls (see {@link Workspace}).
 *
 * <p><b>Rounding.</b> A tile starts at zero before the first depth block and is loaded from C before
 * each later one, so each element of C is the chain {@code c = fma(a_ip, b_pj, c)} for
 * {@code p = 0 … k−1} — exactly what {@link BlockedMatMul} computes, whatever the tile. The result is
 * the same bits for any number of threads, any tile, and the same bits as {@code BlockedMatMul}.
 *
 * <p>Loading this class fails with a {@link LinkageError} when {@code jdk.incubator.vector} is not in the
 * module graph; {@link MatMulKernels} loads it inside a {@code try} and falls back to {@link BlockedMatMul}.
 */
final class VectorMatMul {

    /** Rows of C in one micro-kernel tile (every tile has 4). */
    static final int MR = 4;

    /** Eight doubles per vector: one AVX-512 register. */
    private static final VectorSpecies<Double> SPECIES_512 = DoubleVector.SPECIES_512;

    /** Four doubles per vector: one AVX2 register. */
    private static final VectorSpecies<Double> SPECIES_256 = DoubleVector.SPECIES_256;

    /**
     * Depth (steps of k) of one packed block of A and B, for every tile: 512. Measured on the 4×16 tile
     * (docs/performance.md, "Round two"): 512 was 4–17% faster than 256 at n = 128…1024, although a
     * 16-column strip of B is then 64 KiB and lives in L2 rather than the 32 KiB L1; fewer depth blocks
     * mean fewer loads and stores of the C tiles and fewer passes of packing A.
     */
    static final int KC = Integer.getInteger("gradschool.matmul.kc", 512);

    /**
     * Rows of A in one packed block: 48, so that a block of A ({@code MC × KC}, 192 KiB) stays in L2.
     * Larger blocks (96, 144, 192 rows) were no faster at n = 512 and 1024.
     */
    static final int MC = Integer.getInteger("gradschool.matmul.mc", 48);

    /**
     * The micro-kernel tiles: rows × columns of C and the vectors they use. The system properties
     * {@code gradschool.matmul.tile}, {@code gradschool.matmul.kc} and {@code gradschool.matmul.mc} override
     * the tile and the blocks, for benchmarks.
     */
    enum Tile {
        /** 4×16: two 512-bit vectors per row, 8 accumulators (AVX-512's tile before the 4×32 one). */
        WIDE_4X16(16, 512),
        /** 4×32: four 512-bit vectors per row, 16 accumulators (AVX-512's 32 registers). */
        WIDE_4X32(32, 512),
        /** 4×12: three 256-bit vectors per row, 12 accumulators (AVX2). */
        AVX2_4X12(12, 256),
        /** 4×8: two 256-bit vectors per row, 8 accumulators (this kernel's first tile; kept for comparison). */
        AVX2_4X8(8, 256);

        /** Columns of C in one tile. */
        final int nr;
        /** Bits per vector. */
        final int vectorBits;
        /** Depth (steps of k) of one packed block of A and B. */
        final int kc = KC;
        /** Rows of A in one packed block (a multiple of {@value #MR}). */
        final int mc = Math.max(MR, MC / MR * MR);

        Tile(int nr, int vectorBits) {
            this.nr = nr;
            this.vectorBits = vectorBits;
        }

        /** Whether this machine runs this tile's vectors natively. */
        boolean isNative() {
            return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= vectorBits;
        }

        /** Returns the tile for this machine: 4×32 where 512-bit vectors are preferred, else 4×12. */
        static Tile forThisMachine() {
            String name = System.getProperty("gradschool.matmul.tile");
            if (name != null) {   // for benchmarks: -Dgradschool.matmul.tile=AVX2_4X8
                return valueOf(name);
            }
            return WIDE_4X32.isNative() ? WIDE_4X32 : AVX2_4X12;
        }
    }

    /** The tile {@link #multiply} uses on this machine. */
    static final Tile TILE = Tile.forThisMachine();

    /** The widest tile's columns: the size of the per-thread scratch tile. */
    private static final int MAX_NR = 32;

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
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= SPECIES_256.vectorBitSize();
    }

    /**
     * Computes {@code C = A·B} with this machine's tile ({@link #TILE}) and the rows of C split among
     * {@code threads} tasks on the common ForkJoin pool.
     *
     * @param m rows of A and C
     * @param k columns of A, rows of B
     * @param n columns of B and C
     * @param a A's data
     * @param aOffset where {@code a_00} is
     * @param aRowStride how far apart consecutive rows of A are
     * @param aColStride how far apart consecutive columns of A are
     * @param b B's data
     * @param bOffset where {@code b_00} is
     * @param bRowStride how far apart consecutive rows of B are
     * @param bColStride how far apart consecutive columns of B are
     * @param c C's data (overwritten)
     * @param cOffset where C starts in {@code c}
     * @param threads how many tasks to split the rows into; 1 runs on the calling thread
     */
    static void multiply(int m, int k, int n, double[] a, int aOffset, int aRowStride, int aColStride,
                         double[] b, int bOffset, int bRowStride, int bColStride,
                         double[] c, int cOffset, int threads) {
        multiply(m, k, n, a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, c, cOffset,
                threads, TILE);
    }

    /**
     * Computes {@code C = A·B} as {@link #multiply(int, int, int, double[], int, int, int, double[], int, int,
     * int, double[], int, int)} does, with the given tile (the tests run every tile; a tile whose vectors
     * the machine does not have is correct but slow).
     */
    static void multiply(int m, int k, int n, double[] a, int aOffset, int aRowStride, int aColStride,
                         double[] b, int bOffset, int bRowStride, int bColStride,
                         double[] c, int cOffset, int threads, Tile tile) {
        if (MatMulKernels.writeProductWithoutWork(m, k, n, c, cOffset)) {
            return;
        }
        int nr = tile.nr;
        int paddedN = (n + nr - 1) / nr * nr;
        long packedSize = (long) k * paddedN;
        if (packedSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("matmul: B (" + k + "×" + n + ") padded to a multiple of " + nr
                    + " columns has " + packedSize + " elements, more than a Java array can hold");
        }
        Workspace workspace = WORKSPACE.get();
        boolean reserved = workspace.tryReserve();
        double[] packedB = reserved ? workspace.packedB((int) packedSize) : new double[(int) packedSize];
        try {
            packB(k, n, paddedN, b, bOffset, bRowStride, bColStride, packedB, tile);
            List<RowRange> tasks = new ArrayList<>();
            for (int[] rows : RowSplit.split(m, threads, MR)) {
                tasks.add(new RowRange(rows[0], rows[1], k, n, paddedN, a, aOffset, aRowStride, aColStride,
                        packedB, c, cOffset, tile));
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
     * {@code packed[p0 · paddedN]}), strip {@code s} of {@code NR} columns is stored row after row
     * at {@code packed[p0 · paddedN + s · depth · NR]}.
     *
     * <p>A row-major B is copied row by row. A B whose columns are its contiguous direction (row stride
     * below column stride, as in a transposed view {@code Wᵀ}) is copied in blocks of
     * {@value BlockTranspose#BLOCK} depths × the strip's columns: each column contributes a run of
     * consecutive numbers, instead of every row being gathered with the long column stride.
     */
    private static void packB(int k, int n, int paddedN, double[] b, int bOffset, int bRowStride, int bColStride,
                              double[] packed, Tile tile) {
        int nr = tile.nr;
        boolean alongColumns = bRowStride < bColStride;
        for (int p0 = 0; p0 < k; p0 += tile.kc) {
            int depth = Math.min(tile.kc, k - p0);
            int blockStart = p0 * paddedN;
            for (int j0 = 0; j0 < paddedN; j0 += nr) {
                int stripStart = blockStart + (j0 / nr) * depth * nr;
                int width = Math.min(nr, n - j0);
                int from = bOffset + p0 * bRowStride + j0 * bColStride;
                if (alongColumns) {
                    BlockTranspose.copy(b, from, bColStride, bRowStride, width, depth, packed, stripStart, nr);
                } else {
                    for (int p = 0; p < depth; p++) {
                        StridedLoops.gather(b, from + p * bRowStride, bColStride, packed, stripStart + p * nr, width);
                    }
                }
                if (width < nr) { // only the last strip of a ragged B has padding to clear
                    for (int p = 0; p < depth; p++) {
                        java.util.Arrays.fill(packed, stripStart + p * nr + width, stripStart + (p + 1) * nr, 0.0);
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
        private final Tile tile;

        RowRange(int rowStart, int rowEnd, int k, int n, int paddedN, double[] a, int aOffset, int aRowStride,
                 int aColStride, double[] packedB, double[] c, int cOffset, Tile tile) {
            super(rowStart, rowEnd, k, n, a, aOffset, c, cOffset);
            this.paddedN = paddedN;
            this.aRowStride = aRowStride;
            this.aColStride = aColStride;
            this.packedB = packedB;
            this.tile = tile;
        }

        @Override
        protected void compute() {
            Workspace workspace = WORKSPACE.get();
            double[] packedA = workspace.packedA;
            double[] scratch = workspace.tile;
            int nr = tile.nr;
            for (int p0 = 0; p0 < k; p0 += tile.kc) {
                int depth = Math.min(tile.kc, k - p0);
                boolean firstDepthBlock = p0 == 0;
                for (int i0 = rowStart; i0 < rowEnd; i0 += tile.mc) {
                    int rows = Math.min(tile.mc, rowEnd - i0);
                    packA(i0, rows, p0, depth, packedA);
                    for (int j0 = 0; j0 < n; j0 += nr) {
                        int bStrip = p0 * paddedN + (j0 / nr) * depth * nr;
                        int cols = Math.min(nr, n - j0);
                        for (int ir = 0; ir < rows; ir += MR) {
                            int aStrip = (ir / MR) * depth * MR;
                            int tileRows = Math.min(MR, rows - ir);
                            int cIndex = cOffset + (i0 + ir) * n + j0;
                            if (tileRows == MR && cols == nr) {
                                microKernel(tile, depth, packedA, aStrip, packedB, bStrip, c, cIndex, n, firstDepthBlock);
                            } else {
                                // An edge tile: work in a full scratch tile, copy back only what fits.
                                loadEdgeTile(c, cIndex, n, scratch, nr, tileRows, cols, firstDepthBlock);
                                microKernel(tile, depth, packedA, aStrip, packedB, bStrip, scratch, 0, nr, false);
                                storeEdgeTile(scratch, nr, c, cIndex, n, tileRows, cols);
                            }
                        }
                    }
                }
            }
        }

        /**
         * Copies rows {@code [i0, i0+rows)}, columns {@code [p0, p0+depth)} of A into {@code packed}:
         * strip {@code s} of {@value #MR} rows is stored column after column at {@code packed[s · depth · MR]};
         * rows past {@code rows} are zero. A row-major A is read along its rows; an A whose columns are
         * contiguous (row stride below column stride, a transposed view) is read down its columns, in
         * blocks, like {@link #packB}.
         */
        private void packA(int i0, int rows, int p0, int depth, double[] packed) {
            boolean alongColumns = aRowStride < aColStride;
            for (int ir = 0; ir < rows; ir += MR) {
                int stripStart = (ir / MR) * depth * MR;
                int stripRows = Math.min(MR, rows - ir);
                int from = aOffset + (i0 + ir) * aRowStride + p0 * aColStride;
                if (alongColumns) {
                    transposeColumns(from, stripRows, depth, packed, stripStart);
                } else {
                    BlockTranspose.copy(a, from, aRowStride, aColStride, stripRows, depth, packed, stripStart, MR);
                }
                for (int r = stripRows; r < MR; r++) {
                    for (int p = 0; p < depth; p++) {
                        packed[stripStart + p * MR + r] = 0.0;
                    }
                }
            }
        }

        /** Copies a strip of a column-contiguous A: for each depth p, its {@code stripRows} consecutive rows. */
        private void transposeColumns(int from, int stripRows, int depth, double[] packed, int stripStart) {
            for (int p = 0; p < depth; p++) {
                int column = from + p * aColStride;
                int to = stripStart + p * MR;
                for (int r = 0; r < stripRows; r++) {
                    packed[to + r] = a[column + r * aRowStride];
                }
            }
        }
    }

    /** Runs the micro-kernel of {@code tile}; see {@link #microKernel4x16}. */
    private static void microKernel(Tile tile, int depth, double[] packedA, int aIndex, double[] packedB, int bIndex,
                                    double[] out, int outIndex, int outStride, boolean zero) {
        switch (tile) {
            case WIDE_4X16:
                microKernel4x16(depth, packedA, aIndex, packedB, bIndex, out, outIndex, outStride, zero);
                break;
            case WIDE_4X32:
                microKernel4x32(depth, packedA, aIndex, packedB, bIndex, out, outIndex, outStride, zero);
                break;
            case AVX2_4X12:
                microKernel4x12(depth, packedA, aIndex, packedB, bIndex, out, outIndex, outStride, zero);
                break;
            default:
                microKernel4x8(depth, packedA, aIndex, packedB, bIndex, out, outIndex, outStride, zero);
                break;
        }
    }

    /**
     * The 4×16 micro-kernel (two 8-lane vectors per row): {@code out[r][j] = fma-chain over p of
     * a[r][p] · b[p][j]}, starting from zero ({@code zero}) or from the tile's current values.
     *
     * @param depth steps along k
     * @param packedA A's strip: {@code packedA[aIndex + p·4 + r]} is {@code a[r][p]}
     * @param aIndex where the strip starts
     * @param packedB B's strip: {@code packedB[bIndex + p·16 + j]} is {@code b[p][j]}
     * @param bIndex where the strip starts
     * @param out where the tile lives; row r starts at {@code out[outIndex + r·outStride]}
     * @param outIndex where the tile starts
     * @param outStride distance between the tile's rows in {@code out}
     * @param zero whether to start from zero instead of the tile's values
     */
    private static void microKernel4x16(int depth, double[] packedA, int aIndex, double[] packedB, int bIndex,
                                        double[] out, int outIndex, int outStride, boolean zero) {
        VectorSpecies<Double> species = SPECIES_512;
        int lanes = 8;
        int nr = 16;
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
            c00 = DoubleVector.zero(species);
            c01 = c00;
            c10 = c00;
            c11 = c00;
            c20 = c00;
            c21 = c00;
            c30 = c00;
            c31 = c00;
        } else {
            c00 = DoubleVector.fromArray(species, out, row0);
            c01 = DoubleVector.fromArray(species, out, row0 + lanes);
            c10 = DoubleVector.fromArray(species, out, row1);
            c11 = DoubleVector.fromArray(species, out, row1 + lanes);
            c20 = DoubleVector.fromArray(species, out, row2);
            c21 = DoubleVector.fromArray(species, out, row2 + lanes);
            c30 = DoubleVector.fromArray(species, out, row3);
            c31 = DoubleVector.fromArray(species, out, row3 + lanes);
        }
        for (int p = 0; p < depth; p++) {
            int ai = aIndex + p * MR;   // written from p (not as separate counters), so that the JIT can
            int bi = bIndex + p * nr;   // prove the indices in range and drop the bounds checks
            DoubleVector b0 = DoubleVector.fromArray(species, packedB, bi);
            DoubleVector b1 = DoubleVector.fromArray(species, packedB, bi + lanes);
            DoubleVector a0 = DoubleVector.broadcast(species, packedA[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(species, packedA[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(species, packedA[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(species, packedA[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(out, row0);
        c01.intoArray(out, row0 + lanes);
        c10.intoArray(out, row1);
        c11.intoArray(out, row1 + lanes);
        c20.intoArray(out, row2);
        c21.intoArray(out, row2 + lanes);
        c30.intoArray(out, row3);
        c31.intoArray(out, row3 + lanes);
    }

    /** The 4×32 micro-kernel (four 8-lane vectors per row, 16 accumulators); as {@link #microKernel4x16}. */
    private static void microKernel4x32(int depth, double[] packedA, int aIndex, double[] packedB, int bIndex,
                                        double[] out, int outIndex, int outStride, boolean zero) {
        VectorSpecies<Double> species = SPECIES_512;
        int lanes = 8;
        int nr = 32;
        int row0 = outIndex;
        int row1 = row0 + outStride;
        int row2 = row1 + outStride;
        int row3 = row2 + outStride;
        DoubleVector c00;
        DoubleVector c01;
        DoubleVector c02;
        DoubleVector c03;
        DoubleVector c10;
        DoubleVector c11;
        DoubleVector c12;
        DoubleVector c13;
        DoubleVector c20;
        DoubleVector c21;
        DoubleVector c22;
        DoubleVector c23;
        DoubleVector c30;
        DoubleVector c31;
        DoubleVector c32;
        DoubleVector c33;
        if (zero) {
            c00 = DoubleVector.zero(species);
            c01 = DoubleVector.zero(species);
            c02 = DoubleVector.zero(species);
            c03 = DoubleVector.zero(species);
            c10 = DoubleVector.zero(species);
            c11 = DoubleVector.zero(species);
            c12 = DoubleVector.zero(species);
            c13 = DoubleVector.zero(species);
            c20 = DoubleVector.zero(species);
            c21 = DoubleVector.zero(species);
            c22 = DoubleVector.zero(species);
            c23 = DoubleVector.zero(species);
            c30 = DoubleVector.zero(species);
            c31 = DoubleVector.zero(species);
            c32 = DoubleVector.zero(species);
            c33 = DoubleVector.zero(species);
        } else {
            c00 = DoubleVector.fromArray(species, out, row0 + 0 * lanes);
            c01 = DoubleVector.fromArray(species, out, row0 + 1 * lanes);
            c02 = DoubleVector.fromArray(species, out, row0 + 2 * lanes);
            c03 = DoubleVector.fromArray(species, out, row0 + 3 * lanes);
            c10 = DoubleVector.fromArray(species, out, row1 + 0 * lanes);
            c11 = DoubleVector.fromArray(species, out, row1 + 1 * lanes);
            c12 = DoubleVector.fromArray(species, out, row1 + 2 * lanes);
            c13 = DoubleVector.fromArray(species, out, row1 + 3 * lanes);
            c20 = DoubleVector.fromArray(species, out, row2 + 0 * lanes);
            c21 = DoubleVector.fromArray(species, out, row2 + 1 * lanes);
            c22 = DoubleVector.fromArray(species, out, row2 + 2 * lanes);
            c23 = DoubleVector.fromArray(species, out, row2 + 3 * lanes);
            c30 = DoubleVector.fromArray(species, out, row3 + 0 * lanes);
            c31 = DoubleVector.fromArray(species, out, row3 + 1 * lanes);
            c32 = DoubleVector.fromArray(species, out, row3 + 2 * lanes);
            c33 = DoubleVector.fromArray(species, out, row3 + 3 * lanes);
        }
        for (int p = 0; p < depth; p++) {
            int ai = aIndex + p * MR;
            int bi = bIndex + p * nr;
            DoubleVector b0 = DoubleVector.fromArray(species, packedB, bi + 0 * lanes);
            DoubleVector b1 = DoubleVector.fromArray(species, packedB, bi + 1 * lanes);
            DoubleVector b2 = DoubleVector.fromArray(species, packedB, bi + 2 * lanes);
            DoubleVector b3 = DoubleVector.fromArray(species, packedB, bi + 3 * lanes);
            DoubleVector a0 = DoubleVector.broadcast(species, packedA[ai + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            c03 = a0.fma(b3, c03);
            DoubleVector a1 = DoubleVector.broadcast(species, packedA[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            c13 = a1.fma(b3, c13);
            DoubleVector a2 = DoubleVector.broadcast(species, packedA[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            c23 = a2.fma(b3, c23);
            DoubleVector a3 = DoubleVector.broadcast(species, packedA[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            c33 = a3.fma(b3, c33);
        }
        c00.intoArray(out, row0 + 0 * lanes);
        c01.intoArray(out, row0 + 1 * lanes);
        c02.intoArray(out, row0 + 2 * lanes);
        c03.intoArray(out, row0 + 3 * lanes);
        c10.intoArray(out, row1 + 0 * lanes);
        c11.intoArray(out, row1 + 1 * lanes);
        c12.intoArray(out, row1 + 2 * lanes);
        c13.intoArray(out, row1 + 3 * lanes);
        c20.intoArray(out, row2 + 0 * lanes);
        c21.intoArray(out, row2 + 1 * lanes);
        c22.intoArray(out, row2 + 2 * lanes);
        c23.intoArray(out, row2 + 3 * lanes);
        c30.intoArray(out, row3 + 0 * lanes);
        c31.intoArray(out, row3 + 1 * lanes);
        c32.intoArray(out, row3 + 2 * lanes);
        c33.intoArray(out, row3 + 3 * lanes);
    }

    /** The 4×12 micro-kernel (three 4-lane vectors per row, 12 accumulators); as {@link #microKernel4x16}. */
    private static void microKernel4x12(int depth, double[] packedA, int aIndex, double[] packedB, int bIndex,
                                        double[] out, int outIndex, int outStride, boolean zero) {
        VectorSpecies<Double> species = SPECIES_256;
        int lanes = 4;
        int nr = 12;
        int row0 = outIndex;
        int row1 = row0 + outStride;
        int row2 = row1 + outStride;
        int row3 = row2 + outStride;
        DoubleVector c00;
        DoubleVector c01;
        DoubleVector c02;
        DoubleVector c10;
        DoubleVector c11;
        DoubleVector c12;
        DoubleVector c20;
        DoubleVector c21;
        DoubleVector c22;
        DoubleVector c30;
        DoubleVector c31;
        DoubleVector c32;
        if (zero) {
            c00 = DoubleVector.zero(species);
            c01 = c00;
            c02 = c00;
            c10 = c00;
            c11 = c00;
            c12 = c00;
            c20 = c00;
            c21 = c00;
            c22 = c00;
            c30 = c00;
            c31 = c00;
            c32 = c00;
        } else {
            c00 = DoubleVector.fromArray(species, out, row0);
            c01 = DoubleVector.fromArray(species, out, row0 + lanes);
            c02 = DoubleVector.fromArray(species, out, row0 + 2 * lanes);
            c10 = DoubleVector.fromArray(species, out, row1);
            c11 = DoubleVector.fromArray(species, out, row1 + lanes);
            c12 = DoubleVector.fromArray(species, out, row1 + 2 * lanes);
            c20 = DoubleVector.fromArray(species, out, row2);
            c21 = DoubleVector.fromArray(species, out, row2 + lanes);
            c22 = DoubleVector.fromArray(species, out, row2 + 2 * lanes);
            c30 = DoubleVector.fromArray(species, out, row3);
            c31 = DoubleVector.fromArray(species, out, row3 + lanes);
            c32 = DoubleVector.fromArray(species, out, row3 + 2 * lanes);
        }
        for (int p = 0; p < depth; p++) {
            int ai = aIndex + p * MR;
            int bi = bIndex + p * nr;
            DoubleVector b0 = DoubleVector.fromArray(species, packedB, bi);
            DoubleVector b1 = DoubleVector.fromArray(species, packedB, bi + lanes);
            DoubleVector b2 = DoubleVector.fromArray(species, packedB, bi + 2 * lanes);
            DoubleVector a0 = DoubleVector.broadcast(species, packedA[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            DoubleVector a1 = DoubleVector.broadcast(species, packedA[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            DoubleVector a2 = DoubleVector.broadcast(species, packedA[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            DoubleVector a3 = DoubleVector.broadcast(species, packedA[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
        }
        c00.intoArray(out, row0);
        c01.intoArray(out, row0 + lanes);
        c02.intoArray(out, row0 + 2 * lanes);
        c10.intoArray(out, row1);
        c11.intoArray(out, row1 + lanes);
        c12.intoArray(out, row1 + 2 * lanes);
        c20.intoArray(out, row2);
        c21.intoArray(out, row2 + lanes);
        c22.intoArray(out, row2 + 2 * lanes);
        c30.intoArray(out, row3);
        c31.intoArray(out, row3 + lanes);
        c32.intoArray(out, row3 + 2 * lanes);
    }

    /** The 4×8 micro-kernel (two 4-lane vectors per row, 8 accumulators); as {@link #microKernel4x16}. */
    private static void microKernel4x8(int depth, double[] packedA, int aIndex, double[] packedB, int bIndex,
                                       double[] out, int outIndex, int outStride, boolean zero) {
        VectorSpecies<Double> species = SPECIES_256;
        int lanes = 4;
        int nr = 8;
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
            c00 = DoubleVector.zero(species);
            c01 = c00;
            c10 = c00;
            c11 = c00;
            c20 = c00;
            c21 = c00;
            c30 = c00;
            c31 = c00;
        } else {
            c00 = DoubleVector.fromArray(species, out, row0);
            c01 = DoubleVector.fromArray(species, out, row0 + lanes);
            c10 = DoubleVector.fromArray(species, out, row1);
            c11 = DoubleVector.fromArray(species, out, row1 + lanes);
            c20 = DoubleVector.fromArray(species, out, row2);
            c21 = DoubleVector.fromArray(species, out, row2 + lanes);
            c30 = DoubleVector.fromArray(species, out, row3);
            c31 = DoubleVector.fromArray(species, out, row3 + lanes);
        }
        for (int p = 0; p < depth; p++) {
            int ai = aIndex + p * MR;
            int bi = bIndex + p * nr;
            DoubleVector b0 = DoubleVector.fromArray(species, packedB, bi);
            DoubleVector b1 = DoubleVector.fromArray(species, packedB, bi + lanes);
            DoubleVector a0 = DoubleVector.broadcast(species, packedA[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(species, packedA[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(species, packedA[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(species, packedA[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(out, row0);
        c01.intoArray(out, row0 + lanes);
        c10.intoArray(out, row1);
        c11.intoArray(out, row1 + lanes);
        c20.intoArray(out, row2);
        c21.intoArray(out, row2 + lanes);
        c30.intoArray(out, row3);
        c31.intoArray(out, row3 + lanes);
    }

    /**
     * Fills the {@value #MR}×{@code nr} scratch tile from the {@code rows × cols} corner of C at
     * {@code c[cIndex]} (rows {@code n} apart), or with zeros before the first depth block. The
     * part of the tile outside the corner is always zero, so no stale numbers reach the result.
     */
    private static void loadEdgeTile(double[] c, int cIndex, int n, double[] tile, int nr, int rows, int cols,
                                     boolean zero) {
        java.util.Arrays.fill(tile, 0, MR * nr, 0.0);
        if (!zero) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, cIndex + r * n, tile, r * nr, cols);
            }
        }
    }

    /** Copies the {@code rows × cols} corner of the scratch tile back into C at {@code c[cIndex]}. */
    private static void storeEdgeTile(double[] tile, int nr, double[] c, int cIndex, int n, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * nr, c, cIndex + r * n, cols);
        }
    }

    /**
     * One thread's reusable buffers: the packed block of A, the scratch tile for edges, and the packed
     * copy of B (grown as needed, kept only up to {@link #MAX_RETAINED_B} doubles).
     */
    private static final class Workspace {
        final double[] packedA = new double[Math.max(MR, MC / MR * MR) * KC];
        final double[] tile = new double[MR * MAX_NR];
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
