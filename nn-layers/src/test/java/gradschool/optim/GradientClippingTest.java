package gradschool.optim;

import static gradschool.optim.Fixtures.parameter;
import static gradschool.optim.Fixtures.setGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    /** Gradients (3, 4) and (12): global norm √(9 + 16 + 144) = 13. */
    private final Parameter a = parameter(0, 0);
    private final Parameter b = parameter(0);
    private final Parameter noGradient = parameter(7, 7, 7);

    private List<Parameter> parameters() {
        setGradient(a, 3, 4);
        setGradient(b, 12);
        return List.of(a, noGradient, b);
    }

    @Test
    void clipByNormScalesAllGradientsTogether() {
        List<Parameter> ps = parameters();
        double norm = GradientClipping.clipByNorm(ps, 6.5);
        assertThat(norm).isCloseTo(13, within(1e-12));
        double scale = 6.5 / (13 + 1e-6);
        assertThat(a.grad().toDoubleArray()).containsExactly(new double[] {3 * scale, 4 * scale}, within(1e-12));
        assertThat(b.grad().toDoubleArray()).containsExactly(new double[] {12 * scale}, within(1e-12));
        assertThat(noGradient.grad()).isNull();
        double clippedNorm = Math.sqrt(Math.pow(a.grad().get(0), 2) + Math.pow(a.grad().get(1), 2)
                + Math.pow(b.grad().get(0), 2));
        assertThat(clippedNorm).isLessThanOrEqualTo(6.5).isCloseTo(6.5, within(1e-6));
    }

    @Test
    void clipByNormLeavesSmallGradientsUntouched() {
        List<Parameter> ps = parameters();
        assertThat(GradientClipping.clipByNorm(ps, 20)).isCloseTo(13, within(1e-12));
        assertThat(a.grad().toDoubleArray()).containsExactly(3, 4);
        assertThat(b.grad().toDoubleArray()).containsExactly(12);
        assertThat(GradientClipping.clipByNorm(ps, 13)).as("exactly at the limit").isCloseTo(13, within(1e-12));
        assertThat(a.grad().toDoubleArray()).containsExactly(3, 4);
    }

    @Test
    void clipByNormOfNoGradientsIsZero() {
        assertThat(GradientClipping.clipByNorm(List.of(noGradient), 1.0)).isZero();
    }

    @Test
    void clipByNormRejectsNonFiniteGradientsNamingTheParameter() {
        Parameter broken = parameter(1, 2).named("w");
        broken.mul(Variable.of(Tensor.of(new double[] {1, Double.NaN}))).sum().backward();
        assertThatThrownBy(() -> GradientClipping.clipByNorm(List.of(a, broken), 1.0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("clipByNorm: the gradient of parameter 1 ('w') contains NaN or an infinity, "
                        + "so the gradients cannot be clipped");
    }

    @Test
    void clipByValueClampsEachElement() {
        Parameter p = parameter(0, 0, 0, 0);
        setGradient(p, -3, 0.5, 7, -1);
        GradientClipping.clipByValue(List.of(p, noGradient), 1.0);
        assertThat(p.grad().toDoubleArray()).containsExactly(-1, 0.5, 1, -1);
        assertThat(noGradient.grad()).isNull();
    }

    @Test
    void clipByValueClampsAMatrixGradient() {
        Parameter p = new Parameter(Tensor.zeros(2, 2));
        // the gradient of sum(p ⊙ cᵀ) is cᵀ
        Tensor c = Tensor.of(new double[][] {{-5, 0.25}, {9, -0.5}});
        p.mul(Variable.of(c.transpose())).sum().backward();
        GradientClipping.clipByValue(List.of(p), 2.0);
        assertThat(p.grad().to2DArray()).isEqualTo(new double[][] {{-2, 2}, {0.25, -0.5}});
    }

    @Test
    void badLimitsAreRejected() {
        List<Parameter> ps = parameters();
        assertThatThrownBy(() -> GradientClipping.clipByNorm(ps, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clipByNorm: maxNorm must be positive and finite, got 0.0");
        assertThatThrownBy(() -> GradientClipping.clipByValue(ps, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clipByValue: limit must be positive and finite, got -1.0");
    }
}
