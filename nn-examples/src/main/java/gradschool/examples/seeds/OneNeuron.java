package gradschool.examples.seeds;

import gradschool.core.Tensor;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;

/**
 * Seed lesson 2: one neuron, {@code z = w·x + b}, then an activation.
 *
 * <pre>
 * x = np.array([1, 2, 3]);  w = np.array([0.2, 0.8, -0.5]);  b = 2
 * z = w @ x + b           # 2.3
 * np.maximum(0, z)        # 2.3   (ReLU)
 * 1 / (1 + np.exp(-z))    # 0.9088770389851438   (the sigmoid alternative)
 * </pre>
 */
public final class OneNeuron implements Lesson {

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new OneNeuron());
    }

    @Override
    public String name() {
        return "one-neuron";
    }

    @Override
    public String description() {
        return "Seed 2: one neuron, z = w·x + b, with ReLU and sigmoid";
    }

    @Override
    public void run(LessonContext context) {
        PrintStream out = context.out();
        Tensor x = Tensor.of(new double[] {1, 2, 3});
        Tensor w = Tensor.of(new double[] {0.2, 0.8, -0.5});
        double b = 2;
        Tensor z = w.matmul(x).add(b);
        out.println("z = w @ x + b:");
        out.println(z);
        out.println("ReLU, np.maximum(0, z):");
        out.println(z.maximum(0));
        out.println("or sigmoid, 1 / (1 + e^-z):");
        out.println(z.sigmoid());
    }
}
