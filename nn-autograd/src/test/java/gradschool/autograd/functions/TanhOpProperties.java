package gradschool.autograd.functions;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.Autograd;
import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The {@link Tanh} op's backward pass: the one-loop rule {@code g·(1 − y·y)} gives the same bits as the
 * variable ops it replaces (which it still uses while recording a graph, {@code createGraph}), in
 * contiguous and non-contiguous layouts, and it matches central differences to second order.
 */
class TanhOpProperties {

    @Property(tries = 50, seed = "20261201")
    void theOneLoopBackwardGivesTheBitsOfTheRecordedRule(@ForAll("inputs") Tensor x) {
        Tensor gradOutput = Tensor.randn(x.shape(), 7);
        Variable plain = Variable.requiringGrad(x);
        plain.tanh().backward(gradOutput);

        Variable recorded = Variable.requiringGrad(x);
        Variable y = recorded.tanh();
        Variable viaGraph = Autograd.grad(List.of(y), List.of(recorded), List.of(gradOutput), true).get(0);

        assertThat(plain.grad().toDoubleArray()).isEqualTo(viaGraph.value().toDoubleArray());
        assertThat(plain.grad().shape()).isEqualTo(x.shape());
    }

    @Property(tries = 20, seed = "20261201")
    void gradientsMatchCentralDifferencesToSecondOrder(@ForAll("inputs") Tensor x) {
        GradCheck.check(v -> v.get(0).tanh(), x).assertPassed();
        GradCheck.checkSecondOrder(v -> v.get(0).tanh(), x).assertPassed();
    }

    @Provide
    Arbitrary<Tensor> inputs() {
        return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 40),
                        Arbitraries.longs(), Arbitraries.of(false, true))
                .as((rows, columns, seed, transposed) -> {
                    Tensor x = Tensor.randn(Shape.of(rows, columns), seed).mul(3.0);
                    return transposed ? x.transpose() : x;   // a non-contiguous view
                });
    }
}
