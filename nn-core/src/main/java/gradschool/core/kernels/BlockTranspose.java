package gradschool.core.kernels;

/**
 * Copies a strided matrix into another layout by small blocks, so that the source is read along its
 * contiguous dimension — what the matmul kernels' packing does with a transposed view such as
 * {@code Wᵀ}, instead of gathering each row with a long stride.
 *
 * <pre>{@code
 * // the 3×2 transpose of a row-major 2×3 matrix, written row-major:
 * double[] w = {1, 2, 3,
 *               4, 5, 6};
 * double[] t = new double[6];
 * BlockTranspose.copy(w, 0, 3, 1, 2, 3, t, 0, 2);   // t = {1, 4, 2, 5, 3, 6}
 * }</pre>
 */
final class BlockTranspose {

    /** How many consecutive numbers of each line are copied before moving to the next line. */
    static final int BLOCK = 8;

    private BlockTranspose() {
    }

    /**
     * Writes {@code lines} lines of {@code length} numbers, transposed: number {@code q} of line {@code l},
     * {@code source[from + l·lineStride + q·step]}, goes to {@code target[to + q·targetStride + l]}. Walks
     * {@value #BLOCK} numbers of each line at a time, so each line is read in short runs (contiguous when
     * {@code step} is 1) while the block being written stays in the L1 cache.
     *
     * @param source the matrix read
     * @param from where line 0, number 0 is
     * @param lineStride how far apart consecutive lines are in {@code source}
     * @param step how far apart consecutive numbers of a line are in {@code source}
     * @param lines how many lines
     * @param length how many numbers per line
     * @param target where the transpose is written
     * @param to where number 0 of line 0 goes
     * @param targetStride how far apart number q and q+1 of a line land in {@code target}
     */
    static void copy(double[] source, int from, int lineStride, int step, int lines, int length,
                     double[] target, int to, int targetStride) {
        for (int q0 = 0; q0 < length; q0 += BLOCK) {
            int q1 = Math.min(length, q0 + BLOCK);
            int l = 0;
            // Four lines at a time: four consecutive numbers of each target row per pass, and a quarter
            // of the index arithmetic (this copy is most of the cost of a small x·Wᵀ product otherwise).
            for (; l + 4 <= lines; l += 4) {
                int line0 = from + l * lineStride;
                int line1 = line0 + lineStride;
                int line2 = line1 + lineStride;
                int line3 = line2 + lineStride;
                for (int q = q0; q < q1; q++) {
                    int t = to + q * targetStride + l;
                    int s = q * step;
                    target[t] = source[line0 + s];
                    target[t + 1] = source[line1 + s];
                    target[t + 2] = source[line2 + s];
                    target[t + 3] = source[line3 + s];
                }
            }
            for (; l < lines; l++) {
                int line = from + l * lineStride;
                for (int q = q0; q < q1; q++) {
                    target[to + q * targetStride + l] = source[line + q * step];
                }
            }
        }
    }
}
