package gradschool.nn;

import static gradschool.nn.NormalizationAssertions.assertParameterGradientsMatchCentralDifferences;
import static gradschool.nn.NormalizationAssertions.assertValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.optim.SGD;
import org.junit.jupiter.api.Test;

/** Small cases worked by hand from PyTorch's definitions of BatchNorm1d and BatchNorm2d. */
class BatchNormTest {

    private static final double EPS = 1e-5;

    @Test
    void batchNorm1dNormalizesEachColumnWithTheBiasedBatchVariance() {
        BatchNorm1d bn = new BatchNorm1d(2);
        // channel 0: 1, 3 → μ = 2, σ² = ((1−2)² + (3−2)²)/2 = 1
        // channel 1: 2, 6 → μ = 4, σ² = ((2−4)² + (6−4)²)/2 = 4
        Tensor y = bn.forward(Tensor.of(new double[][] {{1, 2}, {3, 6}})).value();
        double a = 1 / Math.sqrt(1 + EPS);
        double b = 2 / Math.sqrt(4 + EPS);
        assertValues(y, new double[] {-a, -b, a, b});
    }

    @Test
    void runningStatisticsFollowPyTorchsRuleOverTwoSteps() {
        BatchNorm1d bn = new BatchNorm1d(2);
        assertValues(bn.runningMean(), new double[] {0, 0});
        assertValues(bn.runningVar(), new double[] {1, 1});
        bn.forward(Tensor.of(new double[][] {{1, 2}, {3, 6}}));
        // mean: 0.9·0 + 0.1·2 = 0.2, 0.9·0 + 0.1·4 = 0.4
        // var, unbiased (n = 2, so σ²·2/1): ch0 1·2 = 2 → 0.9·1 + 0.1·2 = 1.1; ch1 4·2 = 8 → 0.9 + 0.8 = 1.7
        assertValues(bn.runningMean(), new double[] {0.2, 0.4});
        assertValues(bn.runningVar(), new double[] {1.1, 1.7});
        bn.forward(Tensor.of(new double[][] {{0, 0}, {2, 4}}));
        // batch: ch0 μ = 1, unbiased var 2; ch1 μ = 2, unbiased var 8
        // mean: 0.9·0.2 + 0.1·1 = 0.28, 0.9·0.4 + 0.1·2 = 0.56
        // var: 0.9·1.1 + 0.1·2 = 1.19, 0.9·1.7 + 0.1·8 = 2.33
        assertValues(bn.runningMean(), new double[] {0.28, 0.56});
        assertValues(bn.runningVar(), new double[] {1.19, 2.33});
    }

