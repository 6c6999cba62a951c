package gradschool.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import com.sun.management.OperatingSystemMXBean;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.nn.BatchNorm1d;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.Embedding;
import gradschool.nn.FlattenConsecutive;
import gradschool.nn.Init;
import gradschool.nn.Linear;
import gradschool.nn.Sequential;
import gradschool.nn.Tanh;
import gradschool.optim.SGD;

/**
 * Times one training step of the {@code wavenet-names} lesson's model by the CPU time of the JVM
 * process: the model built as {@code gradschool.examples.language.WavenetNamesLesson} builds it
 * (Embedding(27, 24), then three times FlattenConsecutive(2), Linear without bias, channels-last
 * BatchNorm1d and Tanh, then Linear(128, 27)), a batch of 32 random contexts of 8 characters with
 * random targets, cross-entropy, backward and SGD with learning rate 0.1.
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar gradschool.bench.WavenetStepCpuTime
 * java --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar gradschool.bench.WavenetStepCpuTime 3 0.5
 * </pre>
 *
 * <p>Arguments: seconds of CPU time to warm up (default 3), seconds of CPU time per measured iteration
 * (default 0.5); 7 iterations. Prints the median and the lowest iteration in microseconds per step,
 * then the same as JSON on the last line. The process's CPU time counts every thread, so the garbage
 * collector's work is included.
 */
public final class WavenetStepCpuTime {

    private static final int VOCABULARY = 27;
    private static final int BLOCK_SIZE = 8;
    private static final int EMBEDDING = 24;
    private static final int HIDDEN = 128;
    private static final int BATCH_SIZE = 32;

    private WavenetStepCpuTime() {
    }

    /**
     * Runs the measurement.
     *
     * @param args {@code [warmUpSeconds] [secondsPerIteration]}
     */
    public static void main(String[] args) {
        double warmUp = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        double perIteration = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Init.manualSeed(42);
        Sequential model = newModel();
        SGD optimizer = new SGD(model.parameters(), 0.1);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        Random random = new Random(42);
        model.train();
        double sink = 0;
        long warmUpEnd = os.getProcessCpuTime() + (long) (warmUp * 1e9);
        while (os.getProcessCpuTime() < warmUpEnd) {
            sink += step(model, criterion, optimizer, random);
        }
        double[] microsPerStep = new double[7];
        for (int i = 0; i < microsPerStep.length; i++) {
            long start = os.getProcessCpuTime();
            long steps = 0;
            long elapsed;
            do {
                sink += step(model, criterion, optimizer, random);
                steps++;
                elapsed = os.getProcessCpuTime() - start;
            } while (elapsed < perIteration * 1e9);
            microsPerStep[i] = elapsed / 1e3 / steps;
        }
        double[] sorted = microsPerStep.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "wavenet step: CPU time %.1f µs per step (median of %d iterations; lowest %.1f)%n",
                sorted[sorted.length / 2], sorted.length, sorted[0]);
        System.out.printf(Locale.ROOT, "{\"us_per_step\": %s, \"check\": %s}%n", Arrays.toString(microsPerStep),
                Double.isFinite(sink) ? "true" : "false");
    }

    /** The lesson's model (WavenetNamesLesson.newModel with 24-d embeddings and 128 hidden units). */
    static Sequential newModel() {
        Linear last = new Linear(HIDDEN, VOCABULARY);
        Sequential model = new Sequential(
                new Embedding(VOCABULARY, EMBEDDING),
                new FlattenConsecutive(2), lectureLinear(2 * EMBEDDING, HIDDEN), BatchNorm1d.channelsLast(HIDDEN), new Tanh(),
                new FlattenConsecutive(2), lectureLinear(2 * HIDDEN, HIDDEN), BatchNorm1d.channelsLast(HIDDEN), new Tanh(),
                new FlattenConsecutive(2), lectureLinear(2 * HIDDEN, HIDDEN), BatchNorm1d.channelsLast(HIDDEN), new Tanh(),
                last);
        last.weight().value().copyFrom(Init.normal(Init.generator(), 0, 0.1 / Math.sqrt(HIDDEN), VOCABULARY, HIDDEN));
        last.bias().value().fill(0.0);
        return model;
    }

    private static Linear lectureLinear(int in, int out) {
        Linear layer = Linear.withoutBias(in, out);
        layer.weight().value().copyFrom(Init.normal(Init.generator(), 0, 1 / Math.sqrt(in), out, in));
        return layer;
    }

    /** One training step on a random batch; returns the loss. */
    private static double step(Sequential model, CrossEntropyLoss criterion, SGD optimizer, Random random) {
        double[] contexts = new double[BATCH_SIZE * BLOCK_SIZE];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = random.nextInt(VOCABULARY);
        }
        double[] targets = new double[BATCH_SIZE];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = random.nextInt(VOCABULARY);
        }
        Variable logits = model.forward(Tensor.of(Shape.of(BATCH_SIZE, BLOCK_SIZE), contexts));
        Variable loss = criterion.forward(logits, Tensor.of(targets));
        optimizer.zeroGrad();
        loss.backward();
        optimizer.step();
        return loss.item();
    }
}
