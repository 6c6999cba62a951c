package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Causality and gradients of attention and GPT on small random sizes. */
class TransformerProperties {

    @Property(tries = 30, seed = "12004")
    void changingALaterTokenLeavesEveryEarlierOutputUnchanged(@ForAll @IntRange(min = 1, max = 3) int batch,
                                                              @ForAll @IntRange(min = 2, max = 5) int steps,
                                                              @ForAll @IntRange(min = 1, max = 2) int heads,
                                                              @ForAll long seed) {
        Random random = new Random(seed);
        int changed = 1 + random.nextInt(steps - 1);                  // a position after the first
        GPT gpt = new GPT(new GPT.Config(7, steps, 2, heads, 2 * heads, 0.0), random);
        double[][] tokens = new double[batch][steps];
        for (double[] row : tokens) {
            for (int t = 0; t < steps; t++) {
                row[t] = random.nextInt(7);
            }
        }
        Tensor before = gpt.forward(Tensor.of(tokens)).value();
        for (double[] row : tokens) {
            row[changed] = (row[changed] + 1 + random.nextInt(6)) % 7;   // a different token at that position
        }
        Tensor after = gpt.forward(Tensor.of(tokens)).value();
        for (int t = 0; t < steps; t++) {
            boolean same = before.slice(1, t, t + 1).allClose(after.slice(1, t, t + 1), 0, 1e-13);
            assertThat(same).as("position %d after changing position %d", t, changed).isEqualTo(t < changed);
        }
    }

    @Property(tries = 20, seed = "12005")
    void attentionGradientMatchesCentralDifferences(@ForAll @IntRange(min = 1, max = 2) int batch,
                                                    @ForAll @IntRange(min = 1, max = 3) int steps,
                                                    @ForAll @IntRange(min = 1, max = 2) int heads,
                                                    @ForAll @IntRange(min = 1, max = 2) int headSize,
                                                    @ForAll long seed) {
        Random random = new Random(seed);
        CausalSelfAttention attention = new CausalSelfAttention(heads * headSize, heads, 3, 0.0, random);
        Tensor x = Tensor.randn(random, batch, steps, heads * headSize);
        gradschool.autograd.GradCheck.check(v -> attention.forward(v.get(0)), x).assertPassed();
        assertThat(attention.lastAttention().shape()).isEqualTo(Shape.of(batch, heads, steps, steps));
        NormalizationAssertions.assertParameterGradientsMatchCentralDifferences(attention, x,
                Tensor.randn(random, batch, steps, heads * headSize));
    }
}
