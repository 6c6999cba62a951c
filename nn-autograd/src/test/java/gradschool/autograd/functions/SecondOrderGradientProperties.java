package gradschool.autograd.functions;

import static gradschool.autograd.VariableArbitraries.any;
import static gradschool.autograd.VariableArbitraries.avoiding;
import static gradschool.autograd.VariableArbitraries.broadcastingShapes;
import static gradschool.autograd.VariableArbitraries.positive;
import static gradschool.autograd.VariableArbitraries.shapes;
import static gradschool.autograd.VariableArbitraries.tensors;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Second-order gradient checks ({@link GradCheck#checkSecondOrder}): each op's backward rule is
 * written with variable operations, so with {@code createGraph} the backward pass is itself a graph,
 * and differentiating it must agree with finite differences of the first derivative. This is what
 * Hessian-vector products, Newton's method and gradient penalties rely on.
 *
 * <p>Fewer tries and smaller shapes than the first-order properties: each evaluation is a forward
 * and a recorded backward pass.
 */
class SecondOrderGradientProperties {

    private static final int TRIES = 25;

    /** Two operands (for mul, div, matmul). */
    record Pair(Tensor a, Tensor b) {
        @Override
        public String toString() {
            return "a " + a.shape() + ", b " + b.shape();
        }
    }

    /** An input and an axis of it. */
    record AlongAxis(Tensor x, int axis) {
        @Override
        public String toString() {
            return "x " + x.shape() + ", axis " + axis;
        }
    }

    @Property(tries = TRIES)
    void cubeSecondOrder(@ForAll("smallAny") Tensor x) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).pow(3), x).assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).mul(xs.get(0)).mul(xs.get(0)), x).assertPassed();
    }

    @Property(tries = TRIES)
    void tanhSecondOrder(@ForAll("smallAny") Tensor x) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).tanh(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void sinAndCosSecondOrder(@ForAll("smallAny") Tensor x) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).sin(), x).assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).cos(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void sigmoidSecondOrder(@ForAll("smallAny") Tensor x) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).sigmoid(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void expSecondOrder(@ForAll("smallAny") Tensor x) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).exp(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void logAndSqrtSecondOrder(@ForAll("smallPositive") Tensor x) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).log(), x).assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).sqrt(), x).assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).pow(-1.5), x).assertPassed();
    }

    @Property(tries = TRIES)
    void mulSecondOrder(@ForAll("broadcastingPairs") Pair p) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).mul(xs.get(1)), p.a(), p.b()).assertPassed();
    }

    @Property(tries = TRIES)
    void divSecondOrder(@ForAll("divisionPairs") Pair p) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).div(xs.get(1)), p.a(), p.b()).assertPassed();
    }

    @Property(tries = TRIES)
    void powSecondOrder(@ForAll("powerPairs") Pair p) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).pow(xs.get(1)), p.a(), p.b()).assertPassed();
    }

    @Property(tries = TRIES)
    void matmulSecondOrder(@ForAll("matrixPairs") Pair p) {
        // matmul is bilinear: the mixed second derivatives are what is checked here
        GradCheck.checkSecondOrder(xs -> xs.get(0).matmul(xs.get(1)), p.a(), p.b()).assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).matmul(xs.get(1)).tanh(), p.a(), p.b()).assertPassed();
    }

    @Property(tries = TRIES)
    void matmulWithVectorsAndBatchesSecondOrder(@ForAll("vectorOrBatchPairs") Pair p) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).matmul(xs.get(1)).sigmoid(), p.a(), p.b()).assertPassed();
    }

    @Property(tries = TRIES)
    void softmaxSecondOrder(@ForAll("alongAxis") AlongAxis c) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).softmax(c.axis()), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void logSoftmaxSecondOrder(@ForAll("alongAxis") AlongAxis c) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).logSoftmax(c.axis()), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void logSumExpSecondOrder(@ForAll("alongAxis") AlongAxis c) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).logSumExp(c.axis(), false), c.x()).assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).logSumExp(), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void varianceSecondOrder(@ForAll("alongAxis") AlongAxis c) {
        GradCheck.checkSecondOrder(xs -> xs.get(0).variance(c.axis(), true), c.x()).assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).variance(c.axis(), false), c.x()).assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).variance(), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void meanSquaredThroughShapeOpsSecondOrder(@ForAll("alongAxis") AlongAxis c) {
        // linear ops (permute, slice, sum, mean) inside a non-linear function pass second derivatives on
        GradCheck.checkSecondOrder(xs -> xs.get(0).flatten().slice(0, 0, c.x().size(), 2).pow(2).mean(), c.x())
                .assertPassed();
    }

    @Property(tries = 15)
    void shapeOpsSecondOrder(@ForAll("alongAxis") AlongAxis c) {
        // each shape op's backward is itself a shape op (slice <-> scatter, indexSelect <-> indexAdd,
        // expand <-> sumToShape, ...); a cube around it makes the second derivative non-zero
        int axis = c.axis();
        GradCheck.checkSecondOrder(xs -> xs.get(0).transpose(0, -1).pow(3), c.x()).assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).select(axis, -1).pow(3), c.x()).assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).slice(axis, 0, 3, 2).pow(3), c.x()).assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).indexSelect(new int[] {0, 0, -1}).pow(3), c.x()).assertPassed();
        GradCheck.checkSecondOrder(xs -> Variable.concat(List.of(xs.get(0), xs.get(0).mul(2)), axis).pow(3), c.x())
                .assertPassed();
        int[] twoCopies = new int[c.x().rank() + 1]; // (2, -1, -1, ...): a new leading axis of size 2
        Arrays.fill(twoCopies, -1);
        twoCopies[0] = 2;
        GradCheck.checkSecondOrder(xs -> xs.get(0).unsqueeze(0).expand(twoCopies).pow(3).sumToShape(Shape.of(1)), c.x())
                .assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).pow(3).sum(axis, false).mean().reshape(1, 1), c.x())
                .assertPassed();
    }

    @Provide
    Arbitrary<Tensor> smallAny() {
        return smallShapes().flatMap(shape -> tensors(shape, any()));
    }

    @Provide
    Arbitrary<Tensor> smallPositive() {
        return smallShapes().flatMap(shape -> tensors(shape, positive()));
    }

    @Provide
    Arbitrary<Pair> broadcastingPairs() {
        return broadcastingShapes(2).flatMap(s -> Combinators.combine(
                tensors(s[0], any()), tensors(s[1], any())).as(Pair::new));
    }

    @Provide
    Arbitrary<Pair> divisionPairs() {
        return broadcastingShapes(2).flatMap(s -> Combinators.combine(
                tensors(s[0], any()), tensors(s[1], avoiding(-2, 2, 0.5, 0.0))).as(Pair::new));
    }

    @Provide
    Arbitrary<Pair> powerPairs() {
        return broadcastingShapes(2).flatMap(s -> Combinators.combine(
                tensors(s[0], positive()), tensors(s[1], any())).as(Pair::new));
    }

    @Provide
    Arbitrary<Pair> matrixPairs() {
        return Arbitraries.integers().between(1, 3).array(int[].class).ofSize(3).flatMap(d -> Combinators.combine(
                tensors(Shape.of(d[0], d[1]), any()), tensors(Shape.of(d[1], d[2]), any())).as(Pair::new));
    }

    /** {@code (k) @ (k, n)}, {@code (m, k) @ (k)}, {@code (k) @ (k)} or batched {@code (b, m, k) @ (k, n)}. */
    @Provide
    Arbitrary<Pair> vectorOrBatchPairs() {
        return Combinators.combine(Arbitraries.integers().between(1, 3).array(int[].class).ofSize(4),
                        Arbitraries.integers().between(0, 3))
                .flatAs((d, kind) -> {
                    Shape[] s = switch (kind) {
                        case 0 -> new Shape[] {Shape.of(d[1]), Shape.of(d[1], d[2])};
                        case 1 -> new Shape[] {Shape.of(d[0], d[1]), Shape.of(d[1])};
                        case 2 -> new Shape[] {Shape.of(d[1]), Shape.of(d[1])};
                        default -> new Shape[] {Shape.of(d[3], d[0], d[1]), Shape.of(d[1], d[2])};
                    };
                    return Combinators.combine(tensors(s[0], any()), tensors(s[1], any())).as(Pair::new);
                });
    }

    @Provide
    Arbitrary<AlongAxis> alongAxis() {
        return shapes(1, 3, 1, 3).flatMap(shape -> Combinators.combine(
                tensors(shape, any()), Arbitraries.integers().between(-shape.rank(), shape.rank() - 1))
                .as(AlongAxis::new));
    }

    private static Arbitrary<Shape> smallShapes() {
        return shapes(0, 3, 1, 3);
    }
}
