package gradschool.core;

/**
 * Matrix-multiplication kernels on row-major {@code double[]} data, and the front method that
 * chooses among them.
 *
 * <p>All kernels compute {@code C = A·B}, {@code c_ij = Σ_k a_ik · b_kj}, where A is {@code m × k}
 * starting at {@code a[aOffset]}, B is {@code k × n} starting at {@code b[bOffset]}, and C is
 * {@code m × n} starting at {@code c[cOffset]}; all three are contiguous and row-major. C is
 * overwritten; A and B are not modified.
 */
public final class MatMul {

    private MatMul() {
    }

    /**
     * Computes {@code C = A·B} with the best kernel for the size.
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
     */
    public static void multiply(int m, int k, int n, double[] a, int aOffset, double[] b, int bOffset,
                                double[] c, int cOffset) {
        naive(m, k, n, a, aOffset, b, bOffset, c, cOffset);
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
     */
    public static void naive(int m, int k, int n, double[] a, int aOffset, double[] b, int bOffset,
                             double[] c, int cOffset) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[aOffset + i * k + p] * b[bOffset + p * n + j];
                }
                c[cOffset + i * n + j] = sum;
            }
        }
    }
}
