package gradschool.nn;

import static gradschool.nn.NormalizationAssertions.assertParameterGradientsMatchCentralDifferences;
import static gradschool.nn.NormalizationAssertions.assertValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** Small cases worked by hand from PyTorch's definition of LayerNorm. */
class LayerNormTest {

    private static final double EPS = 1e-5;

    @Test
    void normalizesEachRowOverTheLastDimensionThenScalesAndShiftsElementwise() {
        LayerNorm norm = new LayerNorm(3);
        norm.weight().value().copyFrom(Tensor.of(new double[] {1, 2, 3}));
        norm.bias().value().copyFrom(Tensor.of(new double[] {0, 0, 1}));
        // row 0: 1, 2, 3 → μ = 2, σ² = (1 + 0 + 1)/3 = 2/3 (biased), x̂ = (−1, 0, 1)/√(2/3 + ε)
        // row 1: 2, 2, 2 → μ = 2, σ² = 0, x̂ = 0/√ε = 0, so y = β
        Tensor y = norm.forward(Tensor.of(new double[][] {{1, 2, 3}, {2, 2, 2}})).value();
        double s = Math.sqrt(2.0 / 3 + EPS);
        assertValues(y, new double[] {-1 / s, 0, 3 / s + 1, 0, 0, 1});
    }

    @Test
    void normalizesOverTheLastTwoDimensionsAndIsTheSameInEvalMode() {
        LayerNorm norm = new LayerNorm(2, 2);
        // one sample 1, 2, 3, 4 → μ = 2.5, σ² = (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25
        Tensor x = Tensor.of(new double[][][] {{{1, 2}, {3, 4}}});
        double s = Math.sqrt(1.25 + EPS);
        assertValues(norm.forward(x).value(), new double[] {-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s});
        norm.eval();
        assertValues(norm.forward(x).value(), new double[] {-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s});
        assertThat(norm.namedBuffers()).isEmpty();
        assertThat(norm.namedParameters().get("weight").shape()).isEqualTo(Shape.of(2, 2));
    }

    @Test
    void gradientsOfWeightAndBiasMatchCentralDifferences() {
        LayerNorm norm = new LayerNorm(4);
        norm.weight().value().copyFrom(Tensor.of(new double[] {0.5, -2, 1, 3}));
        norm.bias().value().copyFrom(Tensor.of(new double[] {1, 0.25, 0, -1}));
        Tensor x = Tensor.randn(Shape.of(3, 4), 5);
        Tensor seed = Tensor.randn(Shape.of(3, 4), 6);
        assertParameterGradientsMatchCentralDifferences(norm, x, seed);
    }

    @Test
    void badShapesAreNamed() {
        assertThatThrownBy(() -> new LayerNorm(3).forward(Tensor.zeros(2, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LayerNorm(3,): the input's last 1 dimension must be (3,), got input of shape (2, 4)");
        assertThatThrownBy(() -> new LayerNorm(2, 3).forward(Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got input of shape (3,)");
        assertThatThrownBy(() -> new LayerNorm()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LayerNorm: the normalized shape must be one or more positive sizes, got []");
        assertThatThrownBy(() -> new LayerNorm(new int[] {3}, 0.0)).hasMessageContaining("eps must be positive");
    }

    @Test
    void toStringShowsTheNormalizedShape() {
        assertThat(new LayerNorm(4).toString()).startsWith("LayerNorm((4,), eps=1.0E-5)   weight (4,), bias (4,)   8\n");
    }
}
