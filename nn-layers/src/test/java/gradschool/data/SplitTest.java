package gradschool.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTest {

    /** n examples whose single feature is the row number, labels alternating 0, 1. */
    private static LabeledData numbered(int n) {
        double[] ids = new double[n];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            labels[i] = i % 2;
        }
        return new LabeledData(Tensor.of(Shape.of(n, 1), ids), Tensor.of(labels), List.of("even", "odd"));
    }

    @Test
    void splitsIntoRoundedSizesThatTogetherHoldEveryExampleOnce() {
        Split.TrainTest parts = Split.trainTest(numbered(150), 0.2, 42);

        assertThat(parts.train().size()).isEqualTo(120);
        assertThat(parts.test().size()).isEqualTo(30);
        double[] all = Tensor.concat(List.of(parts.train().features(), parts.test().features()), 0).toDoubleArray();
        Arrays.sort(all);
        assertThat(all).containsExactly(numbered(150).features().toDoubleArray());
        assertThat(parts.test().classNames()).containsExactly("even", "odd");
        assertThat(parts).hasToString("TrainTest(train=120, test=30)");
    }

    @Test
    void labelsTravelWithTheirFeatures() {
        Split.TrainTest parts = Split.trainTest(numbered(31), 0.5, 1);

        for (LabeledData part : List.of(parts.train(), parts.test())) {
            for (int i = 0; i < part.size(); i++) {
                assertThat(part.labels().get(i)).isEqualTo(part.features().get(i, 0) % 2);
            }
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        LabeledData data = numbered(50);

        assertThat(Split.trainTest(data, 0.3, 7).test().features())
                .isEqualTo(Split.trainTest(data, 0.3, 7).test().features());
        assertThat(Split.trainTest(data, 0.3, 7).test().features())
                .isNotEqualTo(Split.trainTest(data, 0.3, 8).test().features());
    }

    @Test
    void fractionsZeroAndOneGiveAnEmptyPart() {
        assertThat(Split.trainTest(numbered(10), 0.0, 1).test().size()).isZero();
        assertThat(Split.trainTest(numbered(10), 1.0, 1).train().size()).isZero();
    }

    @Test
    void badFractionIsRejected() {
        assertThatThrownBy(() -> Split.trainTest(numbered(10), 1.5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("testFraction must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Split.trainTest(numbered(10), Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
