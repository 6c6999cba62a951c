package gradschool.nn;

import static gradschool.nn.LossAssertions.assertTensor;
import static gradschool.nn.LossAssertions.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** The seed notebook's loss {@code l = ½(a - p)²} and its derivative {@code dL/dp = p - a}. */
class HalfSquaredErrorLossTest {

    @Test
    void seedNotebookLossAndGradient() {
        // The notebook's network predicts p = 7.188368 for the actual value a = 1.
        Variable p = Variable.requiringGrad(7.188368);
        Variable loss = new HalfSquaredErrorLoss().forward(p, Tensor.of(1.0));
        // ½(1 - 7.188368)² = ½ · 38.295898502424 = 19.147949251712
        assertThat(loss.item()).isCloseTo(0.5 * (1 - 7.188368) * (1 - 7.188368), within(1e-12));
        assertThat(loss.item()).isCloseTo(19.147949251712, within(1e-9));
        loss.backward();
        // dL/dp = p - a = 6.188368, the negative of the notebook's "Error(Actual-Predicted): -6.188368"
        assertThat(p.grad().item()).isCloseTo(6.188368, within(1e-12));
    }

    @Test
    void seedNotebookNetworkBackpropagation() {
        // The notebook's 3-layer network, with its weights and biases, as a batch of one row.
        Variable x = Variable.of(Tensor.of(new double[][] {{1, 2, 3}}));
        Variable w1 = Variable.of(Tensor.of(new double[][] {{.3, .2, .4}, {.34, .23, .43}, {.67, .21, .11}}));
        Variable b1 = Variable.of(Tensor.of(new double[] {1, 2, 1}));
        Variable w2 = Variable.of(Tensor.of(new double[][] {{.3, .2}, {.34, .23}, {.44, .75}}));
        Variable b2 = Variable.of(Tensor.of(new double[] {2, 3}));
        Variable wFinal = Variable.requiringGrad(Tensor.of(new double[][] {{.33}, {.66}}));
        Variable bFinal = Variable.requiringGrad(Tensor.of(new double[] {1.1}));

        Variable a1 = x.matmul(w1).add(b1).relu();             // [[3.99, 3.29, 2.59]]
        Variable a2 = a1.matmul(w2).add(b2).relu();            // [[5.4552, 6.4972]]
        Variable p = a2.matmul(wFinal).add(bFinal).relu();     // [[7.188368]]
        assertTensor(a2.value(), shape(1, 2), 5.4552, 6.4972);
        assertTensor(p.value(), shape(1, 1), 7.188368);

        new HalfSquaredErrorLoss().forward(p, Tensor.of(new double[][] {{1}})).backward();
        // The notebook: dL/dw = A x (dL/dp), dL/db = sum(dL/dp), with dL/dp = p - a = 6.188368.
        assertTensor(wFinal.grad(), shape(2, 1), 5.4552 * 6.188368, 6.4972 * 6.188368);
        assertTensor(bFinal.grad(), shape(1), 6.188368);
    }

    @Test
    void sumsOverElementsByDefaultAndMeanIsHalfOfMse() {
        Tensor predicted = Tensor.of(new double[] {1, 2, 3});
        Tensor actual = Tensor.of(new double[] {1, 0, 5});
        // ½[(1-1)² + (0-2)² + (5-3)²] = ½(0 + 4 + 4) = 4
        assertThat(new HalfSquaredErrorLoss().forward(Variable.of(predicted), actual).item())
                .isCloseTo(4.0, within(1e-12));
        assertThat(new HalfSquaredErrorLoss(Reduction.MEAN).forward(Variable.of(predicted), actual).item())
                .isCloseTo(0.5 * new MSELoss().forward(Variable.of(predicted), actual).item(), within(1e-12));
        assertTensor(new HalfSquaredErrorLoss(Reduction.NONE).forward(Variable.of(predicted), actual).value(),
                shape(3), 0, 2, 2);
    }

    @Test
    void gradientIsPredictedMinusActualElementByElement() {
        Variable p = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3}));
        new HalfSquaredErrorLoss().forward(p, Tensor.of(new double[] {1, 0, 5})).backward();
        assertTensor(p.grad(), shape(3), 0, 2, -2);
    }

    @Test
    void shapeMismatchIsNamed() {
        assertThatThrownBy(() -> new HalfSquaredErrorLoss().forward(Variable.of(7.188368), Tensor.of(new double[] {1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HalfSquaredErrorLoss: ")
                .hasMessageContaining("()")
                .hasMessageContaining("(1,)");
    }
}
