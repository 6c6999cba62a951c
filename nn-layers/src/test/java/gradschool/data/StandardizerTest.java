package gradschool.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

class StandardizerTest {

    private static final Tensor TRAIN = Tensor.of(new double[][] {{1, 10, 0.1}, {2, 20, 0.1}, {3, 60, 0.1}});

    @Test
    void learnsPopulationMeanAndStd() {
        Standardizer scaler = Standardizer.fit(TRAIN);

        assertThat(scaler.mean().toDoubleArray()).containsExactly(new double[] {2, 30, 0.1}, within(1e-12));
        assertThat(scaler.std().get(0)).isCloseTo(Math.sqrt(2.0 / 3.0), within(1e-12)); // ddof = 0
        assertThat(scaler.std().get(1)).isCloseTo(Math.sqrt(1400.0 / 3.0), within(1e-12));
    }

    @Test
    void trainingDataGetsZeroMeanAndUnitStd() {
        Tensor scaled = Standardizer.fit(TRAIN).transform(TRAIN);

        assertThat(scaled.mean(0, false).toDoubleArray()).containsExactly(new double[] {0, 0, 0}, within(1e-12));
        assertThat(scaled.std(0, false).get(0)).isCloseTo(1, within(1e-12));
        assertThat(scaled.std(0, false).get(1)).isCloseTo(1, within(1e-12));
    }

    @Test
    void aConstantFeatureIsCentredButNotScaled() {
        // 0.1 three times: its computed std may be a rounding error away from 0
        Standardizer scaler = Standardizer.fit(TRAIN);
        Tensor test = Tensor.of(new double[][] {{2, 30, 0.6}});

        assertThat(scaler.scale().get(2)).isEqualTo(1.0);
        for (double centred : scaler.transform(TRAIN).select(1, 2).toDoubleArray()) {
            assertThat(centred).isCloseTo(0.0, within(1e-15)); // not NaN, as 0/0 would give
        }
        assertThat(scaler.transform(test).get(0, 2)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void testDataUsesTheTrainingStatistics() {
        Standardizer scaler = Standardizer.fit(TRAIN);

        Tensor scaled = scaler.transform(Tensor.of(new double[][] {{2 + Math.sqrt(2.0 / 3.0), 30, 0.1}}));

        assertThat(scaled.get(0, 0)).isCloseTo(1.0, within(1e-12));
        assertThat(scaled.get(0, 1)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void inverseTransformUndoesTransform() {
        Standardizer scaler = Standardizer.fit(TRAIN);

        assertThat(scaler.inverseTransform(scaler.transform(TRAIN)).allClose(TRAIN, 0, 1e-12)).isTrue();
    }

    @Test
    void transformsLabeledDataKeepingLabels() {
        LabeledData xor = Synthetic.xor();

        LabeledData scaled = Standardizer.fit(xor).transform(xor);

        assertThat(scaled.labels()).isEqualTo(xor.labels());
        assertThat(scaled.features().toDoubleArray()).containsOnly(-1.0, 1.0);
    }

    @Test
    void wrongShapesAreRejected() {
        Standardizer scaler = Standardizer.fit(TRAIN);

        assertThatThrownBy(() -> scaler.transform(Tensor.zeros(2, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected features of shape (m, 3), got (2, 4)");
        assertThatThrownBy(() -> Standardizer.fit(Tensor.zeros(0, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n >= 1");
    }
}