    @Test
    void evalModeUsesTheRunningStatisticsAndDoesNotUpdateThem() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.forward(Tensor.of(new double[][] {{1, 2}, {3, 6}}));
        bn.forward(Tensor.of(new double[][] {{0, 0}, {2, 4}}));
        bn.weight().value().copyFrom(Tensor.of(new double[] {2, 1}));
        bn.bias().value().copyFrom(Tensor.of(new double[] {0, 1}));
        Tensor x = Tensor.of(new double[][] {{1, 1}});
        bn.eval();
        Tensor y = bn.forward(x).value();
        // (1 − 0.28)/√(1.19 + ε)·2 + 0 and (1 − 0.56)/√(2.33 + ε)·1 + 1
        assertValues(y, new double[] {0.72 / Math.sqrt(1.19 + EPS) * 2, 0.44 / Math.sqrt(2.33 + EPS) + 1});
        assertValues(bn.runningMean(), new double[] {0.28, 0.56});
        assertValues(bn.runningVar(), new double[] {1.19, 2.33});
        // A batch of one sample is fine in eval mode; in train mode the same input would be refused.
        bn.train();
        assertThatThrownBy(() -> bn.forward(x)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trainAndEvalOutputsDifferForTheSameBatch() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 6}});
        Tensor train = bn.forward(x).value();
        bn.eval();
        Tensor eval = bn.forward(x).value();
        // eval: (x − 0.2)/√(1.1 + ε) and (x − 0.4)/√(1.7 + ε) with the statistics after one step
        assertValues(eval, new double[] {0.8 / Math.sqrt(1.1 + EPS), 1.6 / Math.sqrt(1.7 + EPS),
                2.8 / Math.sqrt(1.1 + EPS), 5.6 / Math.sqrt(1.7 + EPS)});
        assertThat(eval.allClose(train)).isFalse();
    }

    @Test
    void batchNorm1dOnNclTakesStatisticsOverBatchAndLength() {
        BatchNorm1d bn = new BatchNorm1d(1);
        // one channel, values 1, 2 (sample 0) and 3, 4 (sample 1): μ = 2.5,
        // σ² = (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25, unbiased 5/4 = 1.25·4/3 = 5/3
        Tensor y = bn.forward(Tensor.of(new double[][][] {{{1, 2}}, {{3, 4}}})).value();
        assertThat(y.shape()).isEqualTo(Shape.of(2, 1, 2));
        double s = Math.sqrt(1.25 + EPS);
        assertValues(y, new double[] {-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s});
        assertValues(bn.runningMean(), new double[] {0.25});
        assertValues(bn.runningVar(), new double[] {0.9 + 0.1 * 5.0 / 3});
    }

    @Test
    void batchNorm2dTakesStatisticsPerChannelOverBatchHeightAndWidth() {
        BatchNorm2d bn = new BatchNorm2d(2);
        // shape (N=2, C=2, H=1, W=2)
        // channel 0: 1, 3 | 5, 7 → μ = 4, σ² = (9 + 1 + 1 + 9)/4 = 5, unbiased 20/3
        // channel 1: 0, 0 | 2, 2 → μ = 1, σ² = 1, unbiased 4/3
        Tensor x = Tensor.of(new double[][][][] {{{{1, 3}}, {{0, 0}}}, {{{5, 7}}, {{2, 2}}}});
        Tensor y = bn.forward(x).value();
        double s0 = Math.sqrt(5 + EPS);
        double s1 = Math.sqrt(1 + EPS);
        assertValues(y, new double[] {-3 / s0, -1 / s0, -1 / s1, -1 / s1, 1 / s0, 3 / s0, 1 / s1, 1 / s1});
        assertValues(bn.runningMean(), new double[] {0.4, 0.1});
        assertValues(bn.runningVar(), new double[] {0.9 + 0.1 * 20.0 / 3, 0.9 + 0.1 * 4.0 / 3});
    }

    @Test
    void affineWeightAndBiasScaleAndShiftEachChannel() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.weight().value().copyFrom(Tensor.of(new double[] {3, -1}));
        bn.bias().value().copyFrom(Tensor.of(new double[] {10, 20}));
        Tensor y = bn.forward(Tensor.of(new double[][] {{1, 2}, {3, 6}})).value();
        double a = 1 / Math.sqrt(1 + EPS);
        double b = 2 / Math.sqrt(4 + EPS);
        // y = x̂·γ + β: channel 0 ∓a·3 + 10, channel 1 ∓b·(−1) + 20
        assertValues(y, new double[] {10 - 3 * a, 20 + b, 10 + 3 * a, 20 - b});
    }

    @Test
    void oneValuePerChannelInTrainingModeIsRefusedLikePyTorch() {
        assertThatThrownBy(() -> new BatchNorm1d(3).forward(Tensor.zeros(1, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BatchNorm1d(3): expected more than 1 value per channel when training")
                .hasMessageContaining("(1, 3)")
                .hasMessageContaining("eval()");
        assertThatThrownBy(() -> new BatchNorm2d(2).forward(Tensor.zeros(1, 2, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected more than 1 value per channel when training");
        // one sample with several positions has several values per channel: allowed, as in PyTorch
        assertThat(new BatchNorm2d(2).forward(Tensor.randn(Shape.of(1, 2, 2, 2), 1)).shape())
                .isEqualTo(Shape.of(1, 2, 2, 2));
    }

    @Test
    void wrongShapesNameTheLayerAndTheExpectedShape() {
        assertThatThrownBy(() -> new BatchNorm1d(3).forward(Tensor.zeros(4, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BatchNorm1d(3): expected input of shape (N, 3) or (N, 3, L), got (4, 5)");
        assertThatThrownBy(() -> new BatchNorm1d(3).forward(Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got (3,)");
        assertThatThrownBy(() -> new BatchNorm2d(3).forward(Tensor.zeros(2, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BatchNorm2d(3): expected input of shape (N, 3, H, W), got (2, 3, 4)");
        assertThatThrownBy(() -> new BatchNorm2d(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BatchNorm2d: the number of channels must be positive, got 0");
        assertThatThrownBy(() -> new BatchNorm1d(2, 0, 0.1)).hasMessageContaining("eps must be positive");
        assertThatThrownBy(() -> new BatchNorm1d(2, 1e-5, 1.5)).hasMessageContaining("momentum must be in [0, 1]");
    }

    @Test
    void runningStatisticsAreBuffersNotParametersSoTheOptimizerLeavesThemAlone() {
        Sequential model = new Sequential(new Linear(2, 3), new BatchNorm1d(3));
        BatchNorm1d bn = (BatchNorm1d) model.get(1);
        assertThat(model.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "1.weight", "1.bias");
        assertThat(model.namedBuffers().keySet()).containsExactly("1.running_mean", "1.running_var");
        assertThat(model.namedBuffers().get("1.running_mean")).isSameAs(bn.runningMean());
        assertThat(model.parameters()).noneMatch(p -> p.value() == bn.runningMean() || p.value() == bn.runningVar());

        SGD sgd = new SGD(model.parameters(), 0.5);
        Variable y = model.forward(Tensor.of(new double[][] {{1, 2}, {3, -1}, {0, 5}}));
        Tensor meanAfterForward = bn.runningMean().copy();
        Tensor varAfterForward = bn.runningVar().copy();
        y.pow(2).mul(Variable.constant(Tensor.randn(Shape.of(3, 3), 4))).sum().backward();
        sgd.step();
        assertThat(bn.runningMean()).isEqualTo(meanAfterForward);
        assertThat(bn.runningVar()).isEqualTo(varAfterForward);
        assertThat(bn.weight().grad()).isNotNull();
    }

    @Test
    void toStringShowsSettingsParametersAndBuffers() {
        Sequential model = new Sequential(new Linear(2, 3), new BatchNorm1d(3));
        assertThat(model.toString()).isEqualTo(
                "Sequential\n"
                + "  (0) Linear(in=2, out=3)   weight (3, 2), bias (3,)   9\n"
                + "  (1) BatchNorm1d(3, eps=1.0E-5, momentum=0.1)   weight (3,), bias (3,)   6"
                + "   buffers running_mean (3,), running_var (3,)\n"
                + "Total: 15 parameters, 6 numbers in buffers");
    }

    @Test
    void gradientsOfWeightAndBiasMatchCentralDifferences() {
        BatchNorm2d bn = new BatchNorm2d(2);
        bn.weight().value().copyFrom(Tensor.of(new double[] {0.5, -2}));
        bn.bias().value().copyFrom(Tensor.of(new double[] {1, 0.25}));
        Tensor x = Tensor.randn(Shape.of(3, 2, 2, 3), 7);
        Tensor seed = Tensor.randn(Shape.of(3, 2, 2, 3), 8);
        assertParameterGradientsMatchCentralDifferences(bn, x, seed);
        bn.eval();
        assertParameterGradientsMatchCentralDifferences(bn, x, seed);
    }

    @Test
    void inputGradientIsTheClosedFormOfTheDocs() {
        // dL/dx_i = γ/s · (g_i − mean(g) − x̂_i·mean(g·x̂)) per channel, s = √(σ² + ε): the formula in
        // the docs' Normalization section, here against what autograd computes through the composition
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.weight().value().copyFrom(Tensor.of(new double[] {1.5, -0.5}));
        Tensor x = Tensor.randn(Shape.of(4, 2), 21);
        Tensor g = Tensor.randn(Shape.of(4, 2), 22);
        Variable input = Variable.requiringGrad(x);
        bn.forward(input).mul(Variable.constant(g)).sum().backward();
        Tensor mean = x.mean(0, true);
        Tensor s = x.variance(0, true).add(EPS).sqrt();
        Tensor normalized = x.sub(mean).div(s);
        Tensor expected = g.sub(g.mean(0, true)).sub(normalized.mul(g.mul(normalized).mean(0, true)))
                .mul(bn.weight().value()).div(s);
        assertThat(input.grad().allClose(expected, 1e-10, 1e-12)).isTrue();
    }
}
