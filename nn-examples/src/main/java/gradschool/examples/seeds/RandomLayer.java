package gradschool.examples.seeds;

import gradschool.core.Tensor;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;

/**
 * Seed lesson 6: a layer of four neurons with random weights, on two samples.
 *
 * <pre>
 * W = np.random.randn(4, 3);  b = np.random.randn(4)
 * Z = X @ (W.T) + b
 * </pre>
 *
 * <p>The notebook draws unseeded numbers, so its output changes every run. Here the generator is
 * seeded (seed 0), so the output is the same on every run and machine; change the seed to see
 * another layer.
 */
public final class RandomLayer implements Lesson {

    /** The seed used for the weights and biases. */
    public static final long SEED = 0;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new RandomLayer());
    }

    @Override
    public String name() {
        return "random-layer";
    }

    @Override
    public String description() {
        return "Seed 6: a random 4-neuron layer on 2 samples (seeded, reproducible)";
    }

    @Override
    public void run(LessonContext context) {
        PrintStream out = context.out();
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        java.util.Random random = new java.util.Random(SEED);
        Tensor w = Tensor.randn(random, 4, 3);   // 4 neurons, 3 inputs each
        Tensor b = Tensor.randn(random, 4);      // one bias per neuron
        Tensor z = x.matmul(w.transpose()).add(b);
        out.println("Weights:");
        out.println(w);
        out.println("Bias:");
        out.println(b);
        out.println("Output:");
        out.println(z);
    }
}
