package gradschool.autograd.functions;

import static gradschool.autograd.VariableArbitraries.any;
import static gradschool.autograd.VariableArbitraries.tensors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Arrays;
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
 * The fused {@link LayerNorm} and {@link BatchNorm} ops: against the compositions of autograd ops they
 * replace (values and all three gradients, to 1e-12), and against central differences to second
 * order, at random small shapes in random (often permuted or sliced, non-contiguous) layouts and
 * several ε.
 */
class NormalizationOpProperties {

    /** One case: an input in some layout, γ and β, ε, and an axis (k for LayerNorm, the channel axis for BatchNorm). */
    record Case(Tensor x, Tensor weight, Tensor bias, double eps, int axis) {
    }

    // ---------------------------------------------------------------------------------------
    // The compositions the fused ops replace: the formulas as a student writes them
    // ---------------------------------------------------------------------------------------

    /** {@code (x − μ)/√(σ² + ε)·γ + β}, μ and the biased σ² over the last k dimensions. */
    static Variable composedLayerNorm(Variable x, Variable weight, Variable bias, double eps) {
        int k = weight.rank();
        Variable mean = x;
        for (int axis = x.rank() - k; axis < x.rank(); axis++) {
            mean = mean.mean(axis, true);
        }
        Variable centered = x.sub(mean);
        Variable variance = centered.mul(centered);
        for (int axis = x.rank() - k; axis < x.rank(); axis++) {
            variance = variance.mean(axis, true);
        }
        return centered.div(variance.add(eps).sqrt()).mul(weight).add(bias);
    }

    /** The same per channel, μ and σ² over every dimension but the channel axis. */
    static Variable composedBatchNorm(Variable x, int channelAxis, Variable weight, Variable bias, double eps) {
        Variable mean = x;
        for (int axis = 0; axis < x.rank(); axis++) {
            mean = axis == channelAxis ? mean : mean.mean(axis, true);
        }
        Variable centered = x.sub(mean);
        Variable variance = centered.mul(centered);
        for (int axis = 0; axis < x.rank(); axis++) {
            variance = axis == channelAxis ? variance : variance.mean(axis, true);
        }
        int[] broadcast = new int[x.rank()];
        Arrays.fill(broadcast, 1);
        broadcast[channelAxis] = x.shape().dim(channelAxis);
        return centered.div(variance.add(eps).sqrt()).mul(weight.reshape(broadcast)).add(bias.reshape(broadcast));
    }

    // ---------------------------------------------------------------------------------------
    // LayerNorm
    // ---------------------------------------------------------------------------------------

    @Property(tries = 60, seed = "20261201")
    void layerNormMatchesTheComposition(@ForAll("layerNormCases") Case c) {
        assertMatches(c, v -> v.get(0).layerNorm(v.get(1), v.get(2), c.eps()),
                v -> composedLayerNorm(v.get(0), v.get(1), v.get(2), c.eps()));
    }

    @Property(tries = 40, seed = "20261201")
    void layerNormGradientsMatchCentralDifferences(@ForAll("layerNormCases") Case c) {
        GradCheck.check(v -> v.get(0).layerNorm(v.get(1), v.get(2), c.eps()), c.x(), c.weight(), c.bias())
                .assertPassed();
    }

    @Property(tries = 20, seed = "20261201")
    void layerNormSecondOrder(@ForAll("layerNormCases") Case c) {
        GradCheck.checkSecondOrder(v -> v.get(0).layerNorm(v.get(1), v.get(2), c.eps()), c.x(), c.weight(), c.bias())
                .assertPassed();
    }

