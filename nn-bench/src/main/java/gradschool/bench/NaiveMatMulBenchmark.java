package gradschool.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import gradschool.core.kernels.MatMulKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times the reference kernel, {@link MatMulKernels#naive}, on the same matrices as {@link MatMulBenchmark}; a
 * separate class because it stops at n = 512 (at n = 1024 one multiplication takes several seconds).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class NaiveMatMulBenchmark {

    /** The matrices are {@code n × n}. */
    @Param({"64", "128", "256", "512"})
    public int n;

    private double[] a;
    private double[] b;
    private double[] c;

    /** Fills A and B as {@link MatMulBenchmark#setUp} does. */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        a = MatMulBenchmark.randomMatrix(random, n);
        b = MatMulBenchmark.randomMatrix(random, n);
        c = new double[n * n];
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
