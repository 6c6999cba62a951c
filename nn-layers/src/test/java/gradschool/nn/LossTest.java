package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** The {@link Loss} contract and {@link Reduction}. */
class LossTest {

    @Test
    void reductionsOfFourLosses() {
        Variable losses = Variable.of(Tensor.of(new double[] {1, 2, 3, 6}));
        assertThat(Reduction.MEAN.reduce(losses).item()).isCloseTo(3.0, within(1e-12));
        assertThat(Reduction.SUM.reduce(losses).item()).isCloseTo(12.0, within(1e-12));
        assertThat(Reduction.NONE.reduce(losses)).isSameAs(losses);
    }

    @Test
    void tensorTargetIsTheSameAsAVariableTargetWithoutGradient() {
        Tensor p = Tensor.of(new double[] {0.5, -1});
        Tensor t = Tensor.of(new double[] {1, 1});
        assertThat(new MSELoss().forward(Variable.of(p), t).item())
                .isEqualTo(new MSELoss().forward(Variable.of(p), Variable.of(t)).item());
    }

    @Test
    void defaultReductions() {
        assertThat(new MSELoss().reduction()).isEqualTo(Reduction.MEAN);
        assertThat(new L1Loss().reduction()).isEqualTo(Reduction.MEAN);
        assertThat(new BCELoss().reduction()).isEqualTo(Reduction.MEAN);
        assertThat(new BCEWithLogitsLoss().reduction()).isEqualTo(Reduction.MEAN);
        assertThat(new CrossEntropyLoss().reduction()).isEqualTo(Reduction.MEAN);
        assertThat(new NLLLoss().reduction()).isEqualTo(Reduction.MEAN);
        assertThat(new HingeLoss().reduction()).isEqualTo(Reduction.MEAN);
        // the seed notebook's single-output loss: a sum, so ½(a - p)² is not divided by anything
        assertThat(new HalfSquaredErrorLoss().reduction()).isEqualTo(Reduction.SUM);
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThatThrownBy(() -> new MSELoss(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MSELoss().forward(null, Tensor.of(1.0))).isInstanceOf(NullPointerException.class);
    }
}
