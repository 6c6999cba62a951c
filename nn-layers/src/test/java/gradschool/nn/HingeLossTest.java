package gradschool.nn;

import static gradschool.nn.LossAssertions.assertTensor;
import static gradschool.nn.LossAssertions.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed examples for {@link HingeLoss}, the multi-class margin loss. */
class HingeLossTest {

    @Test
    void marginViolationsAndTheirGradient() {
        Variable scores = Variable.requiringGrad(Tensor.of(new double[][] {{3.0, 2.5, 0.5}, {0.1, 0.2, 0.3}}));
        Variable losses = new HingeLoss(Reduction.NONE).forward(scores, Tensor.of(new double[] {0, 2}));
        // sample 0, class 0: z = 1 - 3 + [2.5, 0.5] = [0.5, -1.5] -> (0.5 + 0) / 3
        // sample 1, class 2: z = 1 - 0.3 + [0.1, 0.2] = [0.8, 0.9] -> (0.8 + 0.9) / 3
        assertTensor(losses.value(), shape(2), 0.5 / 3, 1.7 / 3);
        losses.sum().backward();
        // each violated wrong class gets +1/C, the right class -1/C per violation
        assertTensor(scores.grad(), shape(2, 3), -1.0 / 3, 1.0 / 3, 0, 1.0 / 3, 1.0 / 3, -2.0 / 3);
    }

    @Test
    void aScoreOfMinusInfinityInAWrongClassCostsNothingAndGivesNoNaN() {
        // A wrong class ruled out with -inf: its margin is met by infinitely much, so the loss is that of
        // the finite classes alone (torch.nn.MultiMarginLoss gives the same finite value).
        double inf = Double.NEGATIVE_INFINITY;
        Variable scores = Variable.requiringGrad(Tensor.of(new double[][] {{3.0, inf, 2.5}}));
        Variable loss = new HingeLoss(Reduction.NONE).forward(scores, Tensor.of(new double[] {0}));
        assertTensor(loss.value(), shape(1), 0.5 / 3);   // z = 1 - 3 + 2.5 = 0.5 for class 2 only
        loss.sum().backward();
        assertTensor(scores.grad(), shape(1, 3), -1.0 / 3, 0, 1.0 / 3);
    }

    @Test
    void meanOverSamplesByDefault() {
        Variable scores = Variable.of(Tensor.of(new double[][] {{3.0, 2.5, 0.5}, {0.1, 0.2, 0.3}}));
        assertThat(new HingeLoss().forward(scores, Tensor.of(new double[] {0, 2})).item())
                .isCloseTo((0.5 / 3 + 1.7 / 3) / 2, within(1e-12));
    }

    @Test
    void exactlyMeetingTheMarginCostsNothingAndGetsNoGradient() {
        // z = 1 - 2 + 1 = 0: max(0, 0) = 0, and as in PyTorch the gradient at 0 is 0
        Variable scores = Variable.requiringGrad(Tensor.of(new double[][] {{2, 1}}));
        Variable loss = new HingeLoss().forward(scores, Tensor.of(new double[] {0}));
        assertThat(loss.item()).isCloseTo(0, within(1e-12));
        loss.backward();
        assertTensor(scores.grad(), shape(1, 2), 0, 0);
    }

    @Test
    void largerMargin() {
        Variable scores = Variable.of(Tensor.of(new double[][] {{2, 1}}));
        // z = 2 - 2 + 1 = 1, divided by C = 2
        assertThat(new HingeLoss(Reduction.SUM, 2.0).forward(scores, Tensor.of(new double[] {0})).item())
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void badInputsAreNamed() {
        assertThatThrownBy(() -> new HingeLoss().forward(Variable.of(Tensor.zeros(1, 2)), Tensor.of(new double[] {2})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HingeLoss: ")
                .hasMessageContaining("target[0] = 2.0")
                .hasMessageContaining("0..1");
        assertThatThrownBy(() -> new HingeLoss(Reduction.MEAN, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HingeLoss: ");
    }

    @Test
    void printsItsSettings() {
        assertThat(new HingeLoss()).hasToString("HingeLoss(reduction=MEAN, margin=1.0)");
    }
}
