package gradschool.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    private final TensorDataset data = new TensorDataset(
            Tensor.arange(10).unsqueeze(1).mul(Tensor.of(new double[] {1, 10})), Tensor.arange(10));

    private static List<Double> firstColumnOfEpoch(DataLoader loader) {
        List<Double> seen = new ArrayList<>();
        for (Batch batch : loader) {
            for (int i = 0; i < batch.size(); i++) {
                seen.add(batch.targets().get(i));
                assertThat(batch.inputs().get(i, 1)).isEqualTo(10 * batch.targets().get(i)); // rows stay paired
            }
        }
        return seen;
    }

    @Test
    void inOrderWithAPartialLastBatch() {
        DataLoader loader = DataLoader.of(data).batchSize(4);
        assertThat(loader.batchCount()).isEqualTo(3);
        List<Integer> sizes = new ArrayList<>();
        loader.forEach(batch -> sizes.add(batch.size()));
        assertThat(sizes).containsExactly(4, 4, 2);
        assertThat(firstColumnOfEpoch(loader)).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
    }

    @Test
    void dropLastSkipsThePartialBatch() {
        DataLoader loader = DataLoader.of(data).batchSize(4).dropLast();
        assertThat(loader.batchCount()).isEqualTo(2);
        assertThat(firstColumnOfEpoch(loader)).hasSize(8);
    }

    @Test
    void shuffleIsSeededAndDiffersBetweenEpochs() {
        DataLoader a = DataLoader.of(data).batchSize(3).shuffle(7);
        DataLoader b = DataLoader.of(data).batchSize(3).shuffle(7);
        List<Double> a1 = firstColumnOfEpoch(a);
        List<Double> a2 = firstColumnOfEpoch(a);
        assertThat(a1).containsExactlyInAnyOrder(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
        assertThat(a2).isNotEqualTo(a1);
        assertThat(firstColumnOfEpoch(b)).isEqualTo(a1);
        assertThat(firstColumnOfEpoch(b)).isEqualTo(a2);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> DataLoader.of(data).batchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new TensorDataset(Tensor.zeros(3, 2), Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(3, 2)").hasMessageContaining("(4,)");
    }

    @Test
    void aNullDatasetFailsAtOnceWithANamedError() {
        assertThatThrownBy(() -> DataLoader.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DataLoader.of: the dataset is null");
    }

    @Test
    void describesItselfAndItsBatchSize() {
        DataLoader loader = DataLoader.of(data).batchSize(4).shuffle(1).dropLast();
        assertThat(loader.batchSize()).isEqualTo(4);
        assertThat(loader).hasToString("DataLoader(10 samples, batch size 4, shuffled, dropLast, 2 batches)");
    }
}
