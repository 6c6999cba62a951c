package gradschool.nn;

import static gradschool.nn.LossAssertions.assertTensor;
import static gradschool.nn.LossAssertions.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed examples for {@link NLLLoss} and the class-index checks it shares. */
class NLLLossTest {

    private final Tensor logProbabilities = Tensor.of(new double[][] {{-0.5, -1.0, -2.0}, {-3.0, -0.1, -2.5}});
    private final Tensor classes = Tensor.of(new double[] {0, 1});

    @Test
    void picksMinusTheLogProbabilityOfTheRightClass() {
        Variable logP = Variable.requiringGrad(logProbabilities);
        Variable loss = new NLLLoss().forward(logP, classes);
        // (-(-0.5) + -(-0.1)) / 2 = 0.3
        assertThat(loss.item()).isCloseTo(0.3, within(1e-12));
        loss.backward();
        // -1/N at the right class, 0 elsewhere
        assertTensor(logP.grad(), shape(2, 3), -0.5, 0, 0, 0, -0.5, 0);
    }

    @Test
    void minusInfinityInAWrongClassGivesAFiniteLossAndAZeroGradientThere() {
        double ruledOut = Double.NEGATIVE_INFINITY;                  // log 0: the model rules the class out
        Variable logP = Variable.requiringGrad(Tensor.of(new double[][] {{-0.5, ruledOut, -2.0}, {ruledOut, -0.1, ruledOut}}));
        Variable loss = new NLLLoss().forward(logP, classes);

        assertThat(loss.item()).isCloseTo(0.3, within(1e-12));       // as without the -∞: (0.5 + 0.1) / 2
        loss.backward();
        assertTensor(logP.grad(), shape(2, 3), -0.5, 0, 0, 0, -0.5, 0);
    }

    @Test
    void sumAndNoneReductions() {
        assertThat(new NLLLoss(Reduction.SUM).forward(Variable.of(logProbabilities), classes).item())
                .isCloseTo(0.6, within(1e-12));
        assertTensor(new NLLLoss(Reduction.NONE).forward(Variable.of(logProbabilities), classes).value(),
                shape(2), 0.5, 0.1);
    }

    @Test
    void classIndexOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new NLLLoss().forward(Variable.of(logProbabilities), Tensor.of(new double[] {0, 3})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("NLLLoss: ")
                .hasMessageContaining("target[1] = 3.0")
                .hasMessageContaining("0..2")
                .hasMessageContaining("(2, 3)");
        assertThatThrownBy(() -> new NLLLoss().forward(Variable.of(logProbabilities), Tensor.of(new double[] {-1, 0})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target[0] = -1.0");
    }

    @Test
    void classIndexThatIsNotWholeIsRefused() {
        assertThatThrownBy(() -> new NLLLoss().forward(Variable.of(logProbabilities), Tensor.of(new double[] {0, 1.5})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("NLLLoss: ")
                .hasMessageContaining("target[1] = 1.5")
                .hasMessageContaining("whole numbers");
    }

    @Test
    void targetOfTheWrongShapeIsRefused() {
        assertThatThrownBy(() -> new NLLLoss().forward(Variable.of(logProbabilities), Tensor.of(new double[] {0, 1, 2})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("NLLLoss: ")
                .hasMessageContaining("(2,)")
                .hasMessageContaining("(3,)");
        assertThatThrownBy(() -> new NLLLoss().forward(Variable.of(logProbabilities), Tensor.of(new double[][] {{0}, {1}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 1)");
    }

    @Test
    void predictionThatIsNotAMatrixIsRefused() {
        assertThatThrownBy(() -> new NLLLoss().forward(Variable.of(Tensor.of(new double[] {-0.5, -1})),
                Tensor.of(new double[] {0})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("NLLLoss: ")
                .hasMessageContaining("(N, C) or (B, T, C)")
                .hasMessageContaining("(2,)");
    }

    @Test
    void ignoredTargetsCountNeitherInTheLossNorInTheMeansDivisor() {
        Variable logP = Variable.requiringGrad(logProbabilities);
        Variable loss = new NLLLoss().forward(logP, Tensor.of(new double[] {-100, 1}));
        // only row 1 counts: 0.1 / 1
        assertThat(loss.item()).isCloseTo(0.1, within(1e-15));
        loss.backward();
        assertTensor(logP.grad(), shape(2, 3), 0, 0, 0, 0, -1, 0);
        assertTensor(new NLLLoss(Reduction.NONE).forward(Variable.of(logProbabilities), Tensor.of(new double[] {-100, 1}))
                .value(), shape(2), 0, 0.1);
    }

    @Test
    void sequenceLogProbabilitiesWithAChosenIgnoreIndex() {
        // (B, T, C) = (1, 2, 3) with targets (1, 2); the second position is padding (-1)
        Tensor logP = Tensor.of(new double[][][] {{{-0.5, -1.0, -2.0}, {-3.0, -0.1, -2.5}}});
        NLLLoss loss = new NLLLoss(Reduction.MEAN, -1);
        assertThat(loss.forward(Variable.of(logP), Tensor.of(new double[][] {{0, -1}})).item()).isCloseTo(0.5, within(1e-15));
        assertThat(loss.forward(Variable.of(logP), Tensor.of(new double[][] {{0, 1}})).item()).isCloseTo(0.3, within(1e-15));
        assertThat(loss).hasToString("NLLLoss(reduction=MEAN, ignoreIndex=-1)");
        assertThatThrownBy(() -> loss.forward(Variable.of(logP), Tensor.of(new double[][] {{0, 3}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("NLLLoss: ")
                .hasMessageContaining("target[0, 1] = 3.0")
                .hasMessageContaining("ignoreIndex = -1");
    }
}
