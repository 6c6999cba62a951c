package gradschool.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

import com.sun.management.OperatingSystemMXBean;
import gradschool.autograd.CreationSite;
import gradschool.autograd.Variable;

/**
 * Times the chain of {@link AutogradChainBenchmark} by the CPU time the JVM process got rather than by
 * the clock on the wall: on a machine shared with other work (load averages of 20–30 on two cores
 * while this was written) wall time is mostly waiting for a core, while CPU time is what the code
 * cost. The process's CPU time counts every thread, so the garbage collector's work is included; the
 * JIT compiler is idle after the warm-up. {@code nn-bench/scripts/scalar_chain_python.py --cpu-time}
 * is the Python counterpart.
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -DskipTests
 * java -cp nn-bench/target/benchmarks.jar gradschool.bench.AutogradChainCpuTime          # forward + backward
 * java -cp nn-bench/target/benchmarks.jar gradschool.bench.AutogradChainCpuTime recording
 * java -cp nn-bench/target/benchmarks.jar gradschool.bench.AutogradChainCpuTime none forward
 * </pre>
 *
 * <p>It warms up for about 3 s of CPU time, then measures 9 iterations of about 0.3 s of CPU time
 * each and prints the median and the lowest iteration, in nanoseconds per node, also as JSON on the
 * last line.
 */
public final class AutogradChainCpuTime {

    private AutogradChainCpuTime() {
    }

    /**
     * Runs the measurement.
     *
     * @param args {@code [none|recording] [chain|forward]}; defaults {@code none chain}
     */
    public static void main(String[] args) {
        String sites = args.length > 0 ? args[0] : "none";
        String method = args.length > 1 ? args[1] : "chain";
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double sink = 0;
        try (CreationSite.Recording recording = "recording".equals(sites) ? CreationSite.recording() : null) {
            long warmUpEnd = os.getProcessCpuTime() + 3_000_000_000L;
            while (os.getProcessCpuTime() < warmUpEnd) {
                sink += once(method);
            }
            double[] nsPerNode = new double[9];
            for (int i = 0; i < nsPerNode.length; i++) {
                long start = os.getProcessCpuTime();
                long calls = 0;
                long elapsed;
                do {
                    sink += once(method);
                    calls++;
                    elapsed = os.getProcessCpuTime() - start;
                } while (elapsed < 300_000_000L);
                nsPerNode[i] = (double) elapsed / calls / AutogradChainBenchmark.NODES;
            }
            double[] sorted = nsPerNode.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%s, sites=%s: CPU time %.1f ns per node (median of %d iterations; lowest %.1f)%n",
                    method, sites, sorted[sorted.length / 2], sorted.length, sorted[0]);
            System.out.printf(Locale.ROOT, "{\"method\": \"%s\", \"sites\": \"%s\", \"ns_per_node\": %s, \"check\": %s}%n",
                    method, sites, Arrays.toString(nsPerNode), sink != 0 ? "true" : "false");
        }
    }

    private static double once(String method) {
        Variable x0 = Variable.requiringGrad(0.5);
        Variable a = Variable.requiringGrad(0.999);
        Variable b = Variable.requiringGrad(0.001);
        Variable x = x0;
        for (int step = 0; step < AutogradChainBenchmark.STEPS; step++) {
            x = x.mul(a).add(b); // the chain of AutogradChainBenchmark, written out so that this harness
        }                        // also runs against an older build's classes (see run_autograd_rounds.sh)
        if ("forward".equals(method)) {
            return x.item();
        }
        x.backward();
        return a.grad().item() + b.grad().item() + x0.grad().item();
    }
}
