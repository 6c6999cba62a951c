package gradschool.bench;

import gradschool.core.kernels.MatMulKernels;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times {@code C = A·B} for square {@code n × n} matrices of doubles with each fast kernel of
 * {@link MatMulKernels}, on one and on two threads, and with EJML, a pure-Java linear-algebra library, as a peer.
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -Dmaven.test.skip=true
 * java --add-modules jdk.incubator.vector -jar nn-bench/target/benchmarks.jar MatMulBenchmark \
 *     -f 2 -wi 2 -w 1s -i 3 -r 1s -rf json -rff matmul-jmh.json
 * </pre>
 *
 * <p>JMH reports the average time per multiplication; {@code nn-bench/scripts/matmul_table.py} turns it
 * into GFLOPS ({@code 2·n³} floating-point operations per multiplication: one multiply and one add per
 * term of each dot product). The naive loop is timed separately by {@link NaiveMatMulBenchmark}, which
 * stops at n = 512 because it needs seconds per multiplication above that; the pattern
 * {@code MatMulBenchmark} runs both.
 *
 * <p>"Two threads" means the kernel splits the rows of C into two tasks on the common ForkJoin pool
 * (the calling thread runs one of them); the benchmark itself is always one JMH thread. The JMH settings
 * and the matrices are in {@link SquareMatrices}.
 */
public class MatMulBenchmark extends SquareMatrices {

    /** The matrices are {@code n × n}. */
    @Param({"64", "128", "256", "512", "1024"})
    public int n;

    private DMatrixRMaj ejmlA;
    private DMatrixRMaj ejmlB;
    private DMatrixRMaj ejmlC;

    /** Fills A and B with uniform random numbers in [-1, 1) from a fixed seed, and checks the Vector API is there. */
    @Setup
    public void setUp() {
        if (!MatMulKernels.isVectorApiAvailable()) {
            throw new IllegalStateException("MatMulBenchmark: the Vector API is missing; the forked JVM must be "
                    + "started with --add-modules jdk.incubator.vector");
        }
        makeMatrices(n);
        ejmlA = new DMatrixRMaj(n, n, true, a);
        ejmlB = new DMatrixRMaj(n, n, true, b);
        ejmlC = new DMatrixRMaj(n, n);
        EjmlConcurrency.setMaxThreads(2);
    }

    /**
     * The front method, {@link MatMulKernels#multiply}: its own choice of kernel and thread count.
     *
     * @return C, so that JMH keeps the work
     */
    @Benchmark
    public double[] front() {
        MatMulKernels.multiply(n, n, n, a, 0, b, 0, c, 0);
        return c;
    }

    /**
     * The plain-Java blocked kernel on one thread.
     *
     * @return C, so that JMH keeps the work
     */
    @Benchmark
    public double[] blocked1Thread() {
        MatMulKernels.blocked(n, n, n, a, 0, b, 0, c, 0, 1);
        return c;
    }

    /**
     * The plain-Java blocked kernel on two threads.
     *
     * @return C, so that JMH keeps the work
     */
    @Benchmark
    public double[] blocked2Threads() {
        MatMulKernels.blocked(n, n, n, a, 0, b, 0, c, 0, 2);
        return c;
    }

    /**
     * The Vector API kernel on one thread.
     *
     * @return C, so that JMH keeps the work
     */
    @Benchmark
    public double[] vectorized1Thread() {
        MatMulKernels.vectorized(n, n, n, a, 0, b, 0, c, 0, 1);
        return c;
    }

    /**
     * The Vector API kernel on two threads.
     *
     * @return C, so that JMH keeps the work
     */
    @Benchmark
    public double[] vectorized2Threads() {
        MatMulKernels.vectorized(n, n, n, a, 0, b, 0, c, 0, 2);
        return c;
    }

    /**
     * EJML's single-threaded {@code CommonOps_DDRM.mult}.
     *
     * @return C, so that JMH keeps the work
     */
    @Benchmark
    public DMatrixRMaj ejml1Thread() {
        CommonOps_DDRM.mult(ejmlA, ejmlB, ejmlC);
        return ejmlC;
    }

    /**
     * EJML's concurrent {@code CommonOps_MT_DDRM.mult}, limited to two threads.
     *
     * @return C, so that JMH keeps the work
     */
    @Benchmark
    public DMatrixRMaj ejml2Threads() {
        CommonOps_MT_DDRM.mult(ejmlA, ejmlB, ejmlC);
        return ejmlC;
    }
}
