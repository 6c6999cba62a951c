package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Activation layers, Flatten and Dropout. */
class LayersTest {

    private final Tensor x = Tensor.of(new double[][] {{-2, -0.5, 0.5, 3}});

    @Test
    void activationsComputeTheirFormulas() {
        assertThat(new ReLU().forward(x).value()).isEqualTo(Tensor.of(new double[][] {{0, 0, 0.5, 3}}));
        assertThat(new LeakyReLU(0.1).forward(x).value().allClose(Tensor.of(new double[][] {{-0.2, -0.05, 0.5, 3}}), 0, 1e-15)).isTrue();
        assertThat(new Sigmoid().forward(x).value().get(0, 3)).isCloseTo(1 / (1 + Math.exp(-3)), within(1e-15));
        assertThat(new Tanh().forward(x).value().get(0, 0)).isCloseTo(Math.tanh(-2), within(1e-15));
        assertThat(new Softmax().forward(x).value().sum().item()).isCloseTo(1.0, within(1e-15));
        assertThat(new LogSoftmax().forward(x).value().exp().allClose(new Softmax().forward(x).value(), 0, 1e-15)).isTrue();
        // GELU(1) with the tanh approximation, as torch.nn.GELU(approximate='tanh') gives: 0.8411919906082768
        assertThat(new GELU(GELU.Approximate.TANH).forward(Tensor.of(1.0)).item()).isCloseTo(0.8411919906082768, within(1e-12));
    }

    @Test
    void activationGradientsMatchFiniteDifferences() {
        Tensor input = Tensor.of(new double[][] {{-2, -0.5, 0.5, 3}, {0.7, -1.3, 2.2, -0.1}});
        for (Layer layer : new Layer[] {new ReLU(), new LeakyReLU(0.2), new Sigmoid(), new Tanh(), new GELU(),
                new GELU(GELU.Approximate.TANH), new Softmax(), new LogSoftmax(0)}) {
            GradCheck.check(xs -> layer.forward(xs.get(0)), input).assertPassed();
        }
    }

    @Test
    void flattenKeepsTheBatchDimension() {
        Variable y = new Flatten().forward(Tensor.zeros(5, 2, 3, 4));
        assertThat(y.shape().toString()).isEqualTo("(5, 24)");
    }

    @Test
    void dropoutZeroesAboutPAndRescalesInTrainingOnly() {
        Dropout dropout = new Dropout(0.25, new Random(1));
        Tensor ones = Tensor.ones(100, 100);
        Tensor out = dropout.forward(ones).value();
        double zeroFraction = out.eq(0.0).mean().item();
        assertThat(zeroFraction).isCloseTo(0.25, within(0.02));
        assertThat(out.max().item()).isCloseTo(1 / 0.75, within(1e-12));
        assertThat(out.mean().item()).isCloseTo(1.0, within(0.03));
        dropout.eval();
        assertThat(dropout.forward(ones).value()).isEqualTo(ones);
        // Same seed, same masks.
        assertThat(new Dropout(0.5, new Random(9)).forward(ones).value())
                .isEqualTo(new Dropout(0.5, new Random(9)).forward(ones).value());
    }
}
