package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import gradschool.autograd.AnomalyMode.AnomalyException;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** AnomalyMode: the first NaN or infinity names the op, the phase and the user's source line. */
class AnomalyModeTest {

    /** The line number of the caller, to compare with what anomaly mode reports. */
    private static int callerLine() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    @Test
    void offByDefault() {
        assertThat(AnomalyMode.isEnabled()).isFalse();
        Variable zero = Variable.requiringGrad(0.0);

        assertThat(zero.log().item()).isEqualTo(Double.NEGATIVE_INFINITY); // no exception
    }

    @Test
    void logOfZeroInForwardNamesTheOpThePhaseAndThisLine() {
        Variable zero = Variable.requiringGrad(Tensor.of(new double[] {1.0, 0.0}));
        AnomalyException error;
        int line;
        try (var detect = AnomalyMode.on()) {
            line = callerLine(); error = catchThrowableOfType(AnomalyException.class, () -> zero.log());
        }

        assertThat(error).isNotNull();
        assertThat(error.phase()).isEqualTo("forward");
        assertThat(error.function().name()).isEqualTo("Log");
        assertThat(error.getMessage())
                .contains("Log")
                .contains("-Infinity")
                .contains("forward")
                .contains("AnomalyModeTest.java:" + line);
        assertThat(AnomalyMode.isEnabled()).isFalse();
    }

    @Test
    void anInfiniteGradientInBackwardNamesTheOpThePhaseAndWhereTheOpWasApplied() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {4.0, 0.0}));
        AnomalyException error;
        int line;
        try (var detect = AnomalyMode.on()) {
            line = callerLine(); Variable root = x.sqrt(); // √0 = 0 is fine; its gradient 1/(2√0) is not
            Variable loss = root.sum();
            error = catchThrowableOfType(AnomalyException.class, loss::backward);
        }

        assertThat(error).isNotNull();
        assertThat(error.phase()).isEqualTo("backward");
        assertThat(error.function().name()).isEqualTo("Sqrt");
        assertThat(error.getMessage())
                .contains("Sqrt")
                .contains("Infinity")
                .contains("backward")
                .contains("AnomalyModeTest.java:" + line);
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
