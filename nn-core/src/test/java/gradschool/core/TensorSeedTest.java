package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every numpy cell of the seed notebooks ({@code shared/seeds/*.txt}), redone with {@link Tensor}
 * and checked against the numbers numpy printed. Each test names the cell it follows; the numpy
 * line is quoted in a comment next to its Java translation.
 */
class TensorSeedTest {

    private static final double EXACT = 1e-12;

    /** Asserts a tensor's shape and its elements (row-major), each within {@code tolerance}. */
    static void assertTensor(Tensor actual, Shape shape, double tolerance, double... expected) {
        assertThat(actual.shape()).isEqualTo(shape);
        double[] values = actual.toDoubleArray();
        assertThat(values).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(values[i]).as("element %d of %s", i, actual.shape()).isCloseTo(expected[i], within(tolerance));
        }
    }

    @Nested
    @DisplayName("notebook 1: a single neuron with numpy")
    class SingleNeuronNotebook {

        // Weights of the 3-neuron hidden layer, shared by several cells.
        private final Tensor w = Tensor.of(new double[][] {
            {0.20, 0.80, -0.50},
            {0.50, -0.91, 0.26},
            {-0.26, -0.27, 0.17}});
        private final Tensor b = Tensor.of(new double[] {2, 3, 0.5});
        private final Tensor x = Tensor.of(new double[] {1, 2, 3});

        @Test
        void matrixMultiplication() {
            Tensor a = Tensor.of(new double[][] {{2, 4, 1}, {7, 2, 5}});
            Tensor bMatrix = Tensor.of(new double[][] {{4, 5, 2}, {6, 8, 5}, {2, 2, 1}});
            // result = A @ B
            Tensor result = a.matmul(bMatrix);
            assertTensor(result, Shape.of(2, 3), EXACT, 34, 44, 25, 50, 61, 29);
            assertThat(result.to2DArray()).isEqualTo(new double[][] {{34, 44, 25}, {50, 61, 29}});
        }

        @Test
        void vectorizedElementWiseProductAndDotProduct() {
            Tensor vec1 = Tensor.of(new double[] {3, 2, 7, 9, 0});
            Tensor vec2 = Tensor.of(new double[] {4, 1, 6, 8, 4});
            // vec1 * vec2
            assertTensor(vec1.mul(vec2), Shape.of(5), EXACT, 12, 2, 42, 72, 0);
            // vec1 @ vec2 is a scalar (shape ()), as in numpy
            Tensor dot = vec1.matmul(vec2);
            assertThat(dot.shape()).isEqualTo(Shape.scalar());
            assertThat(dot.item()).isEqualTo(128.0);
            assertThat(vec1.dot(vec2).item()).isEqualTo(128.0);
        }

        @Test
        void oneNeuronLinearOutputAndRelu() {
            Tensor weights = Tensor.of(new double[] {0.2, 0.8, -0.5});
            // z = w @ x + b, with b = 2
            Tensor z = weights.matmul(x).add(2);
            assertThat(z.shape()).isEqualTo(Shape.scalar());
            assertThat(z.item()).isCloseTo(2.3, within(EXACT));
            // output = np.maximum(0, z)
            assertThat(z.maximum(0).item()).isCloseTo(2.3, within(EXACT));
            assertThat(z.relu().item()).isCloseTo(2.3, within(EXACT));
        }

        @Test
        void threeNeuronLayerWithReluAndSigmoid() {
            // Z = W @ x + b
            Tensor z = w.matmul(x).add(b);
            assertTensor(z, Shape.of(3), EXACT, 2.3, 2.46, 0.21);
            // A = np.maximum(0, Z): all positive, so unchanged
            assertTensor(z.maximum(0), Shape.of(3), EXACT, 2.3, 2.46, 0.21);
            // A = 1 / (1 + np.exp(-Z)), printed to 8 decimals
            assertTensor(z.sigmoid(), Shape.of(3), 5e-9, 0.90887704, 0.92128966, 0.55230791);
            // the formula written out with tensor ops gives the same numbers
            Tensor byFormula = Tensor.ones(3).div(z.neg().exp().add(1));
            assertThat(z.sigmoid().allClose(byFormula, 0, 1e-15)).isTrue();
        }

        @Test
        void outputNeuronOnReluActivations() {
            Tensor a = w.matmul(x).add(b).maximum(0);
            Tensor w2 = Tensor.of(new double[] {0.3, -0.2, 0.5});
            // Z2 = W2 @ A + b2, with b2 = 1.0
            Tensor z2 = w2.matmul(a).add(1.0);
            assertThat(z2.shape()).isEqualTo(Shape.scalar());
            assertThat(z2.item()).isCloseTo(1.303, within(EXACT));
            // output = 1 / (1 + np.exp(-Z2)). (The notebook printed 0.21366…, which is
            // sigmoid(-1.303) = 1 - 0.78634…: its kernel ran the cells out of order.)
            assertThat(z2.sigmoid().item()).isCloseTo(0.7863394451728459, within(EXACT));
        }

        @Test
        void batchInputThroughTransposedWeights() {
            Tensor batch = Tensor.of(new double[][] {{1, 2, 3}, {2, 5, -1}});
            // Z = X @ (W.T) + b — b of shape (3,) broadcasts over the 2 rows
            Tensor z = batch.matmul(w.transpose()).add(b);
            assertTensor(z, Shape.of(2, 3), EXACT, 2.3, 2.46, 0.21, 6.9, -0.81, -1.54);
            // A = np.maximum(0, Z)
            assertTensor(z.maximum(0), Shape.of(2, 3), EXACT, 2.3, 2.46, 0.21, 6.9, 0, 0);
        }

        @Test
        void singleNeuronWithListBias() {
            Tensor inputs = Tensor.of(new double[] {2, 3});
            Tensor weights = Tensor.of(new double[] {0.1, 0.2});
            // bias = [-2]: a list of one element, so z has shape (1,)
            Tensor z = inputs.matmul(weights).add(Tensor.of(new double[] {-2}));
            assertTensor(z.sigmoid(), Shape.of(1), 5e-9, 0.23147522);
        }

        @Test
        void sigmoidTableForThreeWeightsAndThreeBiases() {
            Tensor inputs = Tensor.of(new double[] {2, 3});
            double[][] weightsList = {{0.1, 0.2}, {1.0, -1.0}, {-0.5, 2.0}};
            double[] biasList = {0, 1, -2};
            // printed with {output:.4f}, row by row
            double[][] printed = {
                {0.6900, 0.8581, 0.2315},
                {0.2689, 0.5000, 0.0474},
                {0.9933, 0.9975, 0.9526}};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    Tensor output = inputs.matmul(Tensor.of(weightsList[i])).add(biasList[j]).sigmoid();
                    assertThat(output.item()).as("weights %d, bias %s", i, biasList[j])
                            .isCloseTo(printed[i][j], within(5e-5));
                    assertThat(output.round(4).item()).isCloseTo(printed[i][j], within(EXACT));
                }
            }
        }

        @Test
        void randomWeightsAndBiasForABatch() {
            // W = np.random.randn(4, 3); b = np.random.randn(4); Z = X @ (W.T) + b.
            // numpy's random numbers cannot be reproduced, so check the shapes and the arithmetic.
            Tensor batch = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            Tensor weights = Tensor.randn(Shape.of(4, 3), 42);
            Tensor bias = Tensor.randn(Shape.of(4), 43);
            Tensor z = batch.matmul(weights.transpose()).add(bias);
            assertThat(z.shape()).isEqualTo(Shape.of(2, 4));
            for (int sample = 0; sample < 2; sample++) {
                for (int neuron = 0; neuron < 4; neuron++) {
                    double expected = bias.get(neuron);
                    for (int feature = 0; feature < 3; feature++) {
                        expected += batch.get(sample, feature) * weights.get(neuron, feature);
                    }
                    assertThat(z.get(sample, neuron)).isCloseTo(expected, within(EXACT));
                }
            }
        }
    }

    @Nested
    @DisplayName("notebook 2: neurons and layers from scratch")
    class FromScratchNotebook {

        @Test
        void randomSingleNeuron() {
            // weight = np.random.rand(); bias = np.random.randint(1, 10); input = np.random.randint(1, 100)
            Random random = new Random(7);
            Tensor weight = Tensor.rand(random);
            Tensor bias = Tensor.randint(random, 1, 10);
            Tensor input = Tensor.randint(random, 1, 100);
            assertThat(weight.shape()).isEqualTo(Shape.scalar());
            assertThat(weight.item()).isBetween(0.0, 1.0);
            assertThat(bias.item()).isBetween(1.0, 9.0);
            assertThat(input.item()).isBetween(1.0, 99.0);
            // output = np.dot(weight, input) + bias; relu(output)
            Tensor output = weight.mul(input).add(bias).relu();
            assertThat(output.item()).isCloseTo(weight.item() * input.item() + bias.item(), within(EXACT));
        }

        @Test
        void layerWithColumnInputsAndBias() {
            Tensor weights = Tensor.of(new double[][] {{.3, .6, .7}, {.2, .54, .87}, {.96, .23, .55}});
            Tensor inputs = Tensor.of(new double[][] {{1}, {2}, {3}});
            Tensor bias = Tensor.of(new double[][] {{2}, {3}, {5}});
            // output = np.dot(weights, inputs) + bias; relu(output)
            Tensor output = weights.matmul(inputs).add(bias).relu();
            assertTensor(output, Shape.of(3, 1), EXACT, 5.6, 6.89, 8.07);
        }

        @Test
        void threeLayerForwardPassWithHstackedWeights() {
            Tensor inputOriginal = column(1, 2, 3, 4, 5);
            // (5x3): one column of weights per neuron
            Tensor weightsLayer1 = Tensor.hstack(
                    column(.3, .2, .5, .23, .6),
                    column(.8, .232, .9, .53, .66),
                    column(.32, .27, .655, .23, .46));
            assertTensor(weightsLayer1, Shape.of(5, 3), 0,
                    .3, .8, .32, .2, .232, .27, .5, .9, .655, .23, .53, .23, .6, .66, .46);
            Tensor weightsLayer2 = Tensor.hstack(column(.3, .2, .5), column(.8, .232, .9));
            assertThat(weightsLayer2.shape()).isEqualTo(Shape.of(3, 2));
            Tensor weightFinal = Tensor.hstack(column(0.63, .75));
            assertThat(weightFinal.shape()).isEqualTo(Shape.of(2, 1));
            Tensor biasLayer1 = column(3, 1, 5);
            Tensor biasLayer2 = column(1, 2);
            Tensor biasFinal = Tensor.of(new double[][] {{7}});

            // np.maximum(0, np.dot(inputs.T, weights) + bias.T)
            Tensor hidden1 = inputOriginal.transpose().matmul(weightsLayer1).add(biasLayer1.transpose()).maximum(0);
            assertTensor(hidden1, Shape.of(1, 3), 1e-12, 9.12, 10.384, 11.045);
            // np.maximum(0, np.dot(inputs, weights) + bias.T)
            Tensor hidden2 = hidden1.matmul(weightsLayer2).add(biasLayer2.transpose()).maximum(0);
            assertTensor(hidden2, Shape.of(1, 2), 1e-12, 11.3353, 21.645588);
            // np.maximum(0, np.dot(inputs, weights) + bias), then .squeeze()
            Tensor output = hidden2.matmul(weightFinal).add(biasFinal).maximum(0);
            assertThat(output.shape()).isEqualTo(Shape.of(1, 1));
            Tensor squeezed = output.squeeze();
            assertThat(squeezed.shape()).isEqualTo(Shape.scalar());
            assertThat(squeezed.item()).isCloseTo(30.37543, within(1e-12));
        }

        @Test
        void backpropNotebookForwardPassAndError() {
            Tensor inputsOriginal = column(1, 2, 3);
            Tensor weightsLayer1 = Tensor.hstack(column(.3, .34, .67), column(.2, .23, .21), column(.4, .43, .11));
            Tensor weightsLayer2 = Tensor.hstack(column(.3, .34, .44), column(.2, .23, .75));
            Tensor weightFinal = column(.33, .66);
            Tensor biasLayer1 = column(1, 2, 1);
            Tensor biasLayer2 = column(2, 3);
            Tensor biasFinal = Tensor.of(new double[] {1.1});

            Tensor output1 = inputsOriginal.transpose().matmul(weightsLayer1).add(biasLayer1.transpose()).maximum(0);
            assertTensor(output1, Shape.of(1, 3), 1e-12, 3.99, 3.29, 2.59);
            Tensor output2 = output1.matmul(weightsLayer2).add(biasLayer2.transpose()).maximum(0);
            assertTensor(output2, Shape.of(1, 2), 1e-12, 5.4552, 6.4972);
            // bias_final has shape (1,), so the (1, 1) product stays (1, 1)
            Tensor fin = output2.matmul(weightFinal).add(biasFinal).maximum(0);
            assertThat(fin.shape()).isEqualTo(Shape.of(1, 1));
            // final_layer.squeeze().round(3)
            assertThat(fin.squeeze().round(3).item()).isCloseTo(7.188, within(1e-12));
            // error = 1 - final_layer
            Tensor error = Tensor.ones(1, 1).sub(fin);
            assertTensor(error, Shape.of(1, 1), 1e-12, -6.188368);
        }

        private Tensor column(double... values) {
            return Tensor.of(values).reshape(values.length, 1);
        }
    }
}
