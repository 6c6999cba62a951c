package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.GradCheck;
import gradschool.core.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link BatchNorm1d#channelsLast} at random (N, L, C), sometimes on a non-contiguous view: the default
 * layer applied to the (N, C, L) transpose, in training and evaluation mode, and its first and second
 * derivatives against central differences.
 */
class BatchNorm1dChannelsLastProperties {

    @Property(tries = 40, seed = "20261201")
    void equalsTheChannelsFirstLayerOnTheTransposeAndPassesGradCheck(
            @ForAll @IntRange(min = 1, max = 3) int batch, @ForAll @IntRange(min = 1, max = 3) int length,
            @ForAll @IntRange(min = 1, max = 3) int channels, @ForAll boolean view, @ForAll long seed) {
        Random random = new Random(seed);
        if (batch * length < 2) {
            batch = 2;   // training needs more than one value per channel
        }
        Tensor x = view ? Tensor.randn(random, batch, channels, length).transpose(1, 2)
                : Tensor.randn(random, batch, length, channels);
        Tensor gamma = Tensor.randn(random, channels);
        Tensor beta = Tensor.randn(random, channels);
        BatchNorm1d last = BatchNorm1d.channelsLast(channels);
        BatchNorm1d first = new BatchNorm1d(channels);
        for (BatchNorm1d bn : new BatchNorm1d[] {last, first}) {
            bn.weight().value().copyFrom(gamma);
            bn.bias().value().copyFrom(beta);
        }

        Tensor trainLast = last.forward(x).value();
        Tensor trainFirst = first.forward(x.transpose(1, 2)).value().transpose(1, 2);
        assertThat(trainLast.allClose(trainFirst, 1e-12, 1e-12)).isTrue();
        assertThat(last.runningVar().allClose(first.runningVar(), 1e-12, 1e-12)).isTrue();

        GradCheck.check(v -> last.forward(v.get(0)), x).assertPassed();
        GradCheck.checkSecondOrder(v -> last.forward(v.get(0)), x).assertPassed();

        last.eval();
        first.eval();
        first.runningMean().copyFrom(last.runningMean());
        first.runningVar().copyFrom(last.runningVar());
        assertThat(last.forward(x).value().allClose(first.forward(x.transpose(1, 2)).value().transpose(1, 2),
                1e-12, 1e-12)).isTrue();
        GradCheck.check(v -> last.forward(v.get(0)), x).assertPassed();
    }
}
