package gradschool.nn;

import static gradschool.nn.LossAssertions.assertTensor;
import static gradschool.nn.LossAssertions.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed examples for {@link BCEWithLogitsLoss}, including logits of ±1000 and exactly 0. */
class BCEWithLogitsLossTest {

    @Test
    void stableLossesAndSigmoidMinusTargetGradients() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {0, 1000, -1000, 2, 1000, -1000}));
        Tensor t = Tensor.of(new double[] {1, 0, 0, 1, 1, 1});
        Variable losses = new BCEWithLogitsLoss(Reduction.NONE).forward(x, t);
        // max(x,0) - x·t + ln(1 + e^-|x|):
        //   x = 0, t = 1:      0 - 0 + ln 2
        //   x = 1000, t = 0:   1000 - 0 + ln(1 + e^-1000) = 1000
        //   x = -1000, t = 0:  0 - 0 + 0 = 0
        //   x = 2, t = 1:      2 - 2 + ln(1 + e^-2) = 0.1269280110429726
        //   x = 1000, t = 1:   1000 - 1000 + 0 = 0
        //   x = -1000, t = 1:  0 + 1000 + 0 = 1000
        assertTensor(losses.value(), shape(6), 0.6931471805599453, 1000, 0, 0.1269280110429726, 0, 1000);
        losses.sum().backward();
        // σ(x) - t: ½ - 1, 1 - 0, 0 - 0, σ(2) - 1 = -0.11920292202211769, 1 - 1, 0 - 1
        assertTensor(x.grad(), shape(6), -0.5, 1, 0, -0.11920292202211769, 0, -1);
    }

    @Test
    void logitZeroGivesHalfMinusTargetNotMinusTarget() {
        // max(x, 0) ties at x = 0; Variable.maximum splits the tie, so the gradient is σ(0) - t = ½ - t.
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {0, 0}));
        new BCEWithLogitsLoss(Reduction.SUM).forward(x, Tensor.of(new double[] {0, 1})).backward();
        assertTensor(x.grad(), shape(2), 0.5, -0.5);
    }

    @Test
    void meanReductionDividesByTheNumberOfElements() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[][] {{0, 2}}));
        Variable loss = new BCEWithLogitsLoss().forward(x, Tensor.of(new double[][] {{1, 1}}));
        assertThat(loss.item()).isCloseTo((0.6931471805599453 + 0.1269280110429726) / 2, within(1e-12));
        loss.backward();
        assertTensor(x.grad(), shape(1, 2), -0.25, -0.11920292202211769 / 2);
    }

    @Test
    void targetGradientIsMinusTheLogit() {
        Variable t = Variable.requiringGrad(Tensor.of(new double[] {0.3, 0.7}));
        new BCEWithLogitsLoss(Reduction.SUM).forward(Variable.of(Tensor.of(new double[] {1.5, -1000})), t).backward();
        assertTensor(t.grad(), shape(2), -1.5, 1000);
    }

    @Test
    void targetOutsideZeroOneIsRefused() {
        // a common mistake: labels of ±1 (as for an SVM) instead of 0/1
        assertThatThrownBy(() -> new BCEWithLogitsLoss().forward(Variable.of(Tensor.zeros(2)),
                Tensor.of(new double[] {1, -1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("BCEWithLogitsLoss: ")
                .hasMessageContaining("target[1] = -1.0")
                .hasMessageContaining("[0, 1]");
    }

    @Test
    void shapeMismatchIsNamed() {
        assertThatThrownBy(() -> new BCEWithLogitsLoss().forward(Variable.of(Tensor.zeros(4)), Tensor.zeros(2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("BCEWithLogitsLoss: ")
                .hasMessageContaining("(4,)")
                .hasMessageContaining("(2, 2)");
    }
}
