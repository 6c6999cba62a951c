package gradschool.bench;

import java.util.Random;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.Linear;
import gradschool.nn.ReLU;
import gradschool.nn.Sequential;
import gradschool.optim.Adam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times one training step of the MNIST-sized network {@code 784 → 128 → 64 → 10} (Linear, ReLU,
 * Linear, ReLU, Linear) with softmax cross-entropy and Adam, through autograd: forward, backward and
 * the optimizer step, exactly what {@code Trainer} does per batch. No creation sites are recorded: a
 * variable records one only on request ({@code CreationSite.recording()}, anomaly mode).
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -jar nn-bench/target/benchmarks.jar 'MlpStepBenchmark|MlpOverheadBenchmark' \
 *     -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 *
 * <p>The reference is {@code nn-bench/scripts/mlp_numpy.py}: the same network, data and update written
 * by hand in numpy (float64). {@link MlpOverheadBenchmark} does the same step on plain tensors with a
 * hand-written backward pass, to isolate what autograd itself costs. The inputs are uniform in
 * {@code [0, 1)} (like MNIST pixels) and the labels uniform in 0..9, from fixed seeds; the step's time
 * does not depend on the values. The JMH settings and the batch sizes are in {@link MlpBatch}.
 */
public class MlpStepBenchmark extends MlpBatch {

    /** The layer widths: input, two hidden layers, classes. */
    static final int[] WIDTHS = {784, 128, 64, 10};

    private Sequential model;
    private CrossEntropyLoss loss;
    private Adam optimizer;
    private Variable inputs;
    private Tensor labels;

    /** Builds the network, the optimizer and one batch of data. */
    @Setup
    public void setUp() {
        model = newModel();
        loss = new CrossEntropyLoss();
        optimizer = new Adam(model.parameters(), 1e-3);
        inputs = Variable.of(inputs(batch));
        labels = labels(batch);
    }

    /** Returns the network with weights from a fixed seed (PyTorch's default uniform initialisation). */
    static Sequential newModel() {
        Random random = new Random(1);
        return new Sequential(
                new Linear(WIDTHS[0], WIDTHS[1], random), new ReLU(),
                new Linear(WIDTHS[1], WIDTHS[2], random), new ReLU(),
                new Linear(WIDTHS[2], WIDTHS[3], random));
    }

    /** Returns {@code batch} inputs of 784 features, uniform in {@code [0, 1)}. */
    static Tensor inputs(int batch) {
        return Tensor.rand(Shape.of(batch, WIDTHS[0]), 42);
    }

    /** Returns {@code batch} class labels, uniform in 0..9, as doubles. */
    static Tensor labels(int batch) {
        return Tensor.randint(Shape.of(batch), 0, WIDTHS[3], 43);
    }

    /**
     * One training step: forward, loss, zero the gradients, backward, Adam.
     *
     * @return the loss, so that JMH keeps the work
     */
    @Benchmark
    public double step() {
        Variable output = model.forward(inputs);
        Variable lossValue = loss.forward(output, labels);
        optimizer.zeroGrad();
        lossValue.backward();
        optimizer.step();
        return lossValue.item();
    }
}
