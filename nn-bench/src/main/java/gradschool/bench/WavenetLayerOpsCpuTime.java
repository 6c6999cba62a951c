package gradschool.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import com.sun.management.OperatingSystemMXBean;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.nn.BatchNorm1d;
import gradschool.nn.Tanh;

/**
 * Times the element-wise layers of one level of the {@code wavenet-names} model by the CPU time of the
 * JVM process: a channels-last {@link BatchNorm1d} of 128 channels and a {@link Tanh}, each forward and
 * backward on a (32, 4, 128) input (the first level's activation at batch 32), apart from the matmuls
 * that {@link WavenetStepCpuTime} also counts.
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar gradschool.bench.WavenetLayerOpsCpuTime
 * </pre>
 *
 * <p>Twelve rounds of 3,000 calls of each; the first four warm up. Prints the lowest µs per call of the
 * other eight for each layer (the lowest, because on a shared machine the noise only adds time).
 */
public final class WavenetLayerOpsCpuTime {

    private static final int ROUNDS = 12;
    private static final int WARM_UP_ROUNDS = 4;
    private static final int CALLS = 3_000;

    private WavenetLayerOpsCpuTime() {
    }

    /**
     * Runs the measurement.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Tensor x = Tensor.randn(Shape.of(32, 4, 128), 1);
        Tensor gradOutput = Tensor.randn(Shape.of(32, 4, 128), 2);
        BatchNorm1d batchNorm = BatchNorm1d.channelsLast(128);
        batchNorm.train();
        Tanh tanh = new Tanh();
        double sink = 0;
        double bestBatchNorm = Double.POSITIVE_INFINITY;
        double bestTanh = Double.POSITIVE_INFINITY;
        for (int round = 0; round < ROUNDS; round++) {
            long start = os.getProcessCpuTime();
            for (int i = 0; i < CALLS; i++) {
                Variable input = Variable.requiringGrad(x);
                batchNorm.forward(input).backward(gradOutput);
                sink += input.grad().get(0, 0, 0);
            }
            long middle = os.getProcessCpuTime();
            for (int i = 0; i < CALLS; i++) {
                Variable input = Variable.requiringGrad(x);
                tanh.forward(input).backward(gradOutput);
                sink += input.grad().get(0, 0, 0);
            }
            long end = os.getProcessCpuTime();
            if (round >= WARM_UP_ROUNDS) {
                bestBatchNorm = Math.min(bestBatchNorm, (middle - start) / 1e3 / CALLS);
                bestTanh = Math.min(bestTanh, (end - middle) / 1e3 / CALLS);
            }
        }
        System.out.printf(Locale.ROOT, "(32, 4, 128): BatchNorm1d.channelsLast(128) forward + backward %.1f µs, "
                + "Tanh forward + backward %.1f µs (lowest of %d rounds of %d calls; check %s)%n",
                bestBatchNorm, bestTanh, ROUNDS - WARM_UP_ROUNDS, CALLS, Double.isFinite(sink));
    }
}
