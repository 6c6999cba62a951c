package gradschool.autograd.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Gradients at inputs so large that a naive formula overflows: the forward rules are computed
 * stably, and the backward rules, which reuse the outputs, must stay finite and right too. (Finite
 * differences are too coarse here, so the expected values are worked out by hand.)
 */
class LargeInputGradientTest {

    private static final Tensor LARGE = Tensor.of(new double[] {1000, 1001, 1002});
    private static final Tensor SEED = Tensor.of(new double[] {0.5, -1, 2});

    /** softmax of {@code [1000, 1001, 1002]} = softmax of {@code [0, 1, 2]}. */
    private static double[] softmaxOfZeroOneTwo() {
        double total = 1 + Math.E + Math.exp(2);
        return new double[] {1 / total, Math.E / total, Math.exp(2) / total};
    }

    @Test
    void logSoftmaxGradientIsFiniteForLargeInputs() {
        Variable x = Variable.requiringGrad(LARGE);
        x.logSoftmax(0).backward(SEED);
        double[] p = softmaxOfZeroOneTwo();
        double seedSum = 0.5 - 1 + 2;
        for (int i = 0; i < 3; i++) {
            assertThat(x.grad().get(i)).isCloseTo(SEED.get(i) - p[i] * seedSum, within(1e-12));
        }
    }

    @Test
    void softmaxGradientIsFiniteForLargeInputs() {
        Variable x = Variable.requiringGrad(LARGE);
        x.softmax(0).backward(SEED);
        double[] p = softmaxOfZeroOneTwo();
        double weighted = 0.5 * p[0] - p[1] + 2 * p[2];
        for (int i = 0; i < 3; i++) {
            assertThat(x.grad().get(i)).isCloseTo(p[i] * (SEED.get(i) - weighted), within(1e-12));
        }
    }

    @Test
    void logSumExpGradientIsTheSoftmaxForLargeInputs() {
        Variable x = Variable.requiringGrad(LARGE);
        Variable y = x.logSumExp();
        y.backward();
        assertThat(y.item()).isCloseTo(1002 + Math.log(1 + Math.exp(-1) + Math.exp(-2)), within(1e-9));
        double[] p = softmaxOfZeroOneTwo();
        for (int i = 0; i < 3; i++) {
            assertThat(x.grad().get(i)).isCloseTo(p[i], within(1e-12));
        }
    }

    @Test
    void sigmoidAndTanhSaturateToZeroGradientWithoutNaN() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {-800, 800}));
        x.sigmoid().sum().backward();
        assertThat(x.grad()).isEqualTo(Tensor.of(new double[] {0, 0}));

        Variable t = Variable.requiringGrad(Tensor.of(new double[] {-800, 800}));
        t.tanh().sum().backward();
        assertThat(t.grad()).isEqualTo(Tensor.of(new double[] {0, 0}));
    }
}
