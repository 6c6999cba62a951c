package gradschool.autograd.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Autograd;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gradients of gradients, checked against derivatives worked out by hand.
 */
class SecondOrderGradientTest {

    @Test
    void secondDerivativeOfCubeIsSixX() {
        Tensor points = Tensor.of(new double[] {-2, -0.5, 0, 1, 3});
        Variable x = Variable.requiringGrad(points);
        Variable y = x.pow(3).sum();

        Variable dy = Autograd.grad(y, List.of(x), true).get(0);    // 3x², with a history
        Variable d2y = Autograd.grad(dy.sum(), List.of(x), true).get(0); // 6x

        double[] values = points.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            assertThat(dy.value().get(i)).isCloseTo(3 * values[i] * values[i], within(1e-12));
            assertThat(d2y.value().get(i)).isCloseTo(6 * values[i], within(1e-12));
        }
        // and once more: d³(x³)/dx³ = 6
        Variable d3y = Autograd.grad(d2y.sum(), List.of(x), false).get(0);
        assertThat(d3y.value()).isEqualTo(Tensor.full(points.shape(), 6.0));
    }

    @Test
    void secondDerivativeOfCubeWrittenAsProductsIsSixX() {
        Variable x = Variable.requiringGrad(2.5);
        Variable dy = Autograd.grad(x.mul(x).mul(x), List.of(x), true).get(0);
        Variable d2y = Autograd.grad(dy, List.of(x), false).get(0);
        assertThat(dy.item()).isCloseTo(3 * 2.5 * 2.5, within(1e-12));
        assertThat(d2y.item()).isCloseTo(6 * 2.5, within(1e-12));
    }

    @Test
    void secondDerivativeOfTanhIsMinusTwoTanhTimesOneMinusTanhSquared() {
        double at = 0.7;
        Variable x = Variable.requiringGrad(at);
        Variable dy = Autograd.grad(x.tanh(), List.of(x), true).get(0);
        Variable d2y = Autograd.grad(dy, List.of(x), false).get(0);
        double t = Math.tanh(at);
        assertThat(d2y.item()).isCloseTo(-2 * t * (1 - t * t), within(1e-12));
    }

    @Test
    void secondDerivativesOfSinAndCosAreMinusSinAndMinusCos() {
        double at = 0.9;
        Variable x = Variable.requiringGrad(at);
        Variable dSin = Autograd.grad(x.sin(), List.of(x), true).get(0);
        Variable dCos = Autograd.grad(x.cos(), List.of(x), true).get(0);
        assertThat(dSin.item()).isCloseTo(Math.cos(at), within(1e-15));
        assertThat(dCos.item()).isCloseTo(-Math.sin(at), within(1e-15));
        assertThat(Autograd.grad(dSin, List.of(x), false).get(0).item()).isCloseTo(-Math.sin(at), within(1e-15));
        assertThat(Autograd.grad(dCos, List.of(x), false).get(0).item()).isCloseTo(-Math.cos(at), within(1e-15));
    }
}
