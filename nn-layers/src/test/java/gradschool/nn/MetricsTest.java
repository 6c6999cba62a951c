package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private final Tensor outputs = Tensor.of(new double[][] {{2, 1, 0}, {0, 3, 1}, {1, 0, 5}, {4, 0, 1}});
    private final Tensor labels = Tensor.of(new double[] {0, 1, 1, 2});

    @Test
    void accuracyCountsArgmaxMatches() {
        assertThat(Metrics.predictions(outputs)).isEqualTo(Tensor.of(new double[] {0, 1, 2, 0}));
        assertThat(Metrics.correctCount(outputs, labels)).isEqualTo(2);
        assertThat(Metrics.accuracy(outputs, labels)).isEqualTo(0.5);
    }

    @Test
    void confusionMatrixCountsPairs() {
        ConfusionMatrix matrix = ConfusionMatrix.of(Metrics.predictions(outputs), labels, 3, List.of("a", "b", "c"));
        assertThat(matrix.count(0, 0)).isEqualTo(1);
        assertThat(matrix.count(1, 1)).isEqualTo(1);
        assertThat(matrix.count(1, 2)).isEqualTo(1);
        assertThat(matrix.count(2, 0)).isEqualTo(1);
        assertThat(matrix.accuracy()).isEqualTo(0.5);
        assertThat(matrix.toString()).contains("true\\pred").contains("     a      b      c");
        assertThatThrownBy(() -> ConfusionMatrix.of(Tensor.of(new double[] {3}), Tensor.of(new double[] {0}), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prediction 3.0 of sample 0");
    }
}
