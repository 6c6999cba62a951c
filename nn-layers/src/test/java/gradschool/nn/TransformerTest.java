package gradschool.nn;

import static gradschool.nn.NormalizationAssertions.assertParameterGradientsMatchCentralDifferences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** CausalSelfAttention, TransformerBlock and GPT: against loops, shapes, weights, gradients, errors. */
class TransformerTest {

    /** Attention written out with loops, per sample, head and position, from the layer's own weights. */
    static Tensor attentionByLoops(CausalSelfAttention attention, Tensor x) {
        int batch = x.dim(0);
        int steps = x.dim(1);
        int c = attention.embedDim();
        int heads = attention.numHeads();
        int hs = c / heads;
        Tensor qkv = x.matmul(attention.attentionInput().weight().value().transpose())
                .add(attention.attentionInput().bias().value());
        Tensor y = Tensor.zeros(batch, steps, c);
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < heads; h++) {
                for (int t = 0; t < steps; t++) {
                    double[] scores = new double[t + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= t; j++) {                         // only the past and the present
                        double dot = 0;
                        for (int d = 0; d < hs; d++) {
                            dot += qkv.get(b, t, h * hs + d) * qkv.get(b, j, c + h * hs + d);
                        }
                        scores[j] = dot / Math.sqrt(hs);
                        max = Math.max(max, scores[j]);
                    }
                    double total = 0;
                    for (int j = 0; j <= t; j++) {
                        scores[j] = Math.exp(scores[j] - max);
                        total += scores[j];
                    }
                    for (int d = 0; d < hs; d++) {
                        double sum = 0;
                        for (int j = 0; j <= t; j++) {
                            sum += scores[j] / total * qkv.get(b, j, 2 * c + h * hs + d);
                        }
                        y.setInPlace(sum, b, t, h * hs + d);
                    }
                }
            }
        }
        return y.matmul(attention.projection().weight().value().transpose()).add(attention.projection().bias().value());
    }

    @Test
    void attentionAgreesWithLoopsOverHeadsAndPositions() {
        CausalSelfAttention attention = new CausalSelfAttention(6, 3, 5, 0.0, new Random(1));
        Tensor x = Tensor.randn(Shape.of(2, 4, 6), 2);
        Variable y = attention.forward(x);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 4, 6));
        assertThat(y.value().allClose(attentionByLoops(attention, x), 1e-12, 1e-12)).isTrue();
    }

    @Test
    void attentionWeightsRowsSumToOneAndAreZeroAboveTheDiagonal() {
        CausalSelfAttention attention = new CausalSelfAttention(8, 2, 6, 0.0, new Random(3));
        assertThat(attention.lastAttention()).isNull();
        attention.forward(Tensor.randn(Shape.of(3, 5, 8), 4));
        Tensor weights = attention.lastAttention();
        assertThat(weights.shape()).isEqualTo(Shape.of(3, 2, 5, 5));
        for (int b = 0; b < 3; b++) {
            for (int h = 0; h < 2; h++) {
                for (int t = 0; t < 5; t++) {
                    double row = 0;
                    for (int j = 0; j < 5; j++) {
                        double w = weights.get(b, h, t, j);
                        if (j > t) {
                            assertThat(w).isEqualTo(0.0);
                        } else {
                            assertThat(w).isGreaterThan(0.0);
                        }
                        row += w;
                    }
                    assertThat(row).isCloseTo(1.0, within(1e-12));
                }
                assertThat(weights.get(b, h, 0, 0)).isEqualTo(1.0);       // the first position sees only itself
            }
        }
    }

    @Test
    void dropoutActsInTrainingOnlyAndTheRecordedWeightsAreBeforeIt() {
        CausalSelfAttention attention = new CausalSelfAttention(4, 2, 4, 0.5, new Random(5));
        Tensor x = Tensor.randn(Shape.of(2, 4, 4), 6);
        Tensor first = attention.forward(x).value();
        assertThat(attention.forward(x).value().allClose(first, 1e-12, 1e-12)).isFalse();
        assertThat(attention.lastAttention().sum(3).allClose(Tensor.ones(2, 2, 4), 1e-12, 1e-12)).isTrue();
        attention.eval();
        assertThat(attention.forward(x).value().allClose(attentionByLoops(attention, x), 1e-12, 1e-12)).isTrue();
    }

    /**
     * The layer's forward as it was before the fused op, from the ops of the class comment, drawing its
     * dropout masks from {@code random} in the same order (attention weights, then output).
     */
    static Variable composedLayer(CausalSelfAttention attention, Variable x, Random random, double p) {
        int batch = x.shape().dim(0);
        int steps = x.shape().dim(1);
        int c = attention.embedDim();
        int heads = attention.numHeads();
        Variable qkv = attention.attentionInput().forward(x);
        Variable[] parts = new Variable[3];
        for (int i = 0; i < 3; i++) {
            parts[i] = qkv.slice(2, i * c, (i + 1) * c).reshape(batch, steps, heads, c / heads).permute(0, 2, 1, 3);
        }
        Tensor weightMask = Tensor.rand(random, batch, heads, steps, steps).lt(1 - p).div(1 - p);
        Variable y = CausalSelfAttention.composedAttention(parts[0], parts[1], parts[2], weightMask)
                .permute(0, 2, 1, 3).reshape(batch, steps, c);
        Tensor outputMask = Tensor.rand(random, batch, steps, c).lt(1 - p).div(1 - p);
        return attention.projection().forward(y).mul(Variable.constant(outputMask));
    }

    @Test
    void theFusedAttentionGivesTheComposedFormsOutputAndGradientsWithTheSameDropoutDraws() {
        Random fusedRandom = new Random(21);
        Random composedRandom = new Random(21);
        CausalSelfAttention fused = new CausalSelfAttention(8, 2, 5, 0.3, fusedRandom);
        CausalSelfAttention composed = new CausalSelfAttention(8, 2, 5, 0.3, composedRandom);
        Tensor x = Tensor.randn(Shape.of(3, 5, 8), 22);
        Tensor gradOutput = Tensor.randn(Shape.of(3, 5, 8), 23);
        Variable fusedInput = Variable.requiringGrad(x);
        Variable composedInput = Variable.requiringGrad(x);
        Variable fusedOutput = fused.forward(fusedInput);
        Variable composedOutput = composedLayer(composed, composedInput, composedRandom, 0.3);
        fusedOutput.mul(Variable.of(gradOutput)).sum().backward();
        composedOutput.mul(Variable.of(gradOutput)).sum().backward();

        assertThat(fusedOutput.value().allClose(composedOutput.value(), 1e-12, 1e-12)).isTrue();
        assertThat(fusedInput.grad().allClose(composedInput.grad(), 1e-12, 1e-12)).isTrue();
        for (int i = 0; i < fused.parameters().size(); i++) {
            Tensor got = fused.parameters().get(i).grad();
            Tensor want = composed.parameters().get(i).grad();
            assertThat(got.allClose(want, 1e-12, 1e-12)).as("parameter %s", i).isTrue();
        }
        assertThat(fusedRandom.nextLong()).as("the same number of draws").isEqualTo(composedRandom.nextLong());
    }

    @Test
    void gradientsOfAttentionBlockAndGptMatchCentralDifferences() {
        Random random = new Random(7);
        CausalSelfAttention attention = new CausalSelfAttention(4, 2, 3, 0.0, random);
        Tensor x = Tensor.randn(random, 2, 3, 4);
        GradCheck.check(v -> attention.forward(v.get(0)), x).assertPassed();
        assertParameterGradientsMatchCentralDifferences(attention, x, Tensor.randn(random, 2, 3, 4));

        TransformerBlock block = new TransformerBlock(4, 2, 3, 0.0, random);
        GradCheck.check(v -> block.forward(v.get(0)), x).assertPassed();
        assertParameterGradientsMatchCentralDifferences(block, x, Tensor.randn(random, 2, 3, 4));

        GPT gpt = new GPT(new GPT.Config(5, 3, 2, 2, 4, 0.0), random);
        Tensor tokens = Tensor.of(new double[][] {{0, 3, 3}, {4, 1, 0}});
        assertParameterGradientsMatchCentralDifferences(gpt, tokens, Tensor.randn(random, 2, 3, 5));
    }

    @Test
    void attentionDifferentiatesTwice() {
        Random random = new Random(12);
        CausalSelfAttention attention = new CausalSelfAttention(2, 1, 3, 0.0, random);
        GradCheck.checkSecondOrder(v -> attention.forward(v.get(0)), Tensor.randn(random, 1, 3, 2)).assertPassed();
    }

    @Test
    void theBlockAddsAttentionAndMlpToTheStream() {
        TransformerBlock block = new TransformerBlock(4, 1, 3, 0.0, new Random(8));
        for (Parameter p : block.parameters()) {                 // zero weights: both branches give 0
            if (!p.name().equals("weight") || p.rank() != 1) {
                p.value().fill(0);
            }
        }
        Tensor x = Tensor.randn(Shape.of(1, 3, 4), 9);
        assertThat(block.forward(x).value().allClose(x, 0, 0)).isTrue();
        assertThat(block.namedParameters().keySet()).containsExactly("ln_1.weight", "ln_1.bias",
                "attn.c_attn.weight", "attn.c_attn.bias", "attn.c_proj.weight", "attn.c_proj.bias",
                "ln_2.weight", "ln_2.bias", "mlp.c_fc.weight", "mlp.c_fc.bias", "mlp.c_proj.weight", "mlp.c_proj.bias");
    }

    @Test
    void makemoresDefaultTransformerHasItsParameterCount() {
        GPT gpt = new GPT(GPT.Config.makemore(27, 16), new Random(10));
        // makemore prints 0.20M: 202,816 without lm_head (64·27 = 1,728 more with it)
        assertThat(gpt.parameterCount()).isEqualTo(202_816 + 1_728);
        assertThat(gpt.head().bias()).isNull();
        assertThat(gpt.namedParameters().keySet()).startsWith("wte.weight", "wpe.weight", "h.0.ln_1.weight")
                .endsWith("h.3.mlp.c_proj.bias", "ln_f.weight", "ln_f.bias", "lm_head.weight");
        assertThat(gpt.blocks()).hasSize(4);
    }

    @Test
    void makemoresConfigurationUsesTheTanhGeluAndTheSixSizeConfigurationTheExactOne() {
        GPT makemore = new GPT(GPT.Config.makemore(27, 16).withDropout(0.1), new Random(12));
        GPT exact = new GPT(new GPT.Config(27, 16, 1, 1, 4, 0.0), new Random(12));
        assertThat(makemore.config().gelu()).isEqualTo(GELU.Approximate.TANH);
        assertThat(makemore.config().dropout()).isEqualTo(0.1);
        for (TransformerBlock block : makemore.blocks()) {
            assertThat(((GELU) block.children().get("mlp").children().get("act")).approximate()).isEqualTo(GELU.Approximate.TANH);
        }
        assertThat(((GELU) exact.blocks().get(0).children().get("mlp").children().get("act")).approximate())
                .isEqualTo(GELU.Approximate.NONE);
        assertThatThrownBy(() -> new GPT.Config(27, 16, 1, 1, 4, 0.0, null)).hasMessageContaining("GELU form");
    }

    @Test
    void gptGivesLogitsPerPositionAndNextTokenLogitsCropsToTheBlock() {
        GPT gpt = new GPT(new GPT.Config(6, 4, 1, 2, 4, 0.0), new Random(11));
        Tensor logits = gpt.forward(Tensor.of(new double[][] {{0, 1, 2}, {5, 5, 5}})).value();
        assertThat(logits.shape()).isEqualTo(Shape.of(2, 3, 6));
        assertThat(gpt.nextTokenLogits(new int[] {0, 1, 2}).allClose(logits.select(0, 0).select(0, 2), 1e-12, 1e-12)).isTrue();
        Tensor cropped = gpt.forward(Tensor.of(new double[][] {{2, 3, 4, 1}})).value().select(0, 0).select(0, 3);
        assertThat(gpt.nextTokenLogits(new int[] {0, 1, 2, 3, 4, 1}).allClose(cropped, 1e-12, 1e-12)).isTrue();
        assertThat(gpt.blocks().get(0).attention().lastAttention().shape()).isEqualTo(Shape.of(1, 2, 4, 4));
    }

    @Test
    void badSizesAndShapesAreNamed() {
        assertThatThrownBy(() -> new CausalSelfAttention(6, 4, 8, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedDim a multiple of numHeads");
        CausalSelfAttention attention = new CausalSelfAttention(4, 2, 3, 0.0);
        assertThatThrownBy(() -> attention.forward(Tensor.zeros(1, 4, 4)))
                .hasMessage("CausalSelfAttention(embed=4, heads=2, block=3, dropout=0.0): the input must have shape "
                        + "(B, T, 4) with 1 ≤ T ≤ 3 (the block size), but has shape (1, 4, 4)");
        assertThatThrownBy(() -> attention.forward(Tensor.zeros(2, 4))).hasMessageContaining("has shape (2, 4)");
        GPT gpt = new GPT(new GPT.Config(5, 3, 1, 1, 2, 0.0));
        assertThatThrownBy(() -> gpt.forward(Tensor.zeros(1, 4)))
                .hasMessage("GPT: the tokens must have shape (B, T) with 1 ≤ T ≤ 3 (the block size), but have shape (1, 4)");
        assertThatThrownBy(() -> gpt.forward(Tensor.of(new double[][] {{0, 5}})))
                .hasMessageContaining("Embedding(5, 2): index 5.0 at position [0, 1]");
        assertThatThrownBy(() -> new GPT.Config(27, 16, 4, 3, 64, 0.0)).hasMessageContaining("GPT.Config");
    }
}
