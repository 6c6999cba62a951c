package gradschool.core.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits the rows of a matrix into contiguous ranges, one per parallel task.
 *
 * <pre>{@code
 * RowSplit.split(10, 2, 4);   // [[0, 4], [4, 10]] — boundaries fall on multiples of 4
 * }</pre>
 *
 * <p>The matmul kernels update a few rows of C at a time (their register block); putting each
 * boundary on a multiple of that block keeps every task's work in whole blocks. Ranges are never
 * empty, so there may be fewer ranges than asked for.
 */
final class RowSplit {

    private RowSplit() {
    }

    /**
     * Returns up to {@code parts} ranges {@code [start, end)} that cover {@code [0, rows)} in order.
     *
     * @param rows how many rows to split ({@code >= 0})
     * @param parts how many ranges are wanted ({@code >= 1})
     * @param granule every boundary except {@code rows} itself is a multiple of this ({@code >= 1})
     * @return the ranges, as {@code {start, end}} pairs; empty if {@code rows == 0}
     */
    static List<int[]> split(int rows, int parts, int granule) {
        int blocks = (rows + granule - 1) / granule;
        int tasks = Math.max(1, Math.min(parts, blocks));
        List<int[]> ranges = new ArrayList<>(tasks);
        int start = 0;
        for (int t = 0; t < tasks && start < rows; t++) {
            // Blocks [t·blocks/tasks, (t+1)·blocks/tasks) go to task t: the sizes differ by at most one block.
            int endBlock = (int) ((long) (t + 1) * blocks / tasks);
            int end = Math.min(rows, endBlock * granule);
            ranges.add(new int[] {start, end});
            start = end;
        }
        return ranges;
    }

    /**
     * Runs one task per range: a single one on the calling thread, several on the common ForkJoin pool.
     *
     * @param tasks the tasks, one per range of {@link #split}
     */
    static void runAll(List<? extends ForkJoinTask<?>> tasks) {
        if (tasks.size() == 1) {
            tasks.get(0).invoke();
        } else {
            ForkJoinTask.invokeAll(tasks);
        }
    }
}
