package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** {@link FlattenConsecutive}, the makemore lectures' layer. */
class FlattenConsecutiveTest {

    /** (B=2, T=4, C=3) holding 0..23 in row-major order. */
    private static final Tensor X = Tensor.arange(24).reshape(2, 4, 3);

    @Test
    void joinsPairsOfConsecutivePositions() {
        Tensor y = new FlattenConsecutive(2).forward(X).value();

        assertThat(y.shape()).isEqualTo(Shape.of(2, 2, 6));
        // y[b, t, k·C + c] = x[b, 2t + k, c]: new position 1 of sequence 0 is old positions 2 and 3
        assertThat(y.select(0, 0).select(0, 1)).isEqualTo(Tensor.of(new double[] {6, 7, 8, 9, 10, 11}));
        assertThat(y.get(1, 0, 4)).isEqualTo(X.get(1, 1, 1));
    }

    @Test
    void whenOnePositionIsLeftTheTimeDimensionIsSqueezedAway() {
        assertThat(new FlattenConsecutive(4).forward(X).shape()).isEqualTo(Shape.of(2, 12));
        // the WaveNet's three layers: (B, 8, 10) → (B, 4, 20) → (B, 2, 40) → (B, 80)
        Variable h = Variable.of(Tensor.zeros(5, 8, 10));
        h = new FlattenConsecutive(2).forward(h);
        assertThat(h.shape()).isEqualTo(Shape.of(5, 4, 20));
        h = new FlattenConsecutive(2).forward(h);
        assertThat(h.shape()).isEqualTo(Shape.of(5, 2, 40));
        h = new FlattenConsecutive(2).forward(h);
        assertThat(h.shape()).isEqualTo(Shape.of(5, 80));
    }

    @Test
    void nOfOneOnlyReshapesWhenTIsOne() {
        assertThat(new FlattenConsecutive(1).forward(X).value()).isEqualTo(X);
        assertThat(new FlattenConsecutive(1).forward(Tensor.zeros(2, 1, 3)).shape()).isEqualTo(Shape.of(2, 3));
    }

    @Test
    void worksOnNonContiguousInputAndItsGradientIsTheReshapeBack() {
        Tensor view = Tensor.randn(Shape.of(2, 3, 4), 3).transpose(1, 2);   // (2, 4, 3), not contiguous
        assertThat(new FlattenConsecutive(2).forward(view).value()).isEqualTo(view.contiguous().reshape(2, 2, 6));
        GradCheck.check(xs -> new FlattenConsecutive(2).forward(xs.get(0)), view).assertPassed();
    }

    @Test
    void tNotAMultipleOfNIsRefused() {
        assertThatThrownBy(() -> new FlattenConsecutive(3).forward(X))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("FlattenConsecutive(3): T = 4")
                .hasMessageContaining("(2, 4, 3)")
                .hasMessageContaining("not a multiple of n = 3");
    }

    @Test
    void otherRanksAndBadNAreRefused() {
        assertThatThrownBy(() -> new FlattenConsecutive(2).forward(Tensor.zeros(4, 6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FlattenConsecutive(2): expected input of shape (B, T, C), got (4, 6)");
        assertThatThrownBy(() -> new FlattenConsecutive(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n must be at least 1, got 0");
    }

    @Test
    void printsN() {
        assertThat(new FlattenConsecutive(2).toString()).startsWith("FlattenConsecutive(n=2)");
    }
}
