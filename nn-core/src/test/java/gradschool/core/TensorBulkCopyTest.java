package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorBulkCopyTest {

    @Test
    void copyIntoWritesRowMajorOrderForContiguousAndStridedTensors() {
        Tensor t = Tensor.arange(6).reshape(2, 3);
        double[] target = new double[7];
        t.copyInto(target);
        assertThat(target).containsExactly(0, 1, 2, 3, 4, 5, 0);
        t.transpose().copyInto(target);
        assertThat(target).startsWith(0, 3, 1, 4, 2, 5);
        Tensor.zeros(3, 0).select(0, 2).copyInto(new double[0]);
    }

    @Test
    void copyFromOverwritesInPlaceIncludingThroughAView() {
        Tensor t = Tensor.zeros(2, 3);
        t.copyFrom(new double[] {1, 2, 3, 4, 5, 6, 99});
        assertThat(t).isEqualTo(Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        t.transpose().copyFrom(new double[] {10, 40, 20, 50, 30, 60});
        assertThat(t).isEqualTo(Tensor.of(new double[][] {{10, 20, 30}, {40, 50, 60}}));
        t.slice(1, 0, 3, 2).copyFrom(new double[] {-1, -2, -3, -4});
        assertThat(t).isEqualTo(Tensor.of(new double[][] {{-1, 20, -2}, {-3, 50, -4}}));
    }

    @Test
    void shortArraysAreRejectedWithTheShape() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).copyInto(new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("copyInto").hasMessageContaining("(2, 3)");
        assertThatThrownBy(() -> Tensor.zeros(2, 3).copyFrom(new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("copyFrom").hasMessageContaining("(2, 3)");
    }
}
