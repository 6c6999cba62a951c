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
                .hasToString("CrossEntropyLoss(reduction=SUM, labelSmoothing=0.1, ignoreIndex=-100)");
    }

    // ---- (B, T, C) logits, ignoreIndex, label smoothing with ignoreIndex -------------------------------
    //
    // References from numpy 2.4 (python3), with this script:
    //   x = np.array([[[2, 1, 0, -1], [0.5, -0.5, 1.5, 0], [3, 0, 0, 1]],
    //                 [[0, 0, 0, 0], [1, 2, 3, 4], [-2, 1, 0.5, 0.25]]])
    //   y = np.array([[0, -100, 3], [2, 1, -100]])
    //   logp = x - x.max(-1, keepdims=True); logp -= np.log(np.exp(logp).sum(-1, keepdims=True))
    //   keep = y != -100; yk = np.where(keep, y, 0); C = 4
    //   nll = -np.take_along_axis(logp, yk[..., None], -1)[..., 0]; smooth = -logp.sum(-1)
    //   per = np.where(keep, (1 - eps) * nll + eps / C * smooth, 0)          # eps = 0 and 0.1
    //   q = (1 - eps) * np.eye(C)[yk] + eps / C
    //   grad = np.where(keep[..., None], np.exp(logp) - q, 0) / keep.sum()   # of the mean
    //   print(repr(per.sum() / keep.sum()), per.ravel().tolist(), grad.ravel().tolist())

    private static final Tensor SEQUENCE_LOGITS = Tensor.of(new double[][][] {
        {{2, 1, 0, -1}, {0.5, -0.5, 1.5, 0}, {3, 0, 0, 1}},
        {{0, 0, 0, 0}, {1, 2, 3, 4}, {-2, 1, 0.5, 0.25}}});
    private static final Tensor SEQUENCE_TARGETS = Tensor.of(new double[][] {{0, -100, 3}, {2, 1, -100}});

    @Test
    void sequenceLogitsWithIgnoredTargetsAverageOverTheKeptPositionsOnly() {
        Variable logits = Variable.requiringGrad(SEQUENCE_LOGITS);

        Variable loss = new CrossEntropyLoss().forward(logits, SEQUENCE_TARGETS);
        loss.backward();

        assertThat(loss.item()).isCloseTo(1.6194178453701142, within(1e-15));
        assertTensor(logits.grad(), shape(2, 3, 4),
                -0.08902143502800691, 0.05922070452247753, 0.021786079685508143, 0.008014650820021247,
                0, 0, 0, 0,
                0.202443997880913, 0.010079093163160718, 0.010079093163160718, -0.22260218420723443,
                0.0625, 0.0625, -0.1875, 0.0625,
                0.008014650820021247, -0.22821392031449186, 0.05922070452247753, 0.1609785649719931,
                0, 0, 0, 0);
        assertTensor(new CrossEntropyLoss(Reduction.NONE).forward(Variable.of(SEQUENCE_LOGITS), SEQUENCE_TARGETS)
                .value(), shape(2, 3),
                0.44018969856119533, 0, 2.2109976232381756, 1.3862943611198906, 2.4401896985611953, 0);
        assertThat(new CrossEntropyLoss(Reduction.SUM).forward(Variable.of(SEQUENCE_LOGITS), SEQUENCE_TARGETS).item())
                .isCloseTo(4 * 1.6194178453701142, within(1e-14));
    }

    @Test
    void labelSmoothingWithIgnoredTargetsIsPyTorchsCombination() {
        Variable logits = Variable.requiringGrad(SEQUENCE_LOGITS);

        Variable loss = new CrossEntropyLoss(Reduction.MEAN, 0.1).forward(logits, SEQUENCE_TARGETS);
        loss.backward();

        assertThat(loss.item()).isCloseTo(1.6444178453701142, within(1e-15));
        assertTensor(logits.grad(), shape(2, 3, 4),
                -0.07027143502800692, 0.052970704522477534, 0.015536079685508143, 0.0017646508200212466,
                0, 0, 0, 0,
                0.196193997880913, 0.003829093163160718, 0.003829093163160718, -0.20385218420723444,
                0.05625, 0.05625, -0.16875, 0.05625,
                0.0017646508200212466, -0.20946392031449187, 0.052970704522477534, 0.15472856497199308,
                0, 0, 0, 0);
        assertTensor(new CrossEntropyLoss(Reduction.NONE, 0.1).forward(Variable.of(SEQUENCE_LOGITS), SEQUENCE_TARGETS)
                .value(), shape(2, 3),
                0.5901896985611954, 0, 2.2109976232381756, 1.3862943611198906, 2.3901896985611955, 0);
    }

    @Test
    void sequenceLogitsGiveTheSameLossAndGradientAsTheFlattenedBatch() {
        Variable sequence = Variable.requiringGrad(SEQUENCE_LOGITS);
        Variable flat = Variable.requiringGrad(SEQUENCE_LOGITS.reshape(6, 4));
        CrossEntropyLoss loss = new CrossEntropyLoss(Reduction.MEAN, 0.2);

        Variable bySequence = loss.forward(sequence, SEQUENCE_TARGETS);
        Variable byRow = loss.forward(flat, SEQUENCE_TARGETS.reshape(6));
        bySequence.backward();
        byRow.backward();

        assertThat(bySequence.item()).isEqualTo(byRow.item());
        assertThat(sequence.grad().reshape(6, 4)).isEqualTo(flat.grad());
    }

    @Test
    void allTargetsIgnoredGiveNaNForTheMeanAsPyTorchAndAZeroGradient() {
        Variable logits = Variable.requiringGrad(Tensor.of(new double[][] {{2, 1, 0}, {0, 5, 1}}));
        Tensor ignored = Tensor.of(new double[] {-100, -100});

        Variable mean = new CrossEntropyLoss(Reduction.MEAN, 0.1).forward(logits, ignored);
        mean.backward();

        assertThat(mean.item()).isNaN();
        assertThat(logits.grad()).isEqualTo(Tensor.zeros(2, 3));
        assertThat(new CrossEntropyLoss(Reduction.SUM).forward(logits, ignored).item()).isEqualTo(0.0);
    }

    @Test
    void anIgnoreIndexInsideTheClassRangeSkipsThatClass() {
        // padding with class 0: only the second row counts, -ln softmax([0, 5, 1])[1]
        Variable logits = Variable.requiringGrad(Tensor.of(new double[][] {{2, 1, 0}, {0, 5, 1}}));
        Variable loss = new CrossEntropyLoss(Reduction.MEAN, 0.0, 0).forward(logits, Tensor.of(new double[] {0, 1}));
        double expected = -5 + Math.log(Math.exp(0) + Math.exp(5) + Math.exp(1));
        assertThat(loss.item()).isCloseTo(expected, within(1e-15));
        loss.backward();
        assertThat(logits.grad().get(0, 0)).isEqualTo(0.0);
        assertThat(logits.grad().get(0, 1)).isEqualTo(0.0);
    }

    @Test
    void makemoresMinusOnePaddingNeedsItsIgnoreIndex() {
        Tensor targets = Tensor.of(new double[][] {{1, -1}});
        Variable logits = Variable.of(Tensor.zeros(1, 2, 3));

        assertThat(new CrossEntropyLoss(Reduction.MEAN, 0.0, -1).forward(logits, targets).item())
                .isCloseTo(Math.log(3), within(1e-15));
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(logits, targets))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CrossEntropyLoss: ")
                .hasMessageContaining("target[0, 1] = -1.0")
                .hasMessageContaining("0..2")
                .hasMessageContaining("(1, 2, 3)")
                .hasMessageContaining("ignoreIndex = -100");
    }

    @Test
    void targetShapeMustBeTheLogitsShapeWithoutTheClassDimension() {
        // PyTorch's (N, C, L) layout: 5 classes in dimension 1, 3 positions
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(Variable.of(Tensor.zeros(2, 5, 3)), Tensor.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CrossEntropyLoss: target must have shape (2, 5)")
                .hasMessageContaining("(2, 5, 3)")
                .hasMessageContaining("but has shape (2, 3)")
                .hasMessageContaining("last dimension")
                .hasMessageContaining("permute");
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(Variable.of(Tensor.zeros(6, 4)), Tensor.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target must have shape (6,)")
                .hasMessageContaining("(2, 3)");
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(Variable.of(Tensor.zeros(4)), Tensor.zeros(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(N, C) or (B, T, C)")
                .hasMessageContaining("(4,)");
    }

    @Test
    void printsItsIgnoreIndex() {
        assertThat(new CrossEntropyLoss(Reduction.MEAN, 0.0, -1).ignoreIndex()).isEqualTo(-1);
        assertThat(new CrossEntropyLoss().ignoreIndex()).isEqualTo(-100);
        assertThat(new CrossEntropyLoss(Reduction.MEAN, 0.0, -1))
                .hasToString("CrossEntropyLoss(reduction=MEAN, labelSmoothing=0.0, ignoreIndex=-1)");
    }
}
