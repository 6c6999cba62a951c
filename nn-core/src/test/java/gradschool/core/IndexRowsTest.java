package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndexRowsTest {

    @Test
    void indexAddSumsTheRowsNamedTwiceAndLeavesOthersZero() {
        Tensor rows = Tensor.of(new double[][] {{1, 2}, {10, 20}, {100, 200}});

        Tensor added = rows.indexAdd(Shape.of(4, 2), new int[] {2, 0, 2});

        assertThat(added.to2DArray()).isDeepEqualTo(new double[][] {{10, 20}, {0, 0}, {101, 202}, {0, 0}});
    }

    @Test
    void indexAddIsTheAdjointOfIndexSelect() {
        Tensor x = Tensor.randn(Shape.of(5, 3, 2), 7);
        Tensor y = Tensor.randn(Shape.of(6, 3, 2), 8);
        int[] indices = {4, 0, 4, -1, 2, 4};

        double selectThenDot = x.indexSelect(indices).mul(y).sum().item();
        double addThenDot = y.indexAdd(x.shape(), indices).mul(x).sum().item();

        assertThat(addThenDot).isCloseTo(selectThenDot, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void bothReadNonContiguousViewsAsTheirValues() {
        Tensor t = Tensor.randn(Shape.of(3, 4), 9).transpose(0, 1);   // (4, 3), not contiguous
        int[] indices = {3, 1, 1};

        assertThat(t.isContiguous()).isFalse();
        assertThat(t.indexSelect(indices)).isEqualTo(t.copy().indexSelect(indices));
        assertThat(t.indexAdd(Shape.of(5, 3), new int[] {0, 4, 0, 2}))
                .isEqualTo(t.copy().indexAdd(Shape.of(5, 3), new int[] {0, 4, 0, 2}));
    }

    @Test
    void aViewAtAnOffsetSelectsFromItsOwnRows() {
        Tensor second = Tensor.of(new double[][][] {{{1, 2}}, {{3, 4}}}).select(0, 1);   // (1, 2) at offset 2

        assertThat(second.indexSelect(new int[] {0, 0}).to2DArray()).isDeepEqualTo(new double[][] {{3, 4}, {3, 4}});
    }

    @Test
    void shapesThatDoNotFitAreNamed() {
        Tensor rows = Tensor.zeros(Shape.of(2, 3));

        assertThatThrownBy(() -> rows.indexAdd(Shape.of(4, 2), new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("indexAdd").hasMessageContaining("(2, 3)").hasMessageContaining("(4, 2)");
        assertThatThrownBy(() -> rows.indexAdd(Shape.of(4, 3), new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one index per row");
        assertThatThrownBy(() -> rows.indexAdd(Shape.of(4, 3), new int[] {0, 4}))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("index 4");
    }
}
