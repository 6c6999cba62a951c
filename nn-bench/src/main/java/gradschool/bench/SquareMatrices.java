package gradschool.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link MatMulBenchmark} and {@link NaiveMatMulBenchmark} share: the JMH settings (JMH applies a
 * superclass's annotations to its subclasses) and the {@code n × n} matrices A, B and C.
 *
 * <p>The forked JVMs get {@code --add-modules jdk.incubator.vector}, so the Vector API kernel is available.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public abstract class SquareMatrices {

    /** The left factor, row-major. */
    protected double[] a;
    /** The right factor, row-major. */
    protected double[] b;
    /** The product, overwritten by each multiplication. */
    protected double[] c;

    /**
     * Fills A and B ({@code n × n}) with uniform random numbers in [-1, 1) from a fixed seed, the same
     * in every subclass, and makes C.
     *
     * @param n the size
     */
    protected void makeMatrices(int n) {
        Random random = new Random(42);
        a = randomMatrix(random, n);
        b = randomMatrix(random, n);
        c = new double[n * n];
    }

    private static double[] randomMatrix(Random random, int n) {
        double[] data = new double[n * n];
        for (int i = 0; i < data.length; i++) {
            data[i] = 2 * random.nextDouble() - 1;
        }
        return data;
    }
}
