package gradschool.autograd.functions;

import static gradschool.autograd.VariableArbitraries.any;
import static gradschool.autograd.VariableArbitraries.shapes;
import static gradschool.autograd.VariableArbitraries.shapesBroadcastingTo;
import static gradschool.autograd.VariableArbitraries.tensors;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Gradient checks of {@link MatMul} in every case of numpy's {@code @}: vector·vector (a dot
 * product), matrix·vector, vector·matrix, matrix·matrix, and batched N-D products whose batch
 * dimensions broadcast (e.g. {@code (2, 1, m, k) @ (3, k, n) -> (2, 3, m, n)}), also with a vector on
 * either side of a batch. Operands come in random layouts — a transposed view as the right operand
 * is the seed notebook's {@code X @ W.T}.
 */
class MatMulGradientProperties {

    private static final int TRIES = 50;

    /** Two operands of compatible shapes. */
    record Operands(Tensor a, Tensor b) {
        @Override
        public String toString() {
            return "a " + a.shape() + " @ b " + b.shape();
        }
    }

    @Property(tries = TRIES)
    void vectorTimesVectorGradient(@ForAll("vectorVector") Operands p) {
        checkMatMul(p);
    }

    @Property(tries = TRIES)
    void matrixTimesVectorGradient(@ForAll("matrixVector") Operands p) {
        checkMatMul(p);
    }

    @Property(tries = TRIES)
    void vectorTimesMatrixGradient(@ForAll("vectorMatrix") Operands p) {
        checkMatMul(p);
    }

    @Property(tries = TRIES)
    void matrixTimesMatrixGradient(@ForAll("matrixMatrix") Operands p) {
        checkMatMul(p);
    }

    @Property(tries = TRIES)
    void batchedWithBroadcastBatchDimensionsGradient(@ForAll("batched") Operands p) {
        checkMatMul(p);
    }

    @Property(tries = TRIES)
    void vectorWithABatchGradient(@ForAll("vectorAndBatch") Operands p) {
        checkMatMul(p);
    }

    /** Checks both gradients, then each one alone with the other operand a constant. */
    private static void checkMatMul(Operands p) {
        GradCheck.check(xs -> xs.get(0).matmul(xs.get(1)), p.a(), p.b()).assertPassed();
        GradCheck.check(xs -> xs.get(0).matmul(Variable.of(p.b())), p.a()).assertPassed();
        GradCheck.check(xs -> Variable.of(p.a()).matmul(xs.get(0)), p.b()).assertPassed();
    }

    @Provide
    Arbitrary<Operands> vectorVector() {
        return dims(1).flatMap(k -> operands(Shape.of(k[0]), Shape.of(k[0])));
    }

    @Provide
    Arbitrary<Operands> matrixVector() {
        return dims(2).flatMap(d -> operands(Shape.of(d[0], d[1]), Shape.of(d[1])));
    }

    @Provide
    Arbitrary<Operands> vectorMatrix() {
        return dims(2).flatMap(d -> operands(Shape.of(d[0]), Shape.of(d[0], d[1])));
    }

    @Provide
    Arbitrary<Operands> matrixMatrix() {
        return dims(3).flatMap(d -> operands(Shape.of(d[0], d[1]), Shape.of(d[1], d[2])));
    }

    /** A batch shape of rank 1–2; each operand's batch dimensions broadcast to it. */
    @Provide
    Arbitrary<Operands> batched() {
        return Combinators.combine(shapes(1, 2, 1, 3), dims(3)).flatAs((batch, d) ->
                Combinators.combine(shapesBroadcastingTo(batch), shapesBroadcastingTo(batch)).flatAs(
                        (batchA, batchB) -> operands(append(batchA, d[0], d[1]), append(batchB, d[1], d[2]))));
    }

    /** {@code (k) @ (batch, k, n)} or {@code (batch, m, k) @ (k)}. */
    @Provide
    Arbitrary<Operands> vectorAndBatch() {
        return Combinators.combine(shapes(1, 2, 1, 3), dims(2), Arbitraries.of(true, false))
                .flatAs((batch, d, vectorFirst) -> vectorFirst
                        ? operands(Shape.of(d[0]), append(batch, d[0], d[1]))
                        : operands(append(batch, d[1], d[0]), Shape.of(d[0])));
    }

    private static Arbitrary<int[]> dims(int count) {
        return Arbitraries.integers().between(1, 3).array(int[].class).ofSize(count);
    }

    private static Arbitrary<Operands> operands(Shape a, Shape b) {
        return Combinators.combine(tensors(a, any()), tensors(b, any())).as(Operands::new);
    }

    private static Shape append(Shape batch, int rows, int columns) {
        int[] dims = Arrays.copyOf(batch.toArray(), batch.rank() + 2);
        dims[batch.rank()] = rows;
        dims[batch.rank() + 1] = columns;
        return Shape.of(dims);
    }
}
