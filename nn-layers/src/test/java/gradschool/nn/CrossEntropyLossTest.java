package gradschool.nn;

import static gradschool.nn.LossAssertions.assertTensor;
import static gradschool.nn.LossAssertions.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed examples for {@link CrossEntropyLoss}. */
class CrossEntropyLossTest {

    // ln(e² + e + 1) = 2.40760596444438; softmax([2, 1, 0]) = [0.665240955774822, 0.2447284710547977, 0.09003057317038048]
    private static final double LOG_SUM_EXP = 2.40760596444438;
    private static final double[] SOFTMAX = {0.665240955774822, 0.2447284710547977, 0.09003057317038048};

    @Test
    void oneSampleLossAndSoftmaxMinusOneHotGradient() {
        Variable logits = Variable.requiringGrad(Tensor.of(new double[][] {{2, 1, 0}}));
        Variable loss = new CrossEntropyLoss().forward(logits, Tensor.of(new double[] {0}));
        // -x[0] + ln Σ e^x = -2 + 2.40760596444438
        assertThat(loss.item()).isCloseTo(0.40760596444438013, within(1e-12));
        loss.backward();
        assertTensor(logits.grad(), shape(1, 3), SOFTMAX[0] - 1, SOFTMAX[1], SOFTMAX[2]);
    }

    @Test
    void meanOverABatch() {
        Variable logits = Variable.requiringGrad(Tensor.of(new double[][] {{2, 1, 0}, {0, 0, 0}}));
        Variable loss = new CrossEntropyLoss().forward(logits, Tensor.of(new double[] {0, 2}));
        // (0.40760596444438013 + ln 3) / 2, ln 3 = 1.0986122886681098
        assertThat(loss.item()).isCloseTo(0.753109126556245, within(1e-12));
        loss.backward();
        assertTensor(logits.grad(), shape(2, 3),
                (SOFTMAX[0] - 1) / 2, SOFTMAX[1] / 2, SOFTMAX[2] / 2,
                1.0 / 6, 1.0 / 6, (1.0 / 3 - 1) / 2);
        assertTensor(new CrossEntropyLoss(Reduction.NONE).forward(logits, Tensor.of(new double[] {0, 2})).value(),
                shape(2), 0.40760596444438013, 1.0986122886681098);
    }

    @Test
    void hugeLogitsStayFinite() {
        Variable logits = Variable.requiringGrad(Tensor.of(new double[][] {{1000, -1000, 0}}));
        Variable loss = new CrossEntropyLoss(Reduction.SUM).forward(logits, Tensor.of(new double[] {1}));
        // -(-1000) + ln(e^1000 + e^-1000 + e^0) = 1000 + 1000 = 2000
        assertThat(loss.item()).isCloseTo(2000, within(1e-9));
        loss.backward();
        // softmax = [1, 0, 0]; minus one-hot [0, 1, 0]
        assertTensor(logits.grad(), shape(1, 3), 1, -1, 0);
    }

    @Test
    void aLogitOfMinusInfinityInAWrongClassIsAClassRuledOut() {
        Variable logits = Variable.requiringGrad(Tensor.of(new double[][] {{2, Double.NEGATIVE_INFINITY, 1, 0}}));
        Variable loss = new CrossEntropyLoss().forward(logits, Tensor.of(new double[] {0}));

        // the same as over the three finite logits [2, 1, 0]: -2 + ln(e² + e + 1)
        assertThat(loss.item()).isCloseTo(0.40760596444438013, within(1e-12));
        loss.backward();
        assertTensor(logits.grad(), shape(1, 4), SOFTMAX[0] - 1, 0, SOFTMAX[1], SOFTMAX[2]);
    }

    @Test
    void withLabelSmoothingAClassRuledOutMakesTheLossInfiniteNotNaN() {
        // the smoothed target gives that class probability ε/C > 0, and -ε/C·log 0 = +∞
        Variable logits = Variable.requiringGrad(Tensor.of(new double[][] {{2, Double.NEGATIVE_INFINITY, 1}}));
        Variable loss = new CrossEntropyLoss(Reduction.MEAN, 0.1).forward(logits, Tensor.of(new double[] {0}));

        assertThat(loss.item()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void labelSmoothingMixesInTheUniformDistribution() {
        Variable logits = Variable.requiringGrad(Tensor.of(new double[][] {{2, 1, 0}}));
        Variable loss = new CrossEntropyLoss(Reduction.MEAN, 0.1).forward(logits, Tensor.of(new double[] {0}));
        // q = 0.9·[1, 0, 0] + 0.1/3 = [0.9333.., 0.0333.., 0.0333..];
        // -Σ q·(x - lse) = lse - Σ q·x = 2.40760596444438 - (0.9333..·2 + 0.0333..·1) = lse - 1.9
        assertThat(loss.item()).isCloseTo(LOG_SUM_EXP - 1.9, within(1e-12));
        loss.backward();
        assertTensor(logits.grad(), shape(1, 3),
                SOFTMAX[0] - (0.9 + 0.1 / 3), SOFTMAX[1] - 0.1 / 3, SOFTMAX[2] - 0.1 / 3);
    }

    @Test
    void labelSmoothingOutsideZeroOneIsRefused() {
        assertThatThrownBy(() -> new CrossEntropyLoss(Reduction.MEAN, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CrossEntropyLoss: ")
                .hasMessageContaining("1.5");
    }

    @Test
    void badClassIndexNamesThisLoss() {
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(Variable.of(Tensor.zeros(2, 4)),
                Tensor.of(new double[] {4, 0})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CrossEntropyLoss: ")
                .hasMessageContaining("target[0] = 4.0")
                .hasMessageContaining("0..3");
    }

    @Test
    void printsItsSettings() {
        assertThat(new CrossEntropyLoss(Reduction.SUM, 0.1))
                .hasToString("CrossEntropyLoss(reduction=SUM, labelSmoothing=0.1)");
    }
}
