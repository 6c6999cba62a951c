package gradschool.nn;

import static gradschool.nn.NormalizationAssertions.assertParameterGradientsMatchCentralDifferences;
import static gradschool.nn.NormalizationAssertions.assertValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Embedding: lookup by indices of any shape, gradients into repeated rows, and named errors. */
class EmbeddingTest {

    private static final Tensor TABLE = Tensor.of(new double[][] {{0, 0.5}, {1, 1.5}, {2, 2.5}});

    @Test
    void looksUpRowsForIndicesOfAnyShape() {
        Embedding embedding = Embedding.of(TABLE);
        Variable y = embedding.forward(Tensor.of(new double[][] {{2, 0, 1}, {1, 1, 0}}));
        assertThat(y.shape()).isEqualTo(Shape.of(2, 3, 2));
        assertValues(y.value(), 2, 2.5, 0, 0.5, 1, 1.5, 1, 1.5, 1, 1.5, 0, 0.5);
        assertThat(embedding.forward(Tensor.of(2.0)).value()).isEqualTo(Tensor.of(new double[] {2, 2.5}));
        assertThat(embedding.forward(new int[] {2, 0, 1, 1, 1, 0}, 2, 3).value()).isEqualTo(y.value());
        assertThat(embedding.forward(new int[] {1, 2}).shape()).isEqualTo(Shape.of(2, 2));
    }

    @Test
    void aRowUsedSeveralTimesReceivesTheSumOfTheirGradientsAndAnUnusedRowZeros() {
        Embedding embedding = Embedding.of(TABLE);
        Tensor seed = Tensor.of(new double[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}});
        embedding.forward(new int[] {1, 0, 1, 1}, 2, 2).mul(Variable.constant(seed)).sum().backward();
        // row 0 is read at position [0, 1]; row 1 at [0, 0], [1, 0] and [1, 1]; row 2 never
        assertValues(embedding.weight().grad(), 3, 4, 1 + 5 + 7, 2 + 6 + 8, 0, 0);
    }

    @Test
    void weightGradientMatchesCentralDifferences() {
        Embedding embedding = new Embedding(4, 3, new Random(1));
        Tensor indices = Tensor.of(new double[][] {{3, 3, 0}, {1, 3, 0}});
        assertParameterGradientsMatchCentralDifferences(embedding, indices, Tensor.randn(Shape.of(2, 3, 3), 2));
    }

    @Test
    void initialisesFromTheStandardNormalLikePyTorch() {
        Embedding embedding = new Embedding(200, 50, new Random(3));
        Tensor w = embedding.weight().value();
        assertThat(w.shape()).isEqualTo(Shape.of(200, 50));
        assertThat(w.mean().item()).isCloseTo(0, within(0.02));    // 10,000 draws: σ of the mean is 0.01
        assertThat(w.std().item()).isCloseTo(1, within(0.02));
        assertThat(new Embedding(5, 2, new Random(4)).weight().value())
                .isEqualTo(new Embedding(5, 2, new Random(4)).weight().value());
    }

    @Test
    void anIndexOutOfRangeOrNotWholeIsNamedWithItsPosition() {
        Embedding embedding = Embedding.of(TABLE);
        assertThatThrownBy(() -> embedding.forward(Tensor.of(new double[][] {{0, 1}, {3, 0}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Embedding(3, 2): index 3.0 at position [1, 0] of the indices of shape (2, 2) is not a row; "
                        + "indices must be whole numbers in 0..2");
        assertThatThrownBy(() -> embedding.forward(Tensor.of(new double[] {0, 1.5})))
                .hasMessageContaining("index 1.5 at position [1]");
        assertThatThrownBy(() -> embedding.forward(Tensor.of(new double[] {-1})))
                .hasMessageContaining("index -1.0 at position [0]");
        assertThatThrownBy(() -> embedding.forward(new int[] {0, 1, 2, -1}, 2, 2))
                .hasMessage("Embedding(3, 2): index -1 at position [1, 1] of the indices of shape (2, 2) is not a row; "
                        + "indices must be in 0..2");
        assertThatThrownBy(() -> embedding.forward(new int[] {0, 1, 2}, 2, 2))
                .hasMessage("Embedding(3, 2): 3 indices do not fill the shape (2, 2)");
        assertThatThrownBy(() -> new Embedding(0, 2)).hasMessageContaining("must be positive");
    }

    @Test
    void printsItsSizes() {
        assertThat(new Embedding(27, 10).toString()).startsWith("Embedding(27, 10)   weight (27, 10)   270\n");
    }
}
