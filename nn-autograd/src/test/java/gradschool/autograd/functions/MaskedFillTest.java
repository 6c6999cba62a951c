package gradschool.autograd.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** Variable.maskedFill: PyTorch's masked_fill, as Where with a constant. */
class MaskedFillTest {

    @Test
    void fillsWhereTheMaskIsNonZeroBroadcastingTheMaskToTheInput() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}));
        Tensor upper = Tensor.of(new double[][] {{0, 1}, {0, 0}});     // above the diagonal
        Variable y = x.maskedFill(upper, Double.NEGATIVE_INFINITY);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 2, 2));
        assertThat(y.value().toDoubleArray()).containsExactly(1, Double.NEGATIVE_INFINITY, 3, 4,
                5, Double.NEGATIVE_INFINITY, 7, 8);
        assertThat(x.maskedFill(Tensor.of(new double[] {2, 0}), 0.5).value().toDoubleArray())
                .containsExactly(0.5, 2, 0.5, 4, 0.5, 6, 0.5, 8);            // any non-zero counts as true
    }

    @Test
    void theGradientIsZeroAtTheFilledPositionsAndPassesThroughElsewhere() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[][] {{1, 2}, {3, 4}}));
        Tensor upper = Tensor.of(new double[][] {{0, 1}, {0, 0}});
        // the causal pattern: −∞ then softmax gives exact zeros above the diagonal, and a finite gradient
        Variable weights = x.maskedFill(upper, Double.NEGATIVE_INFINITY).softmax(1);
        assertThat(weights.value().get(0, 1)).isEqualTo(0.0);
        assertThat(weights.value().get(0, 0)).isEqualTo(1.0);
        x.maskedFill(upper, 7).mul(Variable.constant(Tensor.of(new double[][] {{10, 20}, {30, 40}}))).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(10, 0, 30, 40);
    }

    @Test
    void aMaskThatDoesNotBroadcastToTheInputIsRejected() {
        Variable x = Variable.of(Tensor.zeros(2, 3));
        assertThatThrownBy(() -> x.maskedFill(Tensor.zeros(3, 3), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maskedFill: the mask of shape (3, 3) must broadcast to the input's shape (2, 3)");
        assertThatThrownBy(() -> x.maskedFill(Tensor.zeros(2, 2, 3), 0))   // would enlarge the result
                .hasMessageContaining("must broadcast to the input's shape (2, 3)");
    }
}
