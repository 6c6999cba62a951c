package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link GELU}: exact by default, tanh on request, against values computed independently with mpmath
 * at 50 digits:
 *
 * <pre>
 * python3 -c "
 * import mpmath; mpmath.mp.dps = 50
 * g = lambda t: t / 2 * (1 + mpmath.erf(t / mpmath.sqrt(2)))
 * for x in [1.0, -2.0, 0.5, 3.0, -0.5]:
 *     X = mpmath.mpf(x); print(repr(x), repr(float(g(X))), repr(float(mpmath.diff(g, X))))"
 * </pre>
 */
class GELUTest {

    private static final double[] XS = {1.0, -2.0, 0.5, 3.0, -0.5};
    private static final double[] EXACT = {
        0.8413447460685429, -0.04550026389635842, 0.34573123063700656, 2.99595030590511, -0.15426876936299344};
    private static final double[] EXACT_SLOPE = {
        1.0833154705876864, -0.0852318010781969, 0.8674951246561629, 1.011945647204184, 0.13250487534383715};

    @Test
    void theDefaultIsTheExactFormWithErfAsPyTorchsApproximateNone() {
        GELU gelu = new GELU();
        Variable x = Variable.requiringGrad(Tensor.of(XS));

        Variable y = gelu.forward(x);
        y.sum().backward();

        assertThat(gelu.approximate()).isEqualTo(GELU.Approximate.NONE);
        for (int i = 0; i < XS.length; i++) {
            assertThat(y.value().get(i)).as("GELU(%s)", XS[i]).isCloseTo(EXACT[i], within(2e-16 * Math.abs(EXACT[i]) + 1e-17));
            assertThat(x.grad().get(i)).as("GELU'(%s)", XS[i]).isCloseTo(EXACT_SLOPE[i], within(1e-15));
        }
        // One fused op (it used to be a composition through the Erf op; GELUTest#fusedOpsMatchTheCompositions
        // checks the fused op against that composition).
        assertThat(y.function()).isInstanceOf(gradschool.autograd.functions.GELU.class);
    }

    @Test
    void tanhFormIsPyTorchsApproximateTanh() {
        // torch.nn.GELU(approximate='tanh')(torch.tensor(1.0, dtype=torch.float64)) = 0.8411919906082768
        GELU gelu = new GELU(GELU.Approximate.TANH);
        assertThat(gelu.forward(Tensor.of(1.0)).item()).isCloseTo(0.8411919906082768, within(1e-15));
        assertThat(gelu.forward(Variable.requiringGrad(Tensor.of(1.0))).function())
                .isInstanceOf(gradschool.autograd.functions.GELUTanh.class);
    }

    /** The compositions of autograd ops that the fused ops replace: the formulas, written out. */
    private static Variable composedExact(Variable x) {
        return x.mul(0.5).mul(x.mul(Math.sqrt(0.5)).erf().add(1.0));
    }

    private static Variable composedTanh(Variable x) {
        Variable inner = x.add(x.mul(x).mul(x).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));   // x·x·x, as ATen
        return x.mul(0.5).mul(inner.tanh().add(1.0));
    }

    @Test
    void fusedOpsMatchTheCompositions() {
        Tensor values = Tensor.linspace(-9, 9, 721);
        Tensor gradOutput = Tensor.randn(values.shape(), 7);
        for (GELU.Approximate form : GELU.Approximate.values()) {
            Variable fusedInput = Variable.requiringGrad(values);
            Variable composedInput = Variable.requiringGrad(values);
            Variable fused = new GELU(form).forward(fusedInput);
            Variable composed = form == GELU.Approximate.NONE ? composedExact(composedInput) : composedTanh(composedInput);
            fused.mul(Variable.of(gradOutput)).sum().backward();
            composed.mul(Variable.of(gradOutput)).sum().backward();

            assertThat(fused.value()).as("%s: the values, bit for bit", form).isEqualTo(composed.value());
            assertThat(fusedInput.grad().allClose(composedInput.grad(), 1e-13, 1e-15))
                    .as("%s: the gradients, %s against %s", form, fusedInput.grad(), composedInput.grad()).isTrue();
        }
    }

    @Test
    void theTwoFormsDifferByLessThanFiveTenThousandths() {
        Tensor x = Tensor.linspace(-6, 6, 1201);
        double gap = new GELU().forward(x).value().sub(new GELU(GELU.Approximate.TANH).forward(x).value())
                .abs().max().item();
        assertThat(gap).isGreaterThan(1e-4).isLessThan(5e-4);
    }

    @Test
    void itPrintsWhichFormItComputes() {
        assertThat(new GELU().toString()).startsWith("GELU(approximate=none)");
        assertThat(new GELU(GELU.Approximate.TANH).toString()).startsWith("GELU(approximate=tanh)");
    }

    @Test
    void nullFormIsRejected() {
        assertThatThrownBy(() -> new GELU(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("GELU").hasMessageContaining("NONE or TANH");
    }
}
