package gradschool.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import gradschool.core.kernels.MatMulKernels;

/**
 * Times one-thread matrix products by the <em>CPU time</em> of the calling thread, not the wall clock:
 * on a machine whose two cores are shared by many busy processes (load averages of 10–25 while the
 * figures in docs/performance.md were taken), a wall-clock benchmark measures mostly the waiting for a
 * core, while the thread's CPU time counts only the time it ran. {@code nn-bench/scripts/matmul_cpu_numpy.py}
 * measures numpy (one BLAS thread, which runs on the calling thread) the same way.
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -Dmaven.test.skip=true
 * java --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar gradschool.bench.MatMulCpuTimeHarness \
 *     vectorized1 2 128_128_128_AB 256_256_256_AB 32_200_27_AB
 * </pre>
 *
 * <p>Arguments: the kernel ({@code front}: {@link MatMulKernels#multiplyStrided}, whatever it chooses;
 * {@code vectorized1}: {@link MatMulKernels#vectorized} on one thread, contiguous operands only), the
 * measuring seconds per shape, then shapes {@code m_k_n_form} as in {@link SmallMatMulBenchmark}. Per shape:
 * warm-up (the same seconds), then batches of calls of at least 20 ms of CPU time each; it prints one
 * line per shape: the median and the lowest batch's CPU microseconds per call, and the batch count.
 * Only meaningful for one-thread work: CPU time of other threads is not counted.
 */
public final class MatMulCpuTimeHarness {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MatMulCpuTimeHarness() {
    }

    /**
     * Runs the measurement described in the class comment.
     *
     * @param args the kernel, the seconds per shape, the shapes
     */
    public static void main(String[] args) {
        String kernel = args[0];
        double seconds = Double.parseDouble(args[1]);
        for (int s = 2; s < args.length; s++) {
            Product product = new Product(args[s], kernel);
            run(product, seconds);   // warm-up
            List<Double> perCall = run(product, seconds);
            Collections.sort(perCall);
            System.out.printf(Locale.ROOT, "%s %s median_us %.3f min_us %.3f batches %d%n", kernel, args[s],
                    perCall.get(perCall.size() / 2), perCall.get(0), perCall.size());
        }
    }

    /** Runs batches for about {@code seconds} of CPU time; returns each batch's CPU µs per call. */
    private static List<Double> run(Product product, double seconds) {
        List<Double> perCall = new ArrayList<>();
        long end = THREADS.getCurrentThreadCpuTime() + (long) (seconds * 1e9);
        while (THREADS.getCurrentThreadCpuTime() < end) {
            long start = THREADS.getCurrentThreadCpuTime();
            long now;
            int calls = 0;
            do {
                product.multiply();
                calls++;
                now = THREADS.getCurrentThreadCpuTime();
            } while (now - start < 20_000_000L);
            perCall.add((now - start) / 1e3 / calls);
        }
        return perCall;
    }

    /** One product: its operands in the layout of its form, and the kernel that computes it. */
    private static final class Product {
        final int m;
        final int k;
        final int n;
        final double[] a;
        final double[] b;
        final double[] c;
        final int aRowStride;
        final int aColStride;
        final int bRowStride;
        final int bColStride;
        final boolean vectorizedOneThread;

        Product(String shape, String kernel) {
            String[] parts = shape.split("_");
            m = Integer.parseInt(parts[0]);
            k = Integer.parseInt(parts[1]);
            n = Integer.parseInt(parts[2]);
            boolean aTransposed = parts[3].equals("AtB");
            boolean bTransposed = parts[3].equals("ABt");
            Random random = new Random(42);
            a = random(random, m * k);
            b = random(random, k * n);
            c = new double[m * n];
            aRowStride = aTransposed ? 1 : k;
            aColStride = aTransposed ? m : 1;
            bRowStride = bTransposed ? 1 : n;
            bColStride = bTransposed ? k : 1;
            vectorizedOneThread = kernel.equals("vectorized1");
            if (vectorizedOneThread && (aTransposed || bTransposed)) {
                throw new IllegalArgumentException("MatMulCpuTimeHarness: vectorized1 takes contiguous operands (form AB),"
                        + " got " + shape);
            }
        }

        private static double[] random(Random random, int size) {
            double[] data = new double[size];
            for (int i = 0; i < size; i++) {
                data[i] = 2 * random.nextDouble() - 1;
            }
            return data;
        }

        void multiply() {
            if (vectorizedOneThread) {
                MatMulKernels.vectorized(m, k, n, a, 0, b, 0, c, 0, 1);
            } else {
                MatMulKernels.multiplyStrided(m, k, n, a, 0, aRowStride, aColStride, b, 0, bRowStride, bColStride, c, 0);
            }
        }
    }
}
