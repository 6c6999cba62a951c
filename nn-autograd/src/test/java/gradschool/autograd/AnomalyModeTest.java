package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.autograd.AnomalyMode.AnomalyException;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * AnomalyMode: the first NaN or infinity names the op and the phase. (That it names the user's source line
 * is tested from user code, in {@code gradschool.studentcode.AnomalyModeInUserCodeTest}.)
 */
class AnomalyModeTest {

    @Test
    void offByDefault() {
        assertThat(AnomalyMode.isEnabled()).isFalse();
        Variable zero = Variable.requiringGrad(0.0);

        assertThat(zero.log().item()).isEqualTo(Double.NEGATIVE_INFINITY); // no exception
    }

    @Test
    void aNaNGradientInBackwardIsCaughtToo() {
        Variable x = Variable.requiringGrad(0.0);
        try (var detect = AnomalyMode.on()) {
            Variable y = x.sqrt().mul(0.0); // dL/d√x = 0, then 0/(2·0) = NaN
            assertThatThrownBy(y::backward)
                    .isInstanceOf(AnomalyException.class)
                    .hasMessageContaining("Sqrt produced NaN in backward");
        }
    }

    @Test
    void gradientsThatOverflowWhenAddedUpAreCaughtWhereTheyAreAdded() {
        Variable x = Variable.requiringGrad(1e-10);
        try (var detect = AnomalyMode.on()) {
            Variable y = x.mul(1e308).add(x.mul(1e308)); // y = 2e298, but each path sends 1e308 to x: the sum is infinite
            assertThatThrownBy(y::backward)
                    .isInstanceOf(AnomalyException.class)
                    .hasMessageContaining("Add produced Infinity in forward");
        }
        Variable z = x.mul(1e308).add(x.mul(1e308));
        z.backward(); // outside anomaly mode the gradients are added without a check

        assertThat(x.grad().item()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void finiteValuesPassAndTheScopeRestoresThePreviousState() {
        Variable x = Variable.requiringGrad(4.0);
        try (var detect = AnomalyMode.on()) {
            try (var again = AnomalyMode.on()) {
                x.sqrt().log().backward();
            }
            assertThat(AnomalyMode.isEnabled()).isTrue();
        }
        assertThat(AnomalyMode.isEnabled()).isFalse();
        assertThat(x.grad().item()).isEqualTo(1.0 / (2 * 2.0) / 2.0); // d ln√x/dx = 1/(2x)
    }
}
