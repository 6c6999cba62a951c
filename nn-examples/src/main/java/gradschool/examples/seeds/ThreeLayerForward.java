package gradschool.examples.seeds;

import gradschool.core.Tensor;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;

/**
 * Seed lesson 7 (second notebook): a layer with column vectors, then a 3-layer forward pass whose
 * weight matrices are built with {@code np.hstack} from one column per neuron.
 *
 * <pre>
 * relu(np.dot(weights, inputs) + bias)      # [[5.6 ] [6.89] [8.07]]
 * hidden_layer1(...)                        # [[ 9.12  10.384 11.045]]
 * hidden_layer2(...)                        # [[11.3353   21.645588]]
 * final output                              # 30.37543
 * </pre>
 */
public final class ThreeLayerForward implements Lesson {

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new ThreeLayerForward());
    }

    @Override
    public String name() {
        return "three-layer-forward";
    }

    @Override
    public String description() {
        return "Seed 7: column-vector layer, then a 3-layer forward pass built with hstack";
    }

    /** A column vector from its entries, like {@code np.array([[a], [b], …])}. */
    static Tensor column(double... values) {
        return Tensor.of(values).unsqueeze(1);
    }

    @Override
    public void run(LessonContext context) {
        PrintStream out = context.out();
        Tensor weights = Tensor.of(new double[][] {{.3, .6, .7}, {.2, .54, .87}, {.96, .23, .55}});
        Tensor inputs = column(1, 2, 3);
        Tensor bias = column(2, 3, 5);
        out.println("relu(weights · inputs + bias):");
        out.println(weights.matmul(inputs).add(bias).relu());

        Tensor inputOriginal = column(1, 2, 3, 4, 5);                        // (5, 1)
        Tensor weightsLayer1 = Tensor.hstack(                                // (5, 3): one column per neuron
                column(.3, .2, .5, .23, .6), column(.8, .232, .9, .53, .66), column(.32, .27, .655, .23, .46));
        Tensor weightsLayer2 = Tensor.hstack(column(.3, .2, .5), column(.8, .232, .9));   // (3, 2)
        Tensor weightFinal = Tensor.hstack(column(0.63, .75));               // (2, 1)
        Tensor biasLayer1 = column(3, 1, 5);
        Tensor biasLayer2 = column(1, 2);
        Tensor biasFinal = Tensor.of(new double[][] {{7}});

        Tensor hidden1 = inputOriginal.transpose().matmul(weightsLayer1).add(biasLayer1.transpose()).relu(); // (1, 3)
        Tensor hidden2 = hidden1.matmul(weightsLayer2).add(biasLayer2.transpose()).relu();                  // (1, 2)
        Tensor output = hidden2.matmul(weightFinal).add(biasFinal).relu();                                  // (1, 1)
        out.println("Inputs:");
        out.println(inputOriginal);
        out.println("Inputs for 1st layer (output of hidden layer 1):");
        out.println(hidden1);
        out.println("Inputs for 2nd layer (output of hidden layer 2):");
        out.println(hidden2);
        out.println("Final output:");
        out.println(output.squeeze());
    }
}
