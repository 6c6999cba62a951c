package gradschool.autograd.functions;

import static gradschool.autograd.VariableArbitraries.any;
import static gradschool.autograd.VariableArbitraries.shapes;
import static gradschool.autograd.VariableArbitraries.tensors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.SpecialFunctions;
import gradschool.core.Tensor;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The {@link Erf} op: its values, its gradient and its second derivative against finite differences
 * at random shapes and (often non-contiguous) layouts.
 */
class ErfGradientProperties {

    @Property(tries = 40, seed = "20261201")
    void erfGradient(@ForAll("anyValues") Tensor x) {
        GradCheck.check(xs -> xs.get(0).erf(), x).assertPassed();
    }

    @Property(tries = 25, seed = "20261201")
    void erfSecondOrder(@ForAll("smallAny") Tensor x) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).erf(), x).assertPassed();
    }

    @Example
    void forwardIsSpecialFunctionsErfAndTheGradientIsTheGaussian() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {-3.0, 0.0, 0.5}));

        Variable y = x.erf();
        y.sum().backward();

        assertThat(y.function()).isInstanceOf(Erf.class);
        assertThat(y.value().get(0)).isEqualTo(SpecialFunctions.erf(-3.0));
        assertThat(y.value().get(2)).isEqualTo(SpecialFunctions.erf(0.5));
        double twoOverRootPi = 2 / Math.sqrt(Math.PI);
        assertThat(x.grad().get(0)).isCloseTo(twoOverRootPi * Math.exp(-9.0), within(1e-17));
        assertThat(x.grad().get(1)).isCloseTo(twoOverRootPi, within(1e-15));
        assertThat(x.grad().get(2)).isCloseTo(twoOverRootPi * Math.exp(-0.25), within(1e-15));
    }

    @Provide
    Arbitrary<Tensor> anyValues() {
        return tensors(any());
    }

    @Provide
    Arbitrary<Tensor> smallAny() {
        return shapes(0, 2, 1, 3).flatMap(shape -> tensors(shape, any()));
    }
}