    @Provide
    Arbitrary<Case> layerNormCases() {
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 2),
                        Arbitraries.of(1e-5, 1e-3, 0.5), Arbitraries.longs())
                .as((rank, normalizedRank, eps, seed) -> {
                    Random random = new Random(seed);
                    int[] dims = new int[rank];
                    for (int d = 0; d < rank; d++) {
                        dims[d] = 1 + random.nextInt(3);
                    }
                    dims[rank - 1] = 2 + random.nextInt(3);
                    int k = Math.min(normalizedRank, rank);
                    Shape normalized = Shape.of(Arrays.copyOfRange(dims, rank - k, rank));
                    return new Object[] {Shape.of(dims), normalized, eps, k, random.nextLong()};
                })
                .flatMap(p -> tensors((Shape) p[0], any()).map(x -> {
                    Random random = new Random((long) p[4]);
                    Shape normalized = (Shape) p[1];
                    return new Case(x, Tensor.randn(random, normalized.toArray()), Tensor.randn(random, normalized.toArray()),
                            (double) p[2], (int) p[3]);
                }));
    }

    // ---------------------------------------------------------------------------------------
    // BatchNorm
    // ---------------------------------------------------------------------------------------

    @Property(tries = 60, seed = "20261201")
    void batchNormMatchesTheComposition(@ForAll("batchNormCases") Case c) {
        assertMatches(c, v -> v.get(0).batchNorm(c.axis(), v.get(1), v.get(2), c.eps()),
                v -> composedBatchNorm(v.get(0), c.axis(), v.get(1), v.get(2), c.eps()));
    }

    @Property(tries = 40, seed = "20261201")
    void batchNormGradientsMatchCentralDifferences(@ForAll("batchNormCases") Case c) {
        GradCheck.check(v -> v.get(0).batchNorm(c.axis(), v.get(1), v.get(2), c.eps()), c.x(), c.weight(), c.bias())
                .assertPassed();
    }

    @Property(tries = 20, seed = "20261201")
    void batchNormSecondOrder(@ForAll("batchNormCases") Case c) {
        GradCheck.checkSecondOrder(v -> v.get(0).batchNorm(c.axis(), v.get(1), v.get(2), c.eps()),
                c.x(), c.weight(), c.bias()).assertPassed();
    }

    /**
     * Channels last — each channel's values one per row, as BatchNorm1d of (N, C) or channels-last
     * (N, L, C) — the op runs its own loops along the rows; they must give the same bits, values and
     * all three gradients, as the general loops give on the transposed (C, N) input.
     */
    @Property(tries = 40, seed = "20261201")
    void channelsLastGivesTheBitsOfTheGeneralLoops(@ForAll("rowsAndChannels") int[] dims, @ForAll long seed) {
        Random random = new Random(seed);
        Tensor x = Tensor.randn(Shape.of(dims[0], dims[1]), random.nextLong()).mul(3.0).add(1.5);
        Tensor weight = Tensor.randn(random, dims[1]);
        Tensor bias = Tensor.randn(random, dims[1]);
        Tensor gradOutput = Tensor.randn(x.shape(), random.nextLong());
        List<Variable> last = List.of(Variable.requiringGrad(x), Variable.requiringGrad(weight), Variable.requiringGrad(bias));
        List<Variable> first = List.of(Variable.requiringGrad(x.transpose().contiguous()),
                Variable.requiringGrad(weight), Variable.requiringGrad(bias));
        Variable lastOutput = last.get(0).batchNorm(1, last.get(1), last.get(2), 1e-5);
        Variable firstOutput = first.get(0).batchNorm(0, first.get(1), first.get(2), 1e-5);
        lastOutput.backward(gradOutput);
        firstOutput.backward(gradOutput.transpose().contiguous());

        assertThat(lastOutput.value().toDoubleArray()).isEqualTo(firstOutput.value().transpose().toDoubleArray());
        assertThat(last.get(0).grad().toDoubleArray()).isEqualTo(first.get(0).grad().transpose().toDoubleArray());
        assertThat(last.get(1).grad().toDoubleArray()).isEqualTo(first.get(1).grad().toDoubleArray());
        assertThat(last.get(2).grad().toDoubleArray()).isEqualTo(first.get(2).grad().toDoubleArray());
    }

    @Provide
    Arbitrary<int[]> rowsAndChannels() {
        return Combinators.combine(Arbitraries.integers().between(1, 70), Arbitraries.integers().between(1, 40))
                .as((rows, channels) -> new int[] {rows, channels});
    }

    @Provide
    Arbitrary<Case> batchNormCases() {
        return Combinators.combine(Arbitraries.integers().between(2, 4), Arbitraries.of(false, true),
                        Arbitraries.of(1e-5, 1e-3, 0.5), Arbitraries.longs())
                .as((rank, channelsLast, eps, seed) -> {
                    Random random = new Random(seed);
                    int[] dims = new int[rank];
                    dims[0] = 2 + random.nextInt(2);
                    for (int d = 1; d < rank; d++) {
                        dims[d] = 1 + random.nextInt(3);
                    }
                    int axis = channelsLast ? rank - 1 : 1;
                    return new Object[] {Shape.of(dims), eps, axis, random.nextLong()};
                })
                .flatMap(p -> tensors((Shape) p[0], any()).map(x -> {
                    Random random = new Random((long) p[3]);
                    int channels = x.dim((int) p[2]);
                    return new Case(x, Tensor.randn(random, channels), Tensor.randn(random, channels), (double) p[1], (int) p[2]);
                }));
    }

    @Example
    void batchNormKeepsTheBatchStatisticsForTheRunningOnes() {
        Tensor x = Tensor.of(new double[][] {{1, 10}, {3, 14}, {5, 12}});
        BatchNorm op = new BatchNorm(1, 1e-5);
        op.apply(Variable.requiringGrad(x), Variable.of(Tensor.ones(2)), Variable.of(Tensor.zeros(2)));

        assertThat(op.batchMean().to1DArray()).containsExactly(3.0, 12.0);
        assertThat(op.batchVariance().to1DArray()).containsExactly(8.0 / 3, 8.0 / 3);
    }

    @Example
    void anEmptyBatchGivesEmptyOutputsAndZeroParameterGradients() {
        Variable x = Variable.requiringGrad(Tensor.zeros(0, 3));
        Variable weight = Variable.requiringGrad(Tensor.ones(3));
        Variable bias = Variable.requiringGrad(Tensor.zeros(3));
        Variable y = x.layerNorm(weight, bias, 1e-5).gelu();
        y.sum().backward();

        assertThat(y.shape()).isEqualTo(Shape.of(0, 3));
        assertThat(x.grad().shape()).isEqualTo(Shape.of(0, 3));
        assertThat(weight.grad()).isEqualTo(Tensor.zeros(3));
        assertThat(bias.grad()).isEqualTo(Tensor.zeros(3));
    }

    @Example
    void theExplainerWritesTheRulesWithTheVariablesNames() {
        Variable h = Variable.requiringGrad(Tensor.of(new double[][] {{1, 2, 4}, {0, 3, 3}})).named("h");
        Variable gamma = Variable.requiringGrad(Tensor.ones(3)).named("ln.weight");
        Variable beta = Variable.requiringGrad(Tensor.zeros(3)).named("ln.bias");
        Variable loss = h.layerNorm(gamma, beta, 1e-5).named("u").gelu().named("a").sum().named("L");
        StringBuilder text = new StringBuilder();
        try (var explaining = gradschool.autograd.Autograd.listen(new gradschool.autograd.ExplainingListener(text))) {
            loss.backward();
        }

        assertThat(text.toString().lines()).contains(
                "  rule      dL/dx = rstd·(ĝ − mean(ĝ) − z ⊙ mean(ĝ ⊙ z)), dL/dγ = Σ_rows g ⊙ z, dL/dβ = Σ_rows g;"
                        + " ĝ = g ⊙ γ; μ, σ² (biased) and the means are over each row's last dimensions (γ's shape)",
                "  dL/d(ln.weight) = Σ_rows dL/d(u) ⊙ z = " + gamma.grad().toString().replaceAll("\\s*\\n\\s*", " "));
        assertThat(text.toString()).contains("a = u·Φ(u) = ½u(1 + erf(u/√2))").doesNotContain("∂");
    }

    @Example
    void badShapesAreRejectedNamingTheOpAndTheShapes() {
        Variable x = Variable.of(Tensor.zeros(2, 3));
        assertThatThrownBy(() -> x.layerNorm(Variable.of(Tensor.ones(4)), Variable.of(Tensor.zeros(4)), 1e-5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LayerNorm").hasMessageContaining("(4,)").hasMessageContaining("(2, 3)");
        assertThatThrownBy(() -> x.batchNorm(1, Variable.of(Tensor.ones(2)), Variable.of(Tensor.zeros(2)), 1e-5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BatchNorm").hasMessageContaining("(3,)").hasMessageContaining("(2, 3)");
        assertThatThrownBy(() -> x.batchNorm(2, Variable.of(Tensor.ones(3)), Variable.of(Tensor.zeros(3)), 1e-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel axis 2");
        assertThatThrownBy(() -> new BatchNorm(1, 1e-5).batchMean()).isInstanceOf(IllegalStateException.class);
    }

    /** The fused op and the composition give the same values and the same three gradients for a random g. */
    private static void assertMatches(Case c, GradCheck.Fn fused, GradCheck.Fn composed) {
        Tensor gradOutput = Tensor.randn(c.x().shape(), 11);
        List<Variable> fusedInputs = leaves(c);
        List<Variable> composedInputs = leaves(c);
        Variable fusedOutput = fused.apply(fusedInputs);
        Variable composedOutput = composed.apply(composedInputs);
        fusedOutput.mul(Variable.of(gradOutput)).sum().backward();
        composedOutput.mul(Variable.of(gradOutput)).sum().backward();

        assertThat(fusedOutput.value().allClose(composedOutput.value(), 1e-12, 1e-12))
                .as("values %s against %s", fusedOutput.value(), composedOutput.value()).isTrue();
        for (int i = 0; i < 3; i++) {
            Tensor got = fusedInputs.get(i).grad();
            Tensor want = composedInputs.get(i).grad();
            assertThat(got.allClose(want, 1e-12, 1e-12)).as("gradient %s: %s against %s", i, got, want).isTrue();
        }
    }

    private static List<Variable> leaves(Case c) {
        return List.of(Variable.requiringGrad(c.x()), Variable.requiringGrad(c.weight()), Variable.requiringGrad(c.bias()));
    }
}
