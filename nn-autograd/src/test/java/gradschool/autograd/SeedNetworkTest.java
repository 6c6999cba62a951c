package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.core.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed notebook's "3 Layered Back-Propagation Neural Network", done with autograd, and checked
 * against the gradients the notebook derives by hand.
 *
 * <p>Forward (as in the notebook, with {@code x = inputs_originalᵀ}, a (1, 3) row):
 * <pre>
 *   Z1 = x·W1 + b1ᵀ    A1 = relu(Z1)    (1, 3)
 *   Z2 = A1·W2 + b2ᵀ   A2 = relu(Z2)    (1, 2)
 *   Z3 = A2·W3 + b3    p  = relu(Z3)    (1, 1)
 *   L  = ½(a − p)²     with the target a = 1
 * </pre>
 * Backward, by hand (the notebook's long comment):
 * <pre>
 *   dL/dp  = p − a
 *   dL/dW3 = A2ᵀ · dL/dp                     dL/db3 = sum(dL/dp)
 *   dL/dZ2 = (dL/dp · W3ᵀ) ⊙ relu'(Z2)
 *   dL/dW2 = A1ᵀ · dL/dZ2                    dL/db2 = sum(dL/dZ2)
 *   dL/dZ1 = (dL/dZ2 · W2ᵀ) ⊙ relu'(Z1)
 *   dL/dW1 = xᵀ · dL/dZ1                     dL/db1 = sum(dL/dZ1)
 * </pre>
 */
class SeedNetworkTest {

    private static final double TARGET = 1.0; // "error = 1 - final_layer": the actual value a

    private Tensor inputsOriginal;
    private Variable x;
    private Variable w1;
    private Variable w2;
    private Variable w3;
    private Variable b1;
    private Variable b2;
    private Variable b3;
    private Variable z1;
    private Variable a1;
    private Variable z2;
    private Variable a2;
    private Variable z3;
    private Variable p;
    private Variable loss;

    @BeforeEach
    void forwardPass() {
        inputsOriginal = Tensor.of(new double[][] {{1}, {2}, {3}}); // (3x1)
        Tensor weightsLayer1 = Tensor.hstack(
                Tensor.of(new double[][] {{.3}, {.34}, {.67}}),   // Weights for Neuron 1, (3x1)
                Tensor.of(new double[][] {{.2}, {.23}, {.21}}),   // Weights for Neuron 2, (3x1)
                Tensor.of(new double[][] {{.4}, {.43}, {.11}}));  // Weights for Neuron 3, (3x1)
        Tensor weightsLayer2 = Tensor.hstack(
                Tensor.of(new double[][] {{.3}, {.34}, {.44}}),   // Weights for Neuron 1, (3x1)
                Tensor.of(new double[][] {{.2}, {.23}, {.75}}));  // Weights for Neuron 2, (3x1)
        Tensor weightFinal = Tensor.of(new double[][] {{.33}, {.66}}); // (2x1)

        x = Variable.of(inputsOriginal.transpose()).named("x"); // inputs.T, a (1x3) row
        w1 = Variable.requiringGrad(weightsLayer1).named("W1");
        w2 = Variable.requiringGrad(weightsLayer2).named("W2");
        w3 = Variable.requiringGrad(weightFinal).named("W3");
        b1 = Variable.requiringGrad(Tensor.of(new double[][] {{1}, {2}, {1}})).named("b1"); // (3x1)
        b2 = Variable.requiringGrad(Tensor.of(new double[][] {{2}, {3}})).named("b2");      // (2x1)
        b3 = Variable.requiringGrad(Tensor.of(new double[] {1.1})).named("b3");             // (1,)

        z1 = x.matmul(w1).add(b1.transpose()).named("Z1").retainGrad();  // np.dot(inputs.T, weights) + bias.T
        a1 = z1.relu().named("A1");
        z2 = a1.matmul(w2).add(b2.transpose()).named("Z2").retainGrad(); // np.dot(inputs, weights) + bias.T
        a2 = z2.relu().named("A2");
        z3 = a2.matmul(w3).add(b3).named("Z3");                           // np.dot(inputs, weights) + bias
        p = z3.relu().named("p");
        loss = p.rsub(TARGET).pow(2).mul(0.5).sum().named("L");            // ½(a − p)²
    }

    @Test
    void forwardValuesMatchTheNotebook() {
        assertClose(a1.value(), Tensor.of(new double[][] {{3.99, 3.29, 2.59}}));
        assertClose(a2.value(), Tensor.of(new double[][] {{5.4552, 6.4972}}));
        assertThat(p.item()).isCloseTo(7.188368, within(1e-12));
        assertThat(p.value().round(3).item()).isEqualTo(7.188);
        assertThat(TARGET - p.item()).isCloseTo(-6.188368, within(1e-12)); // "Error(Actual-Predicted)"
        assertThat(loss.item()).isCloseTo(0.5 * 6.188368 * 6.188368, within(1e-12));
    }

    @Test
    void autogradGradientsEqualTheNotebooksHandDerivedFormulas() {
        loss.backward();

        Tensor outputLayerDerivative = reluDerivative(z3.value());
        assertThat(outputLayerDerivative.item()).isEqualTo(1.0); // Z3 > 0, so dL/dZ3 = dL/dp as the notebook uses
        Tensor lossOutput = p.value().sub(TARGET);                                                      // dL/dp = p − a
        Tensor lossWeight3 = a2.value().transpose().matmul(lossOutput);                                 // A2ᵀ · dL/dp
        Tensor lossBias3 = lossOutput.sum(0, false);                                                    // sum(dL/dp)
        Tensor lossZ2 = lossOutput.matmul(w3.value().transpose()).mul(reluDerivative(z2.value()));               // (dL/dp·W3ᵀ) ⊙ relu'(Z2)
        Tensor lossWeight2 = a1.value().transpose().matmul(lossZ2);                                     // A1ᵀ · dL/dZ2
        Tensor lossBias2 = lossZ2.sum(0, true).transpose();                                             // sum(dL/dZ2), as b2's column
        Tensor lossZ1 = lossZ2.matmul(w2.value().transpose()).mul(reluDerivative(z1.value()));                   // (dL/dZ2·W2ᵀ) ⊙ relu'(Z1)
        Tensor lossWeight1 = x.value().transpose().matmul(lossZ1);                                      // xᵀ · dL/dZ1
        Tensor lossBias1 = lossZ1.sum(0, true).transpose();                                             // sum(dL/dZ1), as b1's column

        assertClose(w3.grad(), lossWeight3);
        assertClose(b3.grad(), lossBias3);
        assertClose(z2.grad(), lossZ2);
        assertClose(w2.grad(), lossWeight2);
        assertClose(b2.grad(), lossBias2);
        assertClose(z1.grad(), lossZ1);
        assertClose(w1.grad(), lossWeight1);
        assertClose(b1.grad(), lossBias1);
        assertClose(w1.grad(), inputsOriginal.matmul(lossZ1)); // xᵀ is the notebook's inputs_original
        assertThat(x.grad()).isNull(); // the inputs are data
    }

    @Test
    void oneStepOfGradientDescentLowersTheLoss() {
        loss.backward();
        double learningRate = 0.001;
        double before = loss.item();
        double after;
        try (var off = GradMode.off()) {
            Variable[] parameters = {w1, w2, w3, b1, b2, b3};
            Tensor[] updated = new Tensor[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                updated[i] = parameters[i].value().sub(parameters[i].grad().mul(learningRate)); // w − lr·dL/dw
            }
            Tensor h1 = x.value().matmul(updated[0]).add(updated[3].transpose()).relu();
            Tensor h2 = h1.matmul(updated[1]).add(updated[4].transpose()).relu();
            Tensor prediction = h2.matmul(updated[2]).add(updated[5]).relu();
            after = 0.5 * Math.pow(TARGET - prediction.item(), 2);
        }

        assertThat(after).isLessThan(before);
    }

    /** relu'(Z): 1 where Z > 0, else 0. */
    private static Tensor reluDerivative(Tensor z) {
        return z.gt(0.0);
    }

    private static void assertClose(Tensor actual, Tensor expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double[] got = actual.toDoubleArray();
        double[] want = expected.toDoubleArray();
        for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).as("element %d of %s", i, actual).isCloseTo(want[i], within(1e-12));
        }
    }
}
