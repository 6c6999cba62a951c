package gradschool.nn;

import static gradschool.nn.LossAssertions.assertTensor;
import static gradschool.nn.LossAssertions.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed examples for {@link BCELoss}, including the clamp at p = 0 and p = 1. */
class BCELossTest {

    @Test
    void crossEntropyOfTwoProbabilitiesAndItsGradient() {
        Variable p = Variable.requiringGrad(Tensor.of(new double[] {0.8, 0.4}));
        Variable loss = new BCELoss().forward(p, Tensor.of(new double[] {1, 0}));
        // -(ln 0.8 + ln 0.6) / 2 = (0.22314355131420976 + 0.5108256237659907) / 2
        assertThat(loss.item()).isCloseTo(0.3669845875401002, within(1e-12));
        loss.backward();
        // (p - t) / (p(1 - p)) / n: (-0.2 / 0.16) / 2 = -0.625 and (0.4 / 0.24) / 2 = 0.8333...
        assertTensor(p.grad(), shape(2), -0.625, 0.4 / 0.24 / 2);
    }

    @Test
    void softLabelAtOneHalfCostsLnTwo() {
        // -(0.9 ln 0.5 + 0.1 ln 0.5) = ln 2
        Variable loss = new BCELoss().forward(Variable.of(Tensor.of(new double[] {0.5})), Tensor.of(new double[] {0.9}));
        assertThat(loss.item()).isCloseTo(0.6931471805599453, within(1e-12));
    }

    @Test
    void certainAnswersAreClampedAtOneHundredWithFiniteGradients() {
        Variable p = Variable.requiringGrad(Tensor.of(new double[] {0, 1, 0, 1}));
        Variable losses = new BCELoss(Reduction.NONE).forward(p, Tensor.of(new double[] {1, 0, 0, 1}));
        // wrong and certain: -ln 0 is clamped to 100; right and certain: 0
        assertTensor(losses.value(), shape(4), 100, 100, 0, 0);
        losses.sum().backward();
        for (double g : p.grad().toDoubleArray()) {
            assertThat(g).isFinite();
        }
        // the clamped terms are constant, so their derivative is 0; the right and certain answers keep
        // the derivative of their unclamped term: (1 - t)/(1 - p) = 1 at p = 0, -t/p = -1 at p = 1
        assertTensor(p.grad(), shape(4), 0, 0, 1, -1);
    }

    @Test
    void sumReduction() {
        Variable loss = new BCELoss(Reduction.SUM).forward(Variable.of(Tensor.of(new double[] {0.8, 0.4})),
                Tensor.of(new double[] {1, 0}));
        assertThat(loss.item()).isCloseTo(0.7339691750802004, within(1e-12));
    }

    @Test
    void probabilityAboveOneIsRefused() {
        Variable p = Variable.of(Tensor.of(new double[][] {{0.2, 0.5}, {1.5, 0.1}}));
        assertThatThrownBy(() -> new BCELoss().forward(p, Tensor.zeros(2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("BCELoss: ")
                .hasMessageContaining("prediction[1, 0] = 1.5")
                .hasMessageContaining("[0, 1]")
                .hasMessageContaining("BCEWithLogitsLoss");
    }

    @Test
    void negativeTargetAndNaNPredictionAreRefused() {
        assertThatThrownBy(() -> new BCELoss().forward(Variable.of(Tensor.of(new double[] {0.5})),
                Tensor.of(new double[] {-0.1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target[0] = -0.1");
        assertThatThrownBy(() -> new BCELoss().forward(Variable.of(Tensor.of(new double[] {Double.NaN})),
                Tensor.of(new double[] {1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prediction[0] = NaN");
    }

    @Test
    void shapeMismatchIsNamed() {
        assertThatThrownBy(() -> new BCELoss().forward(Variable.of(Tensor.zeros(3, 1)), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("BCELoss: ")
                .hasMessageContaining("(3, 1)")
                .hasMessageContaining("(3,)");
    }
}
