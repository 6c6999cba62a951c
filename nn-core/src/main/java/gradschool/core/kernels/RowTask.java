package gradschool.core.kernels;

import java.util.concurrent.RecursiveAction;

/**
 * One parallel task of a fast matmul kernel: rows {@code [rowStart, rowEnd)} of {@code C = A·B}, where A is
 * {@code m × k}, B is {@code k × n} and C is row-major from {@code c[cOffset]}. Each kernel's task (a
 * {@code RowRange}) extends it with how it reads A and B; the ranges come from {@link RowSplit#split} and
 * run with {@link RowSplit#runAll}.
 */
abstract class RowTask extends RecursiveAction {
    private static final long serialVersionUID = 1L;

    /** The first row of C this task computes. */
    final int rowStart;
    /** One past the last row of C this task computes. */
    final int rowEnd;
    /** Columns of A, rows of B. */
    final int k;
    /** Columns of B and C. */
    final int n;
    /** A's data (how a kernel reads it: its task's own fields). */
    final transient double[] a;
    /** Where A starts in {@code a}. */
    final int aOffset;
    /** C's data (overwritten). */
    final transient double[] c;
    /** Where C starts in {@code c}. */
    final int cOffset;

    RowTask(int rowStart, int rowEnd, int k, int n, double[] a, int aOffset, double[] c, int cOffset) {
        this.rowStart = rowStart;
        this.rowEnd = rowEnd;
        this.k = k;
        this.n = n;
        this.a = a;
        this.aOffset = aOffset;
        this.c = c;
        this.cOffset = cOffset;
    }
}
