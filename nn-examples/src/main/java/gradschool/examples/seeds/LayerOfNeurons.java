package gradschool.examples.seeds;

import gradschool.core.Tensor;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;

/**
 * Seed lesson 3: a hidden layer of three neurons and an output neuron.
 *
 * <pre>
 * Z = W @ x + b           # [2.3  2.46 0.21]
 * A = np.maximum(0, Z)    # [2.3  2.46 0.21]
 * 1 / (1 + np.exp(-Z))    # [0.90887704 0.92128966 0.55230791]
 * Z2 = W2 @ A + b2        # 1.303   (A = the ReLU activations)
 * sigmoid(Z2)             # 0.78634…
 * </pre>
 *
 * <p>Two corrections to the notebook, explained in the output and in {@code docs/one-neuron.md}:
 * it labels its sigmoid cell "After ReLU", and it prints {@code Final Output: 0.21366…}, which is
 * {@code 1 - sigmoid(1.303)} = {@code sigmoid(-1.303)}: its code, {@code 1 / (1 + np.exp(-Z2))}, gives
 * 0.78634. (The printed value is what {@code np.exp(+Z2)} would give — a sign slip when it was run.)
 */
public final class LayerOfNeurons implements Lesson {

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new LayerOfNeurons());
    }

    @Override
    public String name() {
        return "layer-of-neurons";
    }

    @Override
    public String description() {
        return "Seed 3: a layer of three neurons and an output neuron";
    }

    @Override
    public void run(LessonContext context) {
        PrintStream out = context.out();
        Tensor x = Tensor.of(new double[] {1, 2, 3});
        Tensor w = Tensor.of(new double[][] {{0.20, 0.80, -0.50}, {0.50, -0.91, 0.26}, {-0.26, -0.27, 0.17}});
        Tensor b = Tensor.of(new double[] {2, 3, 0.5});
        Tensor z = w.matmul(x).add(b);            // one row of W per neuron
        out.println("Z (linear output) = W @ x + b:");
        out.println(z);
        Tensor a = z.maximum(0);
        out.println("A (after ReLU):");
        out.println(a);
        out.println("or A (after sigmoid) — the notebook labels this cell \"After ReLU\" by mistake:");
        out.println(z.sigmoid());

        Tensor w2 = Tensor.of(new double[] {0.3, -0.2, 0.5});
        double b2 = 1.0;
        Tensor z2 = w2.matmul(a).add(b2);         // the output neuron, fed the ReLU activations
        out.println("Z2 (linear output of the output neuron) = W2 @ A + b2:");
        out.println(z2);
        out.println("Final output, sigmoid(Z2):");
        out.println(z2.sigmoid());
        out.println("(The notebook prints 0.21366…, which is sigmoid(-1.303) = 1 - sigmoid(1.303);"
                + " its code gives 0.78634…, as here.)");
    }
}
