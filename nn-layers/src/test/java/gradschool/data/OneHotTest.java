package gradschool.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

class OneHotTest {

    @Test
    void encodesEachLabelAsARowWithASingleOne() {
        Tensor encoded = OneHot.encode(Tensor.of(new double[] {2, 0, 1}), 3);

        assertThat(encoded).isEqualTo(Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}));
    }

    @Test
    void decodeIsTheArgmaxOfEachRow() {
        Tensor scores = Tensor.of(new double[][] {{0.1, 0.7, 0.2}, {3, -1, 0}});

        assertThat(OneHot.decode(scores).toDoubleArray()).containsExactly(1, 0);
        assertThat(OneHot.decode(OneHot.encode(Tensor.of(new double[] {4, 0, 9}), 10)).toDoubleArray())
                .containsExactly(4, 0, 9);
    }

    @Test
    void labelOutOfRangeNamesTheLabelAndItsIndex() {
        assertThatThrownBy(() -> OneHot.encode(Tensor.of(new double[] {0, 9, 10}), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 10.0 at index 2 is not a class index in 0..9");
        assertThatThrownBy(() -> OneHot.encode(Tensor.of(new double[] {-1}), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label -1.0 at index 0");
        assertThatThrownBy(() -> OneHot.encode(Tensor.of(new double[] {1.5}), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 1.5 at index 0");
    }

    @Test
    void badShapesAndClassCountsAreRejected() {
        assertThatThrownBy(() -> OneHot.encode(Tensor.zeros(2, 2), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels must have shape (n,), got (2, 2)");
        assertThatThrownBy(() -> OneHot.encode(Tensor.zeros(2), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classes must be >= 1, got 0");
    }
}
