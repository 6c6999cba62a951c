package gradschool.examples.language;

/**
 * The CPU time of this process, beside the wall-clock time the lessons print: on a shared machine
 * it tells the work a run took, when the wall-clock time says more about the other programs.
 */
final class CpuTime {

    private CpuTime() {
    }

    /**
     * Returns the CPU time this process has used so far, all threads together.
     *
     * @return the seconds, or NaN if the operating system does not tell
     */
    static double seconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }
}
