package gradschool.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabeledDataTest {

    private static final Tensor FEATURES = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    private static final Tensor LABELS = Tensor.of(new double[] {1, 0, 1});

    @Test
    void describesItself() {
        LabeledData data = new LabeledData(FEATURES, LABELS, List.of("cat", "dog"));

        assertThat(data.size()).isEqualTo(3);
        assertThat(data.featureCount()).isEqualTo(2);
        assertThat(data.classCount()).isEqualTo(2);
        assertThat(data.classCounts()).containsExactly(1, 2);
        assertThat(data).hasToString("LabeledData(n=3, features=(3, 2), classes=[cat, dog])");
    }

    @Test
    void subsetPicksRowsInTheGivenOrder() {
        LabeledData data = new LabeledData(FEATURES, LABELS, List.of("cat", "dog"));

        LabeledData subset = data.subset(new int[] {2, 1});

        assertThat(subset.features()).isEqualTo(Tensor.of(new double[][] {{5, 6}, {3, 4}}));
        assertThat(subset.labels().toDoubleArray()).containsExactly(1, 0);
        assertThat(subset.classNames()).containsExactly("cat", "dog");
        assertThatThrownBy(() -> data.subset(new int[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 3 at position 0 is outside 0..2");
    }

    @Test
    void shapesMustFitTogether() {
        assertThatThrownBy(() -> new LabeledData(Tensor.of(new double[] {1, 2}), LABELS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("features must have shape (n, d), got (2,)");
        assertThatThrownBy(() -> new LabeledData(FEATURES, Tensor.zeros(3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels must have shape (n,), got (3, 1)");
        assertThatThrownBy(() -> new LabeledData(FEATURES, Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("have 3 rows but labels (2,) have 2");
    }

    @Test
    void labelsMustBeClassIndicesWhenClassesAreNamed() {
        assertThatThrownBy(() -> new LabeledData(FEATURES, Tensor.of(new double[] {0, 2, 1}), List.of("cat", "dog")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 2.0 of example 1 is not a class index 0..1");
    }

    @Test
    void regressionDataHasNoClassCounts() {
        LabeledData data = new LabeledData(FEATURES, Tensor.of(new double[] {0.5, -2, 7.25}));

        assertThat(data.classNames()).isEmpty();
        assertThatThrownBy(data::classCounts).isInstanceOf(IllegalStateException.class);
    }
}
