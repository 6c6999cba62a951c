package gradschool.examples.seeds;

import static gradschool.examples.LessonRun.printedBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every seed lesson prints the numbers its notebook printed (corrected where the notebook was wrong). */
class SeedLessonsTest {

    @TempDir
    Path output;

    @Test
    void matrixBasics() throws Exception {
        String text = printedBy(new MatrixBasics(), output);
        assertThat(text).contains("[[34. 44. 25.]\n [50. 61. 29.]]")
                .contains("[12.  2. 42. 72.  0.]")
                .contains("128.0");
    }

    @Test
    void oneNeuron() throws Exception {
        assertThat(printedBy(new OneNeuron(), output)).contains("z = w @ x + b:\n2.3\n")
                .contains("np.maximum(0, z):\n2.3\n")
                .contains("0.9088770389851438");
    }

    @Test
    void layerOfNeurons() throws Exception {
        assertThat(printedBy(new LayerOfNeurons(), output))
                .contains("W @ x + b:\n[2.3  2.46 0.21]")
                .contains("A (after ReLU):\n[2.3  2.46 0.21]")
                .contains("[0.90887704 0.92128966 0.55230791]")
                .contains("W2 @ A + b2:\n1.303")
                .contains("sigmoid(Z2):\n0.7863")
                .contains("0.21366");
    }

    @Test
    void batchInput() throws Exception {
        assertThat(printedBy(new BatchInput(), output))
                .contains("[[ 2.3   2.46  0.21]\n [ 6.9  -0.81 -1.54]]")
                .contains("[[2.3  2.46 0.21]\n [6.9  0.   0.  ]]");
    }

    @Test
    void adjustableNeuron() throws Exception {
        String text = printedBy(new AdjustableNeuron(), output);
        assertThat(text).contains("output: [0.23147522]").contains("Inputs: [2. 3.]");
        String[] expected = {
            "Weights: [0.1 0.2], Bias: 0, Output: 0.6900", "Weights: [0.1 0.2], Bias: 1, Output: 0.8581",
            "Weights: [0.1 0.2], Bias: -2, Output: 0.2315", "Weights: [ 1. -1.], Bias: 0, Output: 0.2689",
            "Weights: [ 1. -1.], Bias: 1, Output: 0.5000", "Weights: [ 1. -1.], Bias: -2, Output: 0.0474",
            "Weights: [-0.5  2. ], Bias: 0, Output: 0.9933", "Weights: [-0.5  2. ], Bias: 1, Output: 0.9975",
            "Weights: [-0.5  2. ], Bias: -2, Output: 0.9526"
        };
        for (String line : expected) {
            assertThat(text).contains(line);
        }
    }

    @Test
    void randomLayerIsReproducible() throws Exception {
        String first = printedBy(new RandomLayer(), output);
        assertThat(printedBy(new RandomLayer(), output)).isEqualTo(first);
        assertThat(first).contains("Weights:").contains("Output:\n[[");
    }

    @Test
    void threeLayerForward() throws Exception {
        assertThat(printedBy(new ThreeLayerForward(), output))
                .contains("[[5.6 ]\n [6.89]\n [8.07]]")
                .contains("[[ 9.12  10.384 11.045]]")
                .contains("[[11.3353   21.645588]]")
                .contains("Final output:\n30.37543");
    }

    @Test
    void backpropagation() throws Exception {
        String text = printedBy(new Backpropagation(), output);
        assertThat(text).contains("[[3.99 3.29 2.59]]")
                .contains("[[5.4552 6.4972]]")
                .contains("Final Layer output:\n7.188")
                .contains("[[-6.188368]]")
                .contains("Every gradient from autograd equals the hand-derived one.")
                .doesNotContain("DIFFERENT");
        assertThat(text).containsPattern("after 40 steps: prediction 1\\.0000\\d\\d \\(target 1\\.0\\)");
    }
}
