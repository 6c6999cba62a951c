package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Examples for {@link Shape}: sizes, axes, strides and numpy's broadcasting rule. */
class ShapeTest {

    @Test
    void rankSizeAndDimensions() {
        Shape shape = Shape.of(2, 3, 4);
        assertThat(shape.rank()).isEqualTo(3);
        assertThat(shape.size()).isEqualTo(24);
        assertThat(shape.dim(0)).isEqualTo(2);
        assertThat(shape.dim(2)).isEqualTo(4);
        assertThat(shape.dim(-1)).isEqualTo(4);
        assertThat(shape.dim(-3)).isEqualTo(2);
        assertThat(shape.toArray()).containsExactly(2, 3, 4);
    }

    @Test
    void scalarShapeHasRankZeroAndSizeOne() {
        assertThat(Shape.scalar().rank()).isZero();
        assertThat(Shape.scalar().size()).isEqualTo(1);
        assertThat(Shape.of()).isEqualTo(Shape.scalar());
        assertThat(Shape.scalar().toArray()).isEmpty();
    }

    @Test
    void aZeroDimensionMakesAnEmptyShape() {
        assertThat(Shape.of(3, 0, 2).size()).isZero();
        assertThat(Shape.of(0).size()).isZero();
    }

    @Test
    void shapesAreImmutable() {
        int[] dims = {2, 3};
        Shape shape = Shape.of(dims);
        dims[0] = 7;
        shape.toArray()[1] = 9;
        assertThat(shape).isEqualTo(Shape.of(2, 3));
    }

    @Test
    void normalizeAxisCountsNegativeAxesFromTheEnd() {
        Shape shape = Shape.of(5, 6, 7);
        assertThat(shape.normalizeAxis(-1)).isEqualTo(2);
        assertThat(shape.normalizeAxis(-3)).isZero();
        assertThat(shape.normalizeAxis(1)).isEqualTo(1);
        assertThatThrownBy(() -> shape.normalizeAxis(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("axis 3").hasMessageContaining("(5, 6, 7)");
        assertThatThrownBy(() -> shape.normalizeAxis(-4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("axis -4");
        assertThatThrownBy(() -> Shape.scalar().dim(0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("()");
    }

    @Test
    void contiguousStridesAreRowMajor() {
        assertThat(Shape.of(2, 3, 4).contiguousStrides()).containsExactly(12, 4, 1);
        assertThat(Shape.of(5).contiguousStrides()).containsExactly(1);
        assertThat(Shape.scalar().contiguousStrides()).isEmpty();
    }

    @Test
    void broadcastFollowsNumpyExamples() {
        assertThat(Shape.broadcast(Shape.of(2, 3), Shape.of(3))).isEqualTo(Shape.of(2, 3));
        assertThat(Shape.broadcast(Shape.of(2, 1, 4), Shape.of(3, 1))).isEqualTo(Shape.of(2, 3, 4));
        assertThat(Shape.broadcast(Shape.of(8, 1, 6, 1), Shape.of(7, 1, 5))).isEqualTo(Shape.of(8, 7, 6, 5));
        assertThat(Shape.broadcast(Shape.scalar(), Shape.of(4, 2))).isEqualTo(Shape.of(4, 2));
        assertThat(Shape.broadcast(Shape.of(1), Shape.of(0))).isEqualTo(Shape.of(0));
        assertThat(Shape.broadcast(Shape.of(3, 1), Shape.of(1, 0))).isEqualTo(Shape.of(3, 0));
        assertThat(Shape.broadcast(Shape.scalar(), Shape.scalar())).isEqualTo(Shape.scalar());
    }

    @Test
    void broadcastFailureNamesBothShapesAndTheDimension() {
        assertThatThrownBy(() -> Shape.broadcast(Shape.of(2, 3), Shape.of(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3)").hasMessageContaining("(4,)")
                .hasMessageContaining("dimension -1 has sizes 3 and 4");
        assertThatThrownBy(() -> Shape.broadcast(Shape.of(2), Shape.of(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void broadcastsToIsOneSided() {
        assertThat(Shape.of(3).broadcastsTo(Shape.of(2, 3))).isTrue();
        assertThat(Shape.of(1, 3).broadcastsTo(Shape.of(4, 3))).isTrue();
        assertThat(Shape.scalar().broadcastsTo(Shape.of(4, 3))).isTrue();
        assertThat(Shape.of(2, 3).broadcastsTo(Shape.of(3))).isFalse();
        assertThat(Shape.of(4, 3).broadcastsTo(Shape.of(1, 3))).isFalse();
        assertThat(Shape.of(2).broadcastsTo(Shape.of(3))).isFalse();
        assertThat(Shape.of(1).broadcastsTo(Shape.of(0))).isTrue();
    }

    @Test
    void equalsAndHashCodeCompareDimensions() {
        assertThat(Shape.of(2, 3)).isEqualTo(Shape.of(2, 3)).hasSameHashCodeAs(Shape.of(2, 3));
        assertThat(Shape.of(2, 3)).isNotEqualTo(Shape.of(3, 2));
        assertThat(Shape.of(6)).isNotEqualTo(Shape.of(6, 1));
        assertThat(Shape.of(1)).isNotEqualTo(Shape.scalar());
        assertThat(Shape.of(2)).isNotEqualTo("(2,)");
    }

    @Test
    void toStringPrintsLikeNumpy() {
        assertThat(Shape.of(2, 3)).hasToString("(2, 3)");
        assertThat(Shape.of(3)).hasToString("(3,)");
        assertThat(Shape.scalar()).hasToString("()");
    }

    @Test
    void invalidShapesAreRejectedWithTheirDimensions() {
        assertThatThrownBy(() -> Shape.of(2, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension 1 is negative (-1)").hasMessageContaining("(2, -1)");
        assertThatThrownBy(() -> Shape.of(1 << 16, 1 << 16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(65536, 65536)").hasMessageContaining("is 4294967296, but must be at most");
    }

    @Test
    void aZeroSizeShapeFollowsTheSameSizeRuleWhateverItsOrder() {
        int max = Integer.MAX_VALUE;
        // Before: (max, max, 0) was rejected but (0, max, max) accepted, with strides that overflowed.
        for (int[] dims : new int[][] {{max, max, 0}, {0, max, max}, {max, 0, max}}) {
            assertThatThrownBy(() -> Shape.of(dims)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("shape " + Shape.format(dims) + " is too large: the product of its non-zero"
                            + " dimensions is 4611686014132420609, but must be at most 2147483647 (so that"
                            + " its element count and strides fit in an int)");
        }
        assertThatThrownBy(() -> Shape.of(0, 1 << 16, 1 << 15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is 2147483648");
        assertThat(Shape.of(0, max).size()).isZero();
        assertThat(Shape.of(0, max).contiguousStrides()).containsExactly(max, 1);
        assertThat(Shape.of(max, 0).contiguousStrides()).containsExactly(1, 1);
        assertThat(Shape.of(max, 1).size()).isEqualTo(max);
    }

    @Test
    void aProductBeyondALongIsStillRejected() {
        int[] dims = new int[5];
        Arrays.fill(dims, Integer.MAX_VALUE);
        assertThatThrownBy(() -> Shape.of(dims)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is at least 9223372036854775807");
    }
}
