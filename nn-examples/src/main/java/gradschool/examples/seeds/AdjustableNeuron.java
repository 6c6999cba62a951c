package gradschool.examples.seeds;

import gradschool.core.Tensor;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;

/**
 * Seed lesson 5: one sigmoid neuron with adjustable weights and bias.
 *
 * <pre>
 * neuron_output(np.array([2, 3]), np.array([0.1, 0.2]), [-2])   # [0.23147522]
 * # and a table over three weight vectors and three biases:
 * # 0.6900 0.8581 0.2315 / 0.2689 0.5000 0.0474 / 0.9933 0.9975 0.9526
 * </pre>
 */
public final class AdjustableNeuron implements Lesson {

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new AdjustableNeuron());
    }

    @Override
    public String name() {
        return "adjustable-neuron";
    }

    @Override
    public String description() {
        return "Seed 5: a sigmoid neuron with adjustable weights and bias";
    }

    /** The notebook's {@code neuron_output}: sigmoid(inputs @ weights + bias). */
    static Tensor neuronOutput(Tensor inputs, Tensor weights, Tensor bias) {
        return inputs.matmul(weights).add(bias).sigmoid();
    }

    @Override
    public void run(LessonContext context) {
        PrintStream out = context.out();
        Tensor inputs = Tensor.of(new double[] {2, 3});
        out.println("output: " + neuronOutput(inputs, Tensor.of(new double[] {0.1, 0.2}), Tensor.of(new double[] {-2})));

        out.println("Inputs: " + inputs);
        Tensor[] weightsList = {
            Tensor.of(new double[] {0.1, 0.2}), Tensor.of(new double[] {1.0, -1.0}), Tensor.of(new double[] {-0.5, 2.0})
        };
        int[] biasList = {0, 1, -2};
        for (Tensor weights : weightsList) {
            for (int bias : biasList) {
                double output = neuronOutput(inputs, weights, Tensor.of(bias)).item();
                out.printf("Weights: %s, Bias: %d, Output: %.4f%n", weights, bias, output);
            }
        }
    }
}
