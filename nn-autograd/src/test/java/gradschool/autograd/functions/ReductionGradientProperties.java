package gradschool.autograd.functions;

import static gradschool.autograd.VariableArbitraries.any;
import static gradschool.autograd.VariableArbitraries.distinct;
import static gradschool.autograd.VariableArbitraries.shapes;
import static gradschool.autograd.VariableArbitraries.tensors;

import gradschool.autograd.GradCheck;
import gradschool.core.Tensor;
import gradschool.testing.TensorArbitraries.Values;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Gradient checks of the reductions — {@link Sum}, {@link Mean}, {@link Max}, {@link Min},
 * {@link Variance}, {@link LogSumExp}, over all elements and along one axis (given as a non-negative
 * or a negative number) with {@code keepDims} true and false — and of {@link Softmax} and
 * {@link LogSoftmax}, which reduce inside.
 *
 * <p>Max and min get distinct inputs (no broadcast layouts, whose elements repeat): at a tie they
 * are not differentiable, and the even split of the gradient is tested by example in
 * {@code TieAndKinkConventionTest}.
 */
class ReductionGradientProperties {

    private static final int TRIES = 50;

    /** An input and an axis of it. */
    record AlongAxis(Tensor x, int axis, boolean keepDims) {
        @Override
        public String toString() {
            return "x " + x.shape() + " = " + x + ", axis " + axis + ", keepDims " + keepDims;
        }
    }

    @Property(tries = TRIES)
    void sumGradient(@ForAll("anyTensors") Tensor x) {
        GradCheck.check(xs -> xs.get(0).sum(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void sumAlongAxisGradient(@ForAll("anyAlongAxis") AlongAxis c) {
        GradCheck.check(xs -> xs.get(0).sum(c.axis(), c.keepDims()), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void meanGradient(@ForAll("anyTensors") Tensor x) {
        GradCheck.check(xs -> xs.get(0).mean(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void meanAlongAxisGradient(@ForAll("anyAlongAxis") AlongAxis c) {
        GradCheck.check(xs -> xs.get(0).mean(c.axis(), c.keepDims()), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void maxGradient(@ForAll("distinctTensors") Tensor x) {
        GradCheck.check(xs -> xs.get(0).max(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void maxAlongAxisGradient(@ForAll("distinctAlongAxis") AlongAxis c) {
        GradCheck.check(xs -> xs.get(0).max(c.axis(), c.keepDims()), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void minGradient(@ForAll("distinctTensors") Tensor x) {
        GradCheck.check(xs -> xs.get(0).min(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void minAlongAxisGradient(@ForAll("distinctAlongAxis") AlongAxis c) {
        GradCheck.check(xs -> xs.get(0).min(c.axis(), c.keepDims()), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void varianceGradient(@ForAll("anyTensors") Tensor x) {
        GradCheck.check(xs -> xs.get(0).variance(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void varianceAlongAxisGradient(@ForAll("anyAlongAxis") AlongAxis c) {
        GradCheck.check(xs -> xs.get(0).variance(c.axis(), c.keepDims()), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void logSumExpGradient(@ForAll("anyTensors") Tensor x) {
        GradCheck.check(xs -> xs.get(0).logSumExp(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void logSumExpAlongAxisGradient(@ForAll("anyAlongAxis") AlongAxis c) {
        GradCheck.check(xs -> xs.get(0).logSumExp(c.axis(), c.keepDims()), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void softmaxGradient(@ForAll("anyAlongAxis") AlongAxis c) {
        GradCheck.check(xs -> xs.get(0).softmax(c.axis()), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void logSoftmaxGradient(@ForAll("anyAlongAxis") AlongAxis c) {
        GradCheck.check(xs -> xs.get(0).logSoftmax(c.axis()), c.x()).assertPassed();
    }

    @Provide
    Arbitrary<Tensor> anyTensors() {
        return tensors(any());
    }

    @Provide
    Arbitrary<Tensor> distinctTensors() {
        return tensors(distinct(-2, 2));
    }

    @Provide
    Arbitrary<AlongAxis> anyAlongAxis() {
        return alongAxis(any());
    }

    @Provide
    Arbitrary<AlongAxis> distinctAlongAxis() {
        return alongAxis(distinct(-2, 2));
    }

    /** Rank 1–4; the axis is {@code 0 … rank-1} or {@code -rank … -1}. */
    private static Arbitrary<AlongAxis> alongAxis(Values values) {
        return shapes(1, 4, 1, 3).flatMap(shape -> Combinators.combine(
                tensors(shape, values),
                Arbitraries.integers().between(-shape.rank(), shape.rank() - 1),
                Arbitraries.of(true, false)).as(AlongAxis::new));
    }
}
