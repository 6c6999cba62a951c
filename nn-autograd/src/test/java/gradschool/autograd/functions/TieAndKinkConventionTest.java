package gradschool.autograd.functions;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The gradient at points where an op is not differentiable is a convention, not a derivative, so a
 * gradient check cannot test it. These examples pin the conventions down (the same as PyTorch's):
 * {@code relu'(0) = 0}, {@code abs'(0) = 0}, ties in max/min and in maximum/minimum split the
 * gradient evenly, clip's bounds count as inside.
 */
class TieAndKinkConventionTest {

    private static Tensor gradientOf(Variable x, Variable output) {
        output.sum().backward();
        return x.grad();
    }

    @Test
    void reluHasDerivativeZeroAtZero() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {-1, 0, 2}));
        assertThat(gradientOf(x, x.relu())).isEqualTo(Tensor.of(new double[] {0, 0, 1}));
    }

    @Test
    void leakyReluHasTheNegativeSlopeAtZero() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {-1, 0, 2}));
        assertThat(gradientOf(x, x.leakyRelu(0.25))).isEqualTo(Tensor.of(new double[] {0.25, 0.25, 1}));
    }

    @Test
    void absHasDerivativeZeroAtZero() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {-2, 0, 3}));
        assertThat(gradientOf(x, x.abs())).isEqualTo(Tensor.of(new double[] {-1, 0, 1}));
    }

    @Test
    void clipPassesTheGradientAtItsBounds() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {-2, -1, 0, 1, 2}));
        assertThat(gradientOf(x, x.clip(-1, 1))).isEqualTo(Tensor.of(new double[] {0, 1, 1, 1, 0}));
    }

    @Test
    void maxSplitsTheGradientEvenlyBetweenTies() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {1, 3, 3}));
        assertThat(gradientOf(x, x.max())).isEqualTo(Tensor.of(new double[] {0, 0.5, 0.5}));
    }

    @Test
    void maxOfThreeEqualElementsGivesEachAThird() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[][] {{7, 7}, {7, -1}}));
        assertThat(gradientOf(x, x.max()))
                .isEqualTo(Tensor.of(new double[][] {{1 / 3.0, 1 / 3.0}, {1 / 3.0, 0}}));
    }

    @Test
    void maxAlongAnAxisSplitsTiesWithinEachRow() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[][] {{1, 3, 3}, {5, 2, 5}, {0, 4, 1}}));
        assertThat(gradientOf(x, x.max(1, false)))
                .isEqualTo(Tensor.of(new double[][] {{0, 0.5, 0.5}, {0.5, 0, 0.5}, {0, 1, 0}}));
    }

    @Test
    void maxAlongAnAxisWithKeptDimensionSplitsTiesWithinEachColumn() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[][] {{2, 1}, {2, 0}}));
        assertThat(gradientOf(x, x.max(0, true))).isEqualTo(Tensor.of(new double[][] {{0.5, 1}, {0.5, 0}}));
    }

    @Test
    void minSplitsTheGradientEvenlyBetweenTies() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {2, 1, 1}));
        assertThat(gradientOf(x, x.min())).isEqualTo(Tensor.of(new double[] {0, 0.5, 0.5}));
        Variable y = Variable.requiringGrad(Tensor.of(new double[][] {{1, 1}, {0, 4}}));
        assertThat(gradientOf(y, y.min(-1, false))).isEqualTo(Tensor.of(new double[][] {{0.5, 0.5}, {1, 0}}));
    }

    @Test
    void maximumOfEqualInputsGivesHalfToEach() {
        Variable a = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3}));
        Variable b = Variable.requiringGrad(Tensor.of(new double[] {3, 2, 1}));
        a.maximum(b).sum().backward();
        assertThat(a.grad()).isEqualTo(Tensor.of(new double[] {0, 0.5, 1}));
        assertThat(b.grad()).isEqualTo(Tensor.of(new double[] {1, 0.5, 0}));
    }

    @Test
    void maximumWithABroadcastScalarAddsUpItsShares() {
        Variable a = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3}));
        Variable b = Variable.requiringGrad(2.0);
        a.maximum(b).sum().backward();
        assertThat(a.grad()).isEqualTo(Tensor.of(new double[] {0, 0.5, 1}));
        assertThat(b.grad()).isEqualTo(Tensor.of(1.5)); // 1 (where a < b) + 0.5 (the tie) + 0
    }

    @Test
    void minimumOfEqualInputsGivesHalfToEach() {
        Variable a = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3}));
        Variable b = Variable.requiringGrad(Tensor.of(new double[] {3, 2, 1}));
        a.minimum(b).sum().backward();
        assertThat(a.grad()).isEqualTo(Tensor.of(new double[] {1, 0.5, 0}));
        assertThat(b.grad()).isEqualTo(Tensor.of(new double[] {0, 0.5, 1}));
    }

    @Test
    void powGivesTheExponentGradientZeroAtAZeroBase() {
        Variable base = Variable.requiringGrad(Tensor.of(new double[] {0, 2}));
        Variable exponent = Variable.requiringGrad(Tensor.of(new double[] {2, 3}));
        base.pow(exponent).sum().backward();
        assertThat(exponent.grad().get(0)).isEqualTo(0.0);
        assertThat(exponent.grad().get(1)).isEqualTo(8 * Math.log(2));
        assertThat(base.grad()).isEqualTo(Tensor.of(new double[] {0, 12}));
    }
}
