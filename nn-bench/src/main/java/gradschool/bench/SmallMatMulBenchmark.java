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
 * Times the matmul front method, {@link MatMulKernels#multiplyStrided}, on small products in the three
 * forms the autograd uses: {@code A·B}, {@code Aᵀ·G} (A stored transposed) and {@code G·Bᵀ} (B stored
 * transposed). The shapes are the makemore MLP's six products at batch 32 (embedding 3×10 → 200 tanh
 * units → 27 letters) and a few squares, for the threshold of the small-product kernel.
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -Dmaven.test.skip=true
 * # the front as it is, then with the small-product kernel off (everything packed) and always on:
 * java -jar nn-bench/target/benchmarks.jar SmallMatMulBenchmark -f 1 -wi 3 -w 1s -i 3 -r 1s
 * java -jar nn-bench/target/benchmarks.jar SmallMatMulBenchmark -f 1 -wi 3 -w 1s -i 3 -r 1s \
 *     -jvmArgsAppend "--add-modules jdk.incubator.vector -Dgradschool.matmul.smallBelow=0"
 * java -jar nn-bench/target/benchmarks.jar SmallMatMulBenchmark -f 1 -wi 3 -w 1s -i 3 -r 1s \
 *     -jvmArgsAppend "--add-modules jdk.incubator.vector -Dgradschool.matmul.smallBelow=1000000000"
 * </pre>
 *
 * <p>{@code nn-bench/scripts/small_matmul_numpy.py} times numpy's {@code @} on the same shapes and forms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class SmallMatMulBenchmark {

    /**
     * {@code m_k_n_form}: C is {@code m × n}, the inner dimension {@code k}; form {@code AB} (both
     * row-major), {@code AtB} (A is the transposed view of a row-major {@code k × m}) or {@code ABt}
     * (B is the transposed view of a row-major {@code n × k}).
     */
    @Param({"32_30_200_AB", "32_200_27_AB", "200_32_27_AtB", "32_27_200_ABt", "30_32_200_AtB", "32_200_30_ABt",
            "64_64_64_AB", "64_64_64_ABt", "96_96_96_AB", "96_96_96_ABt", "128_128_128_AB", "128_128_128_ABt"})
    public String shape;

    private int m;
    private int k;
    private int n;
    private double[] a;
    private double[] b;
    private double[] c;
    private int aRowStride;
    private int aColStride;
    private int bRowStride;
    private int bColStride;

    /** Makes A and B in the layout of the form, filled with uniform random numbers from a fixed seed. */
    @Setup
    public void setUp() {
        String[] parts = shape.split("_");
        m = Integer.parseInt(parts[0]);
        k = Integer.parseInt(parts[1]);
        n = Integer.parseInt(parts[2]);
        String form = parts[3];
        Random random = new Random(42);
        a = random(random, m * k);
        b = random(random, k * n);
        c = new double[m * n];
        boolean aTransposed = form.equals("AtB");
        boolean bTransposed = form.equals("ABt");
        aRowStride = aTransposed ? 1 : k;
        aColStride = aTransposed ? m : 1;
        bRowStride = bTransposed ? 1 : n;
        bColStride = bTransposed ? k : 1;
    }

    private static double[] random(Random random, int size) {
        double[] data = new double[size];
        for (int i = 0; i < size; i++) {
            data[i] = 2 * random.nextDouble() - 1;
        }
        return data;
    }

    /**
     * The front method with its own choice of kernel.
     *
     * @return C, so that JMH keeps the work
     */
    @Benchmark
    public double[] front() {
        MatMulKernels.multiplyStrided(m, k, n, a, 0, aRowStride, aColStride, b, 0, bRowStride, bColStride, c, 0);
        return c;
    }
}
