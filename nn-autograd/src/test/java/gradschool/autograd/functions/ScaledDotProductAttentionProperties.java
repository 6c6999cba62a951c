package gradschool.autograd.functions;

import static gradschool.autograd.VariableArbitraries.any;
import static gradschool.autograd.VariableArbitraries.tensors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fused {@link ScaledDotProductAttention}: against the composition of autograd ops it replaces
 * (values and the three gradients, to 1e-12, with and without a dropout mask), and against central
 * differences to second order, at random small {@code (B, nh, T, hs)} in random (often permuted or
 * sliced, non-contiguous) layouts.
 */
class ScaledDotProductAttentionProperties {

    /** One case: q, k and v of one shape in their own layouts, and a dropout mask (null for none). */
    record Case(Tensor q, Tensor k, Tensor v, Tensor mask) {
    }

    /** {@code dropout(softmax(q·kᵀ/√hs with −∞ where j > t))·v}: the formula as a student writes it. */
    static Variable composedAttention(Variable q, Variable k, Variable v, Tensor mask) {
        int steps = q.shape().dim(2);
        Tensor future = Tensor.zeros(steps, steps);
        for (int t = 0; t < steps; t++) {
            for (int j = t + 1; j < steps; j++) {
                future.setInPlace(1.0, t, j);
            }
        }
        Variable weights = q.matmul(k.transpose(2, 3)).mul(1.0 / Math.sqrt(q.shape().dim(3)))
                .maskedFill(future, Double.NEGATIVE_INFINITY).softmax(3);
        return (mask == null ? weights : weights.mul(Variable.constant(mask))).matmul(v);
    }

    @Property(tries = 60, seed = "20261201")
    void matchesTheComposition(@ForAll("cases") Case c) {
        Tensor gradOutput = Tensor.randn(c.q().shape(), 11);
        List<Variable> fusedInputs = leaves(c);
        List<Variable> composedInputs = leaves(c);
        Variable fused = fusedInputs.get(0).scaledDotProductAttention(fusedInputs.get(1), fusedInputs.get(2), c.mask());
        Variable composed = composedAttention(composedInputs.get(0), composedInputs.get(1), composedInputs.get(2), c.mask());
        fused.mul(Variable.of(gradOutput)).sum().backward();
        composed.mul(Variable.of(gradOutput)).sum().backward();

        assertThat(fused.value().allClose(composed.value(), 1e-12, 1e-12))
                .as("values %s against %s", fused.value(), composed.value()).isTrue();
        for (int i = 0; i < 3; i++) {
            Tensor got = fusedInputs.get(i).grad();
            Tensor want = composedInputs.get(i).grad();
            assertThat(got.allClose(want, 1e-12, 1e-12)).as("gradient %s: %s against %s", "qkv".charAt(i), got, want)
                    .isTrue();
        }
    }

    @Property(tries = 40, seed = "20261201")
    void gradientsMatchCentralDifferences(@ForAll("cases") Case c) {
        GradCheck.check(v -> v.get(0).scaledDotProductAttention(v.get(1), v.get(2), c.mask()), c.q(), c.k(), c.v())
                .assertPassed();
    }

    @Property(tries = 15, seed = "20261201")
    void secondOrder(@ForAll("cases") Case c) {
        GradCheck.checkSecondOrder(v -> v.get(0).scaledDotProductAttention(v.get(1), v.get(2), c.mask()),
                c.q(), c.k(), c.v()).assertPassed();
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 3),
                        Arbitraries.of(0.0, 0.3, 0.5), Arbitraries.longs())
                .as((batch, heads, steps, headSize, p, seed) -> {
                    Shape shape = Shape.of(batch, heads, steps, headSize);
                    Tensor mask = p == 0.0 ? null : Tensor.rand(new Random(seed), batch, heads, steps, steps)
                            .lt(1 - p).div(1 - p);
                    return new Object[] {shape, mask};
                })
                .flatMap(o -> Combinators.combine(tensors((Shape) o[0], any()), tensors((Shape) o[0], any()),
                        tensors((Shape) o[0], any())).as((q, k, v) -> new Case(q, k, v, (Tensor) o[1])));
    }

    @Example
    void keepsTheWeightsBeforeDropoutWithRowsSummingToOneAndNothingAboveTheDiagonal() {
        Tensor q = Tensor.randn(Shape.of(2, 3, 4, 5), 1);
        Tensor k = Tensor.randn(Shape.of(2, 3, 4, 5), 2);
        Tensor mask = Tensor.rand(new Random(3), 2, 3, 4, 4).lt(0.5).div(0.5);
        ScaledDotProductAttention op = new ScaledDotProductAttention(mask);
        op.apply(Variable.of(q), Variable.of(k), Variable.of(Tensor.randn(Shape.of(2, 3, 4, 5), 4)));
        Tensor weights = op.weights();

        Tensor want = composedAttention(Variable.of(q), Variable.of(k), Variable.of(Tensor.eye(4).expand(2, 3, 4, 4)),
                null).value();
        assertThat(weights.allClose(want, 1e-12, 1e-12)).isTrue();
        assertThat(weights.sum(3).allClose(Tensor.ones(2, 3, 4), 1e-12, 1e-12)).isTrue();
        assertThat(weights.get(1, 2, 0, 1)).isZero();
        assertThat(weights.get(1, 2, 2, 3)).isZero();
    }

    @Example
    void badShapesAreRejectedNamingTheOpAndTheShapes() {
        Variable q = Variable.of(Tensor.zeros(1, 2, 3, 4));
        assertThatThrownBy(() -> q.scaledDotProductAttention(Variable.of(Tensor.zeros(1, 2, 3, 5)), q, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ScaledDotProductAttention")
                .hasMessageContaining("(1, 2, 3, 4)").hasMessageContaining("(1, 2, 3, 5)");
        assertThatThrownBy(() -> q.scaledDotProductAttention(q, q, Tensor.ones(1, 2, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dropout mask")
                .hasMessageContaining("(1, 2, 3, 3)");
        assertThatThrownBy(() -> new ScaledDotProductAttention().weights()).isInstanceOf(IllegalStateException.class);
    }

    private static List<Variable> leaves(Case c) {
        return List.of(Variable.requiringGrad(c.q()), Variable.requiringGrad(c.k()), Variable.requiringGrad(c.v()));
    }
}
