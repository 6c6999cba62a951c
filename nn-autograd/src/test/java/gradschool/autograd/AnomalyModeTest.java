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
