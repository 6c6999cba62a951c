package gradschool.bench;

import gradschool.core.kernels.MatMulKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times the reference kernel, {@link MatMulKernels#naive}, on the same matrices as {@link MatMulBenchmark}; a
 * separate class because it stops at n = 512 (at n = 1024 one multiplication takes several seconds).
 */
public class NaiveMatMulBenchmark extends SquareMatrices {

    /** The matrices are {@code n × n}. */
    @Param({"64", "128", "256", "512"})
    public int n;

    /** Fills A and B from the same seed as {@link MatMulBenchmark}. */
    @Setup
    public void setUp() {
        makeMatrices(n);
    }

    /**
     * The textbook triple loop on one thread.
     *
     * @return C, so that JMH keeps the work
     */
    @Benchmark
    public double[] naive1Thread() {
        MatMulKernels.naive(n, n, n, a, 0, b, 0, c, 0);
        return c;
    }
}
