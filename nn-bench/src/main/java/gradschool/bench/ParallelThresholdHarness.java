package gradschool.bench;

import gradschool.core.kernels.MatMulKernels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures where a second thread starts to pay for a matrix product: the vectorised kernel on one
 * thread against the same kernel on two, by <em>wall-clock</em> time (a second thread can only shorten
 * the wall time; its CPU time is added, not saved), in rounds that alternate which goes first so that
 * a noisy neighbour hits both sides alike.
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar gradschool.bench.ParallelThresholdHarness \
 *     5 0.3 64 96 128 160 192 256 384 512 1024
 * </pre>
 *
 * <p>Arguments: the number of rounds, the seconds per measurement, then square sizes {@code n} (or
 * {@code m_k_n}). Each round measures, per size, one thread then two (or two then one on odd rounds),
 * each for the given seconds after a warm-up of the same length in the first round; a measurement is
 * the median wall time per call over batches of at least 5 ms. It prints one line per size: the median
 * over rounds of the one-thread and two-thread microseconds per call, the speed-up (one / two) as a
 * median with the lowest and highest round. Only meaningful on a machine whose two cores are free: the
 * load average is printed first so the reader can judge. The result of both runs is the same array
 * bit for bit (the kernel splits rows, never a sum), which this harness checks.
 */
public final class ParallelThresholdHarness {

    private ParallelThresholdHarness() {
    }

    /**
     * Runs the measurement described in the class comment.
     *
     * @param args rounds, seconds per measurement, sizes
     */
    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        List<int[]> shapes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] parts = args[i].split("_");
            shapes.add(parts.length == 1
                    ? new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[0]), Integer.parseInt(parts[0])}
                    : new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])});
        }
        System.out.printf(Locale.ROOT, "processors %d; %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        List<List<double[]>> results = new ArrayList<>();   // per shape: per round {one, two}
        for (int s = 0; s < shapes.size(); s++) {
            results.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (int s = 0; s < shapes.size(); s++) {
                Product product = new Product(shapes.get(s));
                if (round == 0) {
                    measure(product, 1, seconds);   // warm-up, both paths
                    measure(product, 2, seconds);
                    product.checkSameResult();
                }
                double one;
                double two;
                if (round % 2 == 0) {
                    one = measure(product, 1, seconds);
                    two = measure(product, 2, seconds);
                } else {
                    two = measure(product, 2, seconds);
                    one = measure(product, 1, seconds);
                }
                results.get(s).add(new double[] {one, two});
            }
            System.out.printf(Locale.ROOT, "round %d done; %s%n", round + 1, loadAverage());
        }
        System.out.println("m_k_n one_thread_us two_threads_us speedup_median speedup_low speedup_high");
        for (int s = 0; s < shapes.size(); s++) {
            List<Double> ones = new ArrayList<>();
            List<Double> twos = new ArrayList<>();
            List<Double> speedups = new ArrayList<>();
            for (double[] r : results.get(s)) {
                ones.add(r[0]);
                twos.add(r[1]);
                speedups.add(r[0] / r[1]);
            }
            int[] shape = shapes.get(s);
            System.out.printf(Locale.ROOT, "%d_%d_%d %.1f %.1f %.2f %.2f %.2f%n", shape[0], shape[1], shape[2],
                    median(ones), median(twos), median(speedups), Collections.min(speedups), Collections.max(speedups));
        }
    }

    /** The median wall-clock microseconds per call over batches of at least 5 ms, for about {@code seconds}. */
    private static double measure(Product product, int threads, double seconds) {
        List<Double> perCall = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end || perCall.size() < 3) {
            long start = System.nanoTime();
            long now;
            int calls = 0;
            do {
                product.multiply(threads);
                calls++;
                now = System.nanoTime();
            } while (now - start < 5_000_000L);
            perCall.add((now - start) / 1e3 / calls);
        }
        return median(perCall);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + fields[0] + " " + fields[1] + " " + fields[2];   // 1, 5 and 15 minutes
        } catch (java.io.IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    /** Random contiguous operands of one shape and an output array. */
    private static final class Product {
        final int m;
        final int k;
        final int n;
        final double[] a;
        final double[] b;
        final double[] c;

        Product(int[] shape) {
            m = shape[0];
            k = shape[1];
            n = shape[2];
            SplittableRandom random = new SplittableRandom(42);
            a = random.doubles((long) m * k, -1, 1).toArray();
            b = random.doubles((long) k * n, -1, 1).toArray();
            c = new double[m * n];
        }

        void multiply(int threads) {
            MatMulKernels.vectorized(m, k, n, a, 0, b, 0, c, 0, threads);
        }

        void checkSameResult() {
            multiply(1);
            double[] one = c.clone();
            multiply(2);
            if (!java.util.Arrays.equals(one, c)) {
                throw new IllegalStateException("matmul " + m + "x" + k + "x" + n
                        + ": one and two threads gave different results, which the kernel promises never to do");
            }
        }
    }
}
