package gradschool.bench;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.nn.Linear;
import gradschool.nn.Sequential;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times the training step of {@link MlpStepBenchmark} computed directly on {@link Tensor}s, with the
 * backward pass written out by hand and no {@code Variable}s: the difference between the two is what
 * autograd's bookkeeping costs (graph nodes, the topological sort, gradient accumulation, the
 * {@code Variable} wrappers of each gradient).
 *
 * <p>The tensor operations are the ones autograd's rules use, in the same order, so both sides pay the
 * same kernels: {@code x.matmul(W.transpose())} forward, {@code G.transpose().matmul(X)} for a weight
 * gradient, a {@code gt(0)} mask for ReLU, {@code sum(0)} for a bias gradient. The loss is the mean
 * softmax cross-entropy; its gradient is {@code (softmax(z) − onehot(y)) / N}. Adam is the same rule as
 * {@code gradschool.optim.Adam} (β1 = 0.9, β2 = 0.999, ε = 1e-8), applied the same way: copy the value
 * and gradient into reused flat arrays, update, copy back.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar nn-bench/target/benchmarks.jar 'MlpStepBenchmark|MlpOverheadBenchmark' \
 *     -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 *
 * <p>Overhead = {@code MlpStepBenchmark.step / MlpOverheadBenchmark.tensorStep − 1}, at the same batch.
 */
public class MlpOverheadBenchmark extends MlpBatch {

    private static final double LEARNING_RATE = 1e-3;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    /** Weights {@code (out, in)} and biases {@code (out,)} of the three layers, then their gradients. */
    private Tensor[] parameters;
    private Tensor[] gradients;
    private Tensor inputs;
    private Tensor oneHot;
    /** Adam's state and copy buffers per parameter. */
    private double[][] firstMoments;
    private double[][] secondMoments;
    private double[][] values;
    private double[][] gradientValues;
    private int steps;

    /** Copies the initial weights of {@link MlpStepBenchmark#newModel()} and makes the same batch. */
    @Setup
    public void setUp() {
        Sequential model = MlpStepBenchmark.newModel();
        parameters = new Tensor[6];
        for (int layer = 0; layer < 3; layer++) {
            Linear linear = (Linear) model.get(2 * layer);
            parameters[2 * layer] = linear.weight().value().copy();
            parameters[2 * layer + 1] = linear.bias().value().copy();
        }
        gradients = new Tensor[6];
        inputs = MlpStepBenchmark.inputs(batch);
        double[] labels = MlpStepBenchmark.labels(batch).toDoubleArray();
        int classes = MlpStepBenchmark.WIDTHS[3];
        double[] hot = new double[batch * classes];
        for (int i = 0; i < batch; i++) {
            hot[i * classes + (int) labels[i]] = 1.0;
        }
        oneHot = Tensor.of(Shape.of(batch, classes), hot);
        firstMoments = new double[6][];
        secondMoments = new double[6][];
        values = new double[6][];
        gradientValues = new double[6][];
        for (int i = 0; i < 6; i++) {
            int size = parameters[i].size();
            firstMoments[i] = new double[size];
            secondMoments[i] = new double[size];
            values[i] = new double[size];
            gradientValues[i] = new double[size];
        }
        steps = 0;
    }

    /**
     * One training step on plain tensors: forward, loss, hand-written backward, Adam.
     *
     * @return the loss, so that JMH keeps the work
     */
    @Benchmark
    public double tensorStep() {
        Tensor w1 = parameters[0];
        Tensor b1 = parameters[1];
        Tensor w2 = parameters[2];
        Tensor b2 = parameters[3];
        Tensor w3 = parameters[4];
        Tensor b3 = parameters[5];

        // Forward: z = x·Wᵀ + b, h = relu(z).
        Tensor z1 = inputs.matmul(w1.transpose()).add(b1);
        Tensor h1 = z1.relu();
        Tensor z2 = h1.matmul(w2.transpose()).add(b2);
        Tensor h2 = z2.relu();
        Tensor logits = h2.matmul(w3.transpose()).add(b3);

        // Loss: mean over samples of −Σ_c onehot·logSoftmax(logits).
        Tensor logProbabilities = logits.logSoftmax(1);
        double loss = -oneHot.mul(logProbabilities).sum().item() / batch;

        // Backward, from the loss to each weight and bias.
        Tensor gradLogits = logProbabilities.exp().sub(oneHot).div(batch); // (softmax − onehot) / N
        gradients[4] = gradLogits.transpose().matmul(h2);                 // dW3 = Gᵀ·h2
        gradients[5] = gradLogits.sum(0, false);                          // db3 = Σ_rows G
        Tensor gradZ2 = gradLogits.matmul(w3).mul(z2.gt(0.0));            // dh2 = G·W3, through relu
        gradients[2] = gradZ2.transpose().matmul(h1);
        gradients[3] = gradZ2.sum(0, false);
        Tensor gradZ1 = gradZ2.matmul(w2).mul(z1.gt(0.0));
        gradients[0] = gradZ1.transpose().matmul(inputs);
        gradients[1] = gradZ1.sum(0, false);

        adamStep();
        return loss;
    }

    /** Adam (Kingma and Ba, 2015), the same rule and the same copying as {@code gradschool.optim.Adam}. */
    private void adamStep() {
        steps++;
        double biasCorrection1 = 1 - Math.pow(BETA1, steps);
        double biasCorrection2 = 1 - Math.pow(BETA2, steps);
        for (int index = 0; index < parameters.length; index++) {
            double[] p = values[index];
            double[] g = gradientValues[index];
            double[] m = firstMoments[index];
            double[] v = secondMoments[index];
            parameters[index].copyInto(p);
            gradients[index].copyInto(g);
            for (int i = 0; i < p.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
                double mHat = m[i] / biasCorrection1;
                double vHat = v[i] / biasCorrection2;
                p[i] = p[i] - LEARNING_RATE * mHat / (Math.sqrt(vHat) + EPSILON);
            }
            parameters[index].copyFrom(p);
        }
    }
}
