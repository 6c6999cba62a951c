package gradschool.nn;

import static gradschool.nn.NormalizationAssertions.assertValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.autograd.GradCheck;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** {@link BatchNorm1d#channelsLast}: (N, L, C) input with statistics over dimensions 0 and 1, by hand. */
class BatchNorm1dChannelsLastTest {

    private static final double EPS = 1e-5;

    // (N=2, L=2, C=2)
    // channel 0: 1, 2 | 3, 4 → μ = 2.5, σ² = (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25, unbiased 5/3
    // channel 1: 0, 0 | 2, 2 → μ = 1,   σ² = 1,                              unbiased 4/3
    private static final Tensor X = Tensor.of(new double[][][] {{{1, 0}, {2, 0}}, {{3, 2}, {4, 2}}});

    @Test
    void statisticsAreTakenPerChannelOverBatchAndLength() {
        BatchNorm1d bn = BatchNorm1d.channelsLast(2);

        Tensor y = bn.forward(X).value();

        assertThat(y.shape()).isEqualTo(Shape.of(2, 2, 2));
        double s0 = Math.sqrt(1.25 + EPS);
        double s1 = Math.sqrt(1 + EPS);
        assertValues(y, new double[] {-1.5 / s0, -1 / s1, -0.5 / s0, -1 / s1, 0.5 / s0, 1 / s1, 1.5 / s0, 1 / s1});
        assertValues(bn.runningMean(), new double[] {0.25, 0.1});
        assertValues(bn.runningVar(), new double[] {0.9 + 0.1 * 5.0 / 3, 0.9 + 0.1 * 4.0 / 3});
    }

    @Test
    void evalModeUsesTheRunningStatisticsPerLastDimension() {
        BatchNorm1d bn = BatchNorm1d.channelsLast(2);
        bn.forward(X);
        bn.weight().value().copyFrom(Tensor.of(new double[] {2, 1}));
        bn.bias().value().copyFrom(Tensor.of(new double[] {0, 1}));
        bn.eval();

        Tensor y = bn.forward(Tensor.of(new double[][][] {{{1, 1}}})).value();   // a batch of one is fine in eval

        double var0 = 0.9 + 0.1 * 5.0 / 3;
        double var1 = 0.9 + 0.1 * 4.0 / 3;
        assertValues(y, new double[] {(1 - 0.25) / Math.sqrt(var0 + EPS) * 2, (1 - 0.1) / Math.sqrt(var1 + EPS) + 1});
        assertValues(bn.runningMean(), new double[] {0.25, 0.1});
    }

    @Test
    void itIsTheDefaultLayerOnTheTransposedInput() {
        Tensor x = Tensor.randn(Shape.of(3, 4, 5), 7);
        BatchNorm1d channelsLast = BatchNorm1d.channelsLast(5);
        BatchNorm1d channelsFirst = new BatchNorm1d(5);

        Tensor viaLast = channelsLast.forward(x).value();
        Tensor viaFirst = channelsFirst.forward(x.transpose(1, 2)).value().transpose(1, 2);

        assertThat(viaLast.allClose(viaFirst, 1e-14, 1e-14)).isTrue();
        assertThat(channelsLast.runningMean().allClose(channelsFirst.runningMean(), 1e-14, 1e-14)).isTrue();
        assertThat(channelsLast.runningVar().allClose(channelsFirst.runningVar(), 1e-14, 1e-14)).isTrue();
    }

    @Test
    void onTwoDimensionalInputBothLayoutsAgree() {
        Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 6}});
        assertThat(BatchNorm1d.channelsLast(2).forward(x).value()).isEqualTo(new BatchNorm1d(2).forward(x).value());
    }

    @Test
    void gradientsMatchCentralDifferencesInBothModes() {
        BatchNorm1d bn = BatchNorm1d.channelsLast(3);
        bn.weight().value().copyFrom(Tensor.of(new double[] {0.5, -1.5, 2}));
        bn.bias().value().copyFrom(Tensor.of(new double[] {0.1, 0.2, -0.3}));
        Tensor x = Tensor.randn(Shape.of(2, 3, 3), 11);

        GradCheck.check(v -> bn.forward(v.get(0)), x).assertPassed();
        GradCheck.checkSecondOrder(v -> bn.forward(v.get(0)), x).assertPassed();
        NormalizationAssertions.assertParameterGradientsMatchCentralDifferences(bn, x, Tensor.randn(Shape.of(2, 3, 3), 12));
        bn.eval();
        GradCheck.check(v -> bn.forward(v.get(0)), x).assertPassed();
    }

    @Test
    void channelsFirstInputIsRefusedWithTheExpectedLayout() {
        assertThatThrownBy(() -> BatchNorm1d.channelsLast(3).forward(Tensor.zeros(4, 3, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BatchNorm1d(3): expected input of shape (N, 3) or (N, L, 3) (channels last), "
                        + "got (4, 3, 5)");
        assertThatThrownBy(() -> new BatchNorm1d(3).forward(Tensor.zeros(4, 5, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected input of shape (N, 3) or (N, 3, L), got (4, 5, 3)");
    }

    @Test
    void itPrintsItsLayoutAndSavesUnderTheUsualNames() {
        BatchNorm1d bn = BatchNorm1d.channelsLast(3);
        assertThat(bn.isChannelsLast()).isTrue();
        assertThat(new BatchNorm1d(3).isChannelsLast()).isFalse();
        assertThat(bn.toString()).startsWith("BatchNorm1d(3, eps=1.0E-5, momentum=0.1, channelsLast)");
        assertThat(bn.namedBuffers().keySet()).containsExactly("running_mean", "running_var");
        assertThat(bn.namedParameters().keySet()).containsExactly("weight", "bias");
    }
}
