package gradschool.studentcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import gradschool.autograd.AnomalyMode;
import gradschool.autograd.AnomalyMode.AnomalyException;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** AnomalyMode seen from user code: the first NaN or infinity names the op, the phase and this file's line. */
class AnomalyModeInUserCodeTest {

    /** The line number of the caller, to compare with what anomaly mode reports. */
    private static int callerLine() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber();
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
                .contains("AnomalyModeInUserCodeTest.java:" + line);
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
                .contains("AnomalyModeInUserCodeTest.java:" + line);
    }
}
