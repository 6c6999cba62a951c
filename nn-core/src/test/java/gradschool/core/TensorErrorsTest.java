package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input gets an exception that says, in the user's terms, which op failed, on which shapes, and
 * why — never an {@code ArrayIndexOutOfBoundsException} from inside the library.
 */
class TensorErrorsTest {

    private static final Tensor MATRIX = Tensor.zeros(2, 3);

    /** Asserts that the call throws {@code type} whose message contains every fragment. */
    private static void assertFails(Class<? extends Throwable> type, Executable call, String... fragments) {
        assertThatThrownBy(call::execute).isInstanceOf(type).satisfies(error -> {
            for (String fragment : fragments) {
                assertThat(error.getMessage()).contains(fragment);
            }
        });
    }

    private static void assertIllegal(Executable call, String... fragments) {
        assertFails(IllegalArgumentException.class, call, fragments);
    }

    private static void assertOutOfRange(Executable call, String... fragments) {
        assertFails(IndexOutOfBoundsException.class, call, fragments);
    }

    @Test
    void matmulNamesBothShapesAndTheInnerDimensions() {
        assertIllegal(() -> MATRIX.matmul(MATRIX),
                "matmul: cannot multiply (2, 3) by (2, 3): inner dimensions 3 and 2 differ");
        assertIllegal(() -> Tensor.zeros(3).matmul(Tensor.zeros(4)),
                "matmul", "(3,)", "(4,)", "inner dimensions 3 and 4 differ");
        assertIllegal(() -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(3, 4, 5)),
                "matmul", "(2, 3, 4)", "(3, 4, 5)", "batch dimensions (2,) and (3,)");
        assertIllegal(() -> Tensor.of(2).matmul(MATRIX), "matmul", "()", "(2, 3)");
        assertIllegal(() -> Tensor.zeros(3).dot(Tensor.zeros(2)), "dot", "(3,)", "(2,)");
        assertIllegal(() -> MATRIX.dot(MATRIX), "dot", "(2, 3)");
        assertIllegal(() -> MATRIX.outer(Tensor.zeros(2)), "outer", "(2, 3)", "(2,)");
    }

    @Test
    void broadcastingFailuresNameTheOpAndBothShapes() {
        Tensor other = Tensor.zeros(4);
        assertIllegal(() -> MATRIX.add(other), "add", "(2, 3)", "(4,)");
        assertIllegal(() -> MATRIX.sub(other), "sub", "(2, 3)", "(4,)");
        assertIllegal(() -> MATRIX.mul(other), "mul", "(2, 3)", "(4,)");
        assertIllegal(() -> MATRIX.div(other), "div", "(2, 3)", "(4,)");
        assertIllegal(() -> MATRIX.pow(other), "pow", "(2, 3)", "(4,)");
        assertIllegal(() -> MATRIX.maximum(other), "maximum", "(2, 3)", "(4,)");
        assertIllegal(() -> MATRIX.lt(other), "lt", "(2, 3)", "(4,)");
        assertIllegal(() -> MATRIX.zipWith(other, Math::max), "zipWith", "(2, 3)", "(4,)");
        assertIllegal(() -> Tensor.where(MATRIX, other, MATRIX), "where", "(2, 3)", "(4,)");
        assertIllegal(() -> MATRIX.allClose(other), "allClose", "(2, 3)", "(4,)");
        assertIllegal(() -> MATRIX.broadcastTo(Shape.of(3, 2)), "broadcastTo", "(2, 3)", "(3, 2)");
        assertIllegal(() -> MATRIX.expand(4, 3), "expand", "(2, 3)", "(4, 3)");
        assertIllegal(() -> MATRIX.expand(-1, -1, 3), "expand", "(2, 3)");
        assertIllegal(() -> MATRIX.sumToShape(Shape.of(4)), "sumToShape", "(2, 3)", "(4,)");
    }

    @Test
    void inPlaceOpsNameTheShapes() {
        assertIllegal(() -> MATRIX.copyFrom(Tensor.zeros(3, 2)), "copyFrom", "(3, 2)", "(2, 3)");
        assertIllegal(() -> Tensor.zeros(3).copyFrom(MATRIX), "copyFrom", "(2, 3)", "(3,)");
        assertIllegal(() -> MATRIX.addInPlace(Tensor.zeros(2)), "addInPlace", "(2,)", "(2, 3)");
        assertIllegal(() -> MATRIX.addScaledInPlace(2, Tensor.zeros(2)), "addScaledInPlace", "(2,)", "(2, 3)");
    }

    @Test
    void indicesOutOfRangeNameTheIndexAndTheShape() {
        assertOutOfRange(() -> MATRIX.get(0, 3), "get", "index 3", "axis 1", "(2, 3)");
        assertOutOfRange(() -> MATRIX.get(-3, 0), "get", "index -3", "axis 0", "(2, 3)");
        assertOutOfRange(() -> MATRIX.setInPlace(1, 2, 0), "setInPlace", "index 2", "(2, 3)");
        assertIllegal(() -> MATRIX.get(0), "get", "[0]", "(2, 3)", "rank 2");
        assertOutOfRange(() -> MATRIX.select(0, 2), "select", "index 2", "(2, 3)");
        assertOutOfRange(() -> MATRIX.indexSelect(new int[] {0, 5}), "indexSelect", "index 5", "(2, 3)");
        assertOutOfRange(() -> MATRIX.indexSelect(new int[] {-3}), "indexSelect", "index -3", "(2, 3)");
        assertIllegal(() -> Tensor.of(1).indexSelect(new int[] {0}), "indexSelect", "scalar");
    }

    @Test
    void axesOutOfRangeNameTheOpTheAxisAndTheShape() {
        assertOutOfRange(() -> MATRIX.sum(2, false), "sum", "axis 2", "(2, 3)");
        assertOutOfRange(() -> MATRIX.max(-3, true), "max", "axis -3", "(2, 3)");
        assertOutOfRange(() -> MATRIX.softmax(5), "axis 5", "(2, 3)");
        assertOutOfRange(() -> MATRIX.select(2, 0), "select", "axis 2", "(2, 3)");
        assertOutOfRange(() -> MATRIX.slice(3, 0, 1), "slice", "axis 3", "(2, 3)");
        assertOutOfRange(() -> MATRIX.squeeze(2), "squeeze", "axis 2", "(2, 3)");
        assertOutOfRange(() -> MATRIX.transpose(0, 2), "transpose", "axis 2", "(2, 3)");
        assertOutOfRange(() -> MATRIX.unsqueeze(3), "unsqueeze", "axis 3", "(2, 3)");
        assertOutOfRange(() -> MATRIX.unsqueeze(-4), "unsqueeze", "axis -4", "(2, 3)");
        assertOutOfRange(() -> Tensor.concat(List.of(MATRIX, MATRIX), 2), "concat", "axis 2", "(2, 3)");
        assertIllegal(() -> Tensor.of(1).sum(0, false), "sum", "scalar");
    }

    @Test
    void reshapeMismatchNamesBothShapesAndSizes() {
        assertIllegal(() -> MATRIX.reshape(4), "reshape", "(2, 3)", "6 elements", "(4,)", "4 elements");
        assertIllegal(() -> MATRIX.reshape(4, -1), "reshape", "(2, 3)", "[4, -1]");
        assertIllegal(() -> MATRIX.reshape(-1, -1), "reshape", "only one dimension may be -1");
        assertIllegal(() -> MATRIX.reshape(-2, -3), "reshape", "negative");
        assertIllegal(() -> MATRIX.reshape(Shape.of(5)), "reshape", "(2, 3)", "(5,)");
    }

    @Test
    void joiningMismatchesNameTheShapes() {
        assertIllegal(() -> Tensor.concat(List.of(MATRIX, Tensor.zeros(2, 4)), 0),
                "concat", "tensor 1 has shape (2, 4)", "tensor 0 has shape (2, 3)", "axis 0");
        assertIllegal(() -> Tensor.concat(List.of(MATRIX, Tensor.zeros(3)), 0), "concat", "(3,)", "(2, 3)");
        assertIllegal(() -> Tensor.concat(List.of(), 0), "concat", "at least one");
        assertIllegal(() -> Tensor.concat(List.of(Tensor.of(1), Tensor.of(2)), 0), "concat", "scalars");
        assertIllegal(() -> Tensor.stack(List.of(MATRIX, Tensor.zeros(3, 2)), 0), "stack", "(3, 2)", "(2, 3)");
        assertIllegal(() -> Tensor.stack(List.of(), 0), "stack", "at least one");
        assertOutOfRange(() -> Tensor.stack(List.of(MATRIX, MATRIX), 3), "stack", "axis 3", "(2, 3)");
        assertOutOfRange(() -> Tensor.stack(List.of(MATRIX, MATRIX), -4), "stack", "axis -4", "(2, 3)");
        assertIllegal(() -> Tensor.hstack(MATRIX, Tensor.zeros(3, 3)), "concat", "(3, 3)", "(2, 3)");
        assertIllegal(() -> Tensor.vstack(Tensor.zeros(2), MATRIX), "concat", "(2, 3)", "(1, 2)");
    }

    @Test
    void viewErrors() {
        assertIllegal(() -> MATRIX.squeeze(1), "squeeze", "axis 1", "(2, 3)", "size 3");
        assertIllegal(() -> MATRIX.permute(0, 0), "permute", "[0, 0]", "(2, 3)");
        assertIllegal(() -> MATRIX.permute(0), "permute", "[0]", "(2, 3)", "rank 2");
        assertIllegal(() -> MATRIX.permute(0, 2), "permute", "[0, 2]");
        assertIllegal(() -> Tensor.zeros(2, 3, 4).transpose(), "transpose", "(2, 3, 4)");
        assertIllegal(() -> MATRIX.slice(0, 0, 2, 0), "slice", "step", "0");
        assertIllegal(() -> MATRIX.to1DArray(), "to1DArray", "(2, 3)");
        assertIllegal(() -> MATRIX.to3DArray(), "to3DArray", "(2, 3)");
        assertIllegal(() -> Tensor.zeros(3).to2DArray(), "to2DArray", "(3,)");
        assertIllegal(() -> MATRIX.to4DArray(), "to4DArray", "(2, 3)");
    }

    @Test
    void reductionsOfEmptyTensorsNameTheOpAndTheShape() {
        Tensor empty = Tensor.zeros(0, 3);
        assertIllegal(() -> empty.max(), "max", "empty", "(0, 3)");
        assertIllegal(() -> empty.min(), "min", "(0, 3)");
        assertIllegal(() -> empty.mean(), "mean", "(0, 3)");
        assertIllegal(() -> empty.argmax(), "argmax", "(0, 3)");
        assertIllegal(() -> empty.argmin(), "argmin", "(0, 3)");
        assertIllegal(() -> empty.variance(), "variance", "(0, 3)");
        assertIllegal(() -> empty.std(), "variance", "(0, 3)");
        assertIllegal(() -> empty.max(0, false), "max", "axis 0", "size 0", "(0, 3)");
        assertIllegal(() -> empty.mean(-2, true), "mean", "axis -2", "(0, 3)");
        // reducing along a non-empty axis of an empty tensor is fine: there are no lanes
        assertThat(empty.max(1, false).shape()).isEqualTo(Shape.of(0));
    }

    @Test
    void itemNeedsExactlyOneElement() {
        assertIllegal(MATRIX::item, "item", "(2, 3)", "6 elements");
        assertIllegal(() -> Tensor.zeros(0).item(), "item", "(0,)", "0 elements");
        assertThat(Tensor.ones(1, 1, 1).item()).isEqualTo(1.0);
    }

    @Test
    void creationErrorsNameTheBadArgument() {
        assertIllegal(() -> Tensor.of(new double[][] {{1, 2}, {3}}), "of", "row 1", "1 elements", "expected 2");
        assertIllegal(() -> Tensor.of(new double[][][] {{{1, 2}}, {{1}}}), "of", "ragged", "(1, 2)", "(1, 1)");
        assertIllegal(() -> Tensor.of(Shape.of(2, 2), new double[3]), "of", "(2, 2)", "3 elements", "expected 4");
        assertIllegal(() -> Tensor.zeros(2, -1), "(2, -1)", "negative");
        assertIllegal(() -> Tensor.arange(0, 1, 0), "arange", "step");
        assertIllegal(() -> Tensor.linspace(0, 1, -1), "linspace", "-1");
        assertIllegal(() -> Tensor.uniform(Shape.of(3), 2, 1, 1), "uniform", "high (1.0)", "low (2.0)");
        assertIllegal(() -> Tensor.randint(Shape.of(3), 5, 5, 1), "randint", "high (5)", "low (5)");
        assertIllegal(() -> Tensor.ones(3).clip(1, 0), "clip", "min (1.0)", "max (0.0)");
    }
}
