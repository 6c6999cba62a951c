package gradschool.autograd.functions;

import static gradschool.autograd.VariableArbitraries.shapes;
import static gradschool.autograd.VariableArbitraries.tensors;
import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.testing.TensorArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fused {@link GELU} and {@link GELUTanh} ops: the same values as the compositions they replace (bit
 * for bit) and the same gradients (to 1e-13), and first and second derivatives against central
 * differences, at random shapes in random (often non-contiguous) layouts with values in [−4, 4).
 */
class GELUOpProperties {

    private static Variable composedExact(Variable x) {
        return x.mul(0.5).mul(x.mul(Math.sqrt(0.5)).erf().add(1.0));
    }

    private static Variable composedTanh(Variable x) {
        Variable inner = x.add(x.mul(x).mul(x).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));   // x·x·x, as ATen
        return x.mul(0.5).mul(inner.tanh().add(1.0));
    }

    @Property(tries = 50, seed = "20261201")
    void fusedOpsMatchTheCompositions(@ForAll("wide") Tensor x) {
        assertMatches(x, Variable::gelu, GELUOpProperties::composedExact);
        assertMatches(x, Variable::geluTanh, GELUOpProperties::composedTanh);
    }

    @Property(tries = 40, seed = "20261201")
    void gradientsMatchCentralDifferences(@ForAll("wide") Tensor x) {
        GradCheck.check(v -> v.get(0).gelu(), x).assertPassed();
        GradCheck.check(v -> v.get(0).geluTanh(), x).assertPassed();
    }

    @Property(tries = 25, seed = "20261201")
    void secondOrder(@ForAll("small") Tensor x) {
        GradCheck.checkSecondOrder(v -> v.get(0).gelu(), x).assertPassed();
        GradCheck.checkSecondOrder(v -> v.get(0).geluTanh(), x).assertPassed();
    }

    private static void assertMatches(Tensor x, java.util.function.Function<Variable, Variable> fused,
                                      java.util.function.Function<Variable, Variable> composed) {
        Tensor gradOutput = Tensor.randn(x.shape(), 5);
        Variable fusedInput = Variable.requiringGrad(x);
        Variable composedInput = Variable.requiringGrad(x);
        Variable fusedOutput = fused.apply(fusedInput);
        Variable composedOutput = composed.apply(composedInput);
        fusedOutput.mul(Variable.of(gradOutput)).sum().backward();
        composedOutput.mul(Variable.of(gradOutput)).sum().backward();

        assertThat(fusedOutput.value()).isEqualTo(composedOutput.value());
        assertThat(fusedInput.grad().allClose(composedInput.grad(), 1e-13, 1e-15))
                .as("%s against %s", fusedInput.grad(), composedInput.grad()).isTrue();
    }

    @Provide
    Arbitrary<Tensor> wide() {
        return shapes().flatMap(shape -> tensors(shape, TensorArbitraries.uniform(-4, 4)));
    }

    @Provide
    Arbitrary<Tensor> small() {
        return shapes(0, 2, 1, 3).flatMap(shape -> tensors(shape, TensorArbitraries.uniform(-4, 4)));
    }
}
