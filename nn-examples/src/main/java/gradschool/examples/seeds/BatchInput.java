package gradschool.examples.seeds;

import gradschool.core.Tensor;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;

/**
 * Seed lesson 4: a batch of two samples through the same layer, {@code X @ W.T + b}.
 *
 * <pre>
 * X = np.array([[1, 2, 3], [2, 5, -1]])
 * Z = X @ (W.T) + b       # [[ 2.3   2.46  0.21] [ 6.9  -0.81 -1.54]]
 * np.maximum(0, Z)        # [[2.3  2.46 0.21] [6.9  0.   0.  ]]
 * </pre>
 *
 * <p>Each row of X is a sample; {@code W.T} puts each neuron's weights in a column, and {@code b}
 * broadcasts across the rows. This is exactly what {@code gradschool.nn.Linear} computes.
 */
public final class BatchInput implements Lesson {

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new BatchInput());
    }

    @Override
    public String name() {
        return "batch-input";
    }

    @Override
    public String description() {
        return "Seed 4: a batch through a layer, X @ W.T + b, and its ReLU";
    }

    @Override
    public void run(LessonContext context) {
        PrintStream out = context.out();
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {2, 5, -1}});
        Tensor w = Tensor.of(new double[][] {{0.20, 0.80, -0.50}, {0.50, -0.91, 0.26}, {-0.26, -0.27, 0.17}});
        Tensor b = Tensor.of(new double[] {2, 3, 0.5});
        Tensor z = x.matmul(w.transpose()).add(b);   // (2, 3) @ (3, 3) + (3,) broadcast over rows
        out.println("Z = X @ W.T + b:");
        out.println(z);
        out.println("A (after ReLU):");
        out.println(z.maximum(0));
    }
}
