package gradschool.autograd.functions;

import static gradschool.autograd.VariableArbitraries.any;
import static gradschool.autograd.VariableArbitraries.avoiding;
import static gradschool.autograd.VariableArbitraries.broadcastingShapes;
import static gradschool.autograd.VariableArbitraries.positive;
import static gradschool.autograd.VariableArbitraries.shapes;
import static gradschool.autograd.VariableArbitraries.tensors;

import gradschool.autograd.GradCheck;
import gradschool.core.Shape;
import gradschool.core.Tensor;
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
        GradCheck.checkSecondOrder(xs -> xs.get(0).variance(), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void meanSquaredThroughShapeOpsSecondOrder(@ForAll("alongAxis") AlongAxis c) {
        // linear ops (permute, slice, sum, mean) inside a non-linear function pass second derivatives on
        GradCheck.checkSecondOrder(xs -> xs.get(0).flatten().slice(0, 0, c.x().size(), 2).pow(2).mean(), c.x())
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
