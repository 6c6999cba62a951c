package gradschool.autograd.functions;

import static gradschool.autograd.VariableArbitraries.any;
import static gradschool.autograd.VariableArbitraries.avoiding;
import static gradschool.autograd.VariableArbitraries.broadcastingShapes;
import static gradschool.autograd.VariableArbitraries.onGrid;
import static gradschool.autograd.VariableArbitraries.positive;
import static gradschool.autograd.VariableArbitraries.tensors;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.testing.TensorArbitraries.Values;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Gradient checks of the two-input element-wise ops ({@link Add}, {@link Sub}, {@link Mul},
 * {@link Div}, {@link Pow}, {@link Maximum}, {@link Minimum}, {@link Where}) over random pairs of
 * shapes that <em>broadcast</em> — e.g. {@code (2, 1, 3)} with {@code (3,)} — and in random layouts.
 *
 * <p>Broadcasting is where gradients most often go wrong: an input that was stretched along a
 * dimension must receive the <em>sum</em> of the gradients of all its copies, with exactly its own
 * shape. The gradient check compares every element of that sum with finite differences.
 */
class BroadcastingGradientProperties {

    private static final int TRIES = 50;

    /** Two inputs whose shapes broadcast together. */
    record Pair(Tensor a, Tensor b) {
        @Override
        public String toString() {
            return "a " + a.shape() + " = " + a + ", b " + b.shape() + " = " + b;
        }
    }

    /** A mask and two inputs whose shapes all broadcast together. */
    record Triple(Tensor mask, Tensor a, Tensor b) {
        @Override
        public String toString() {
            return "mask " + mask.shape() + " = " + mask + ", a " + a.shape() + ", b " + b.shape();
        }
    }

    @Property(tries = TRIES)
    void addGradient(@ForAll("anyPairs") Pair p) {
        GradCheck.check(xs -> xs.get(0).add(xs.get(1)), p.a(), p.b()).assertPassed();
    }

    @Property(tries = TRIES)
    void subGradient(@ForAll("anyPairs") Pair p) {
        GradCheck.check(xs -> xs.get(0).sub(xs.get(1)), p.a(), p.b()).assertPassed();
    }

    @Property(tries = TRIES)
    void mulGradient(@ForAll("anyPairs") Pair p) {
        GradCheck.check(xs -> xs.get(0).mul(xs.get(1)), p.a(), p.b()).assertPassed();
    }

    @Property(tries = TRIES)
    void mulOfAnInputWithItselfGradient(@ForAll("anyTensors") Tensor x) {
        // the same variable on both sides: both gradients must be added into it
        GradCheck.check(xs -> xs.get(0).mul(xs.get(0)), x).assertPassed();
    }

    @Property(tries = TRIES)
    void divGradient(@ForAll("divisionPairs") Pair p) {
        GradCheck.check(xs -> xs.get(0).div(xs.get(1)), p.a(), p.b()).assertPassed();
    }

    @Property(tries = TRIES)
    void powGradient(@ForAll("powerPairs") Pair p) {
        GradCheck.check(xs -> xs.get(0).pow(xs.get(1)), p.a(), p.b()).assertPassed();
    }

    @Property(tries = TRIES)
    void maximumGradient(@ForAll("pairsWithoutTies") Pair p) {
        GradCheck.check(xs -> xs.get(0).maximum(xs.get(1)), p.a(), p.b()).assertPassed();
    }

    @Property(tries = TRIES)
    void minimumGradient(@ForAll("pairsWithoutTies") Pair p) {
        GradCheck.check(xs -> xs.get(0).minimum(xs.get(1)), p.a(), p.b()).assertPassed();
    }

    @Property(tries = TRIES)
    void whereGradient(@ForAll("whereTriples") Triple t) {
        GradCheck.check(xs -> Variable.where(t.mask(), xs.get(0), xs.get(1)), t.a(), t.b()).assertPassed();
    }

    /**
     * With one operand a constant (a {@code Variable.of}, needing no gradient) the op may skip that
     * gradient; the other must still be right. Each op is checked with the constant on either side.
     */
    @Property(tries = TRIES)
    void gradientsWithAConstantOperand(@ForAll("divisionPairs") Pair p) {
        Variable a = Variable.of(p.a());
        Variable b = Variable.of(p.b());
        GradCheck.check(xs -> xs.get(0).add(b), p.a()).assertPassed();
        GradCheck.check(xs -> a.add(xs.get(0)), p.b()).assertPassed();
        GradCheck.check(xs -> xs.get(0).sub(b), p.a()).assertPassed();
        GradCheck.check(xs -> a.sub(xs.get(0)), p.b()).assertPassed();
        GradCheck.check(xs -> xs.get(0).mul(b), p.a()).assertPassed();
        GradCheck.check(xs -> a.mul(xs.get(0)), p.b()).assertPassed();
        GradCheck.check(xs -> xs.get(0).div(b), p.a()).assertPassed();
        GradCheck.check(xs -> a.div(xs.get(0)), p.b()).assertPassed();
        GradCheck.check(xs -> xs.get(0).abs().add(0.5).pow(b), p.a()).assertPassed();
        GradCheck.check(xs -> a.abs().add(0.5).pow(xs.get(0)), p.b()).assertPassed();
        Tensor mask = p.a().gt(0.0);
        GradCheck.check(xs -> Variable.where(mask, xs.get(0), b), p.a()).assertPassed();
        GradCheck.check(xs -> Variable.where(mask, a, xs.get(0)), p.b()).assertPassed();
    }

    @Provide
    Arbitrary<Tensor> anyTensors() {
        return tensors(any());
    }

    @Provide
    Arbitrary<Pair> anyPairs() {
        return pairs(any(), any());
    }

    /** Denominators with {@code |b| >= 0.5}. */
    @Provide
    Arbitrary<Pair> divisionPairs() {
        return pairs(any(), avoiding(-2, 2, 0.5, 0.0));
    }

    /** Positive bases (so that {@code ln a} exists) and exponents in {@code [-2, 2)}. */
    @Provide
    Arbitrary<Pair> powerPairs() {
        return pairs(positive(), any());
    }

    /** {@code a} on odd and {@code b} on even multiples of 0.05, so {@code a != b} everywhere. */
    @Provide
    Arbitrary<Pair> pairsWithoutTies() {
        return pairs(onGrid(-2, 2, 0.1, 0.05), onGrid(-2, 2, 0.1, 0.0));
    }

    /** A mask of zeros and non-zeros (1 or 2.5: any non-zero value means "take a"). */
    @Provide
    Arbitrary<Triple> whereTriples() {
        Values maskValues = onGrid(0, 2.5, 1.25, 0.0);
        return broadcastingShapes(3).flatMap(shapes -> Combinators.combine(
                tensors(shapes[0], maskValues), tensors(shapes[1], any()), tensors(shapes[2], any()))
                .as(Triple::new));
    }

    private static Arbitrary<Pair> pairs(Values aValues, Values bValues) {
        return broadcastingShapes(2).flatMap(shapes -> Combinators.combine(
                tensors(shapes[0], aValues), tensors(shapes[1], bValues)).as(Pair::new));
    }
}
