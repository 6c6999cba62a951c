package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.core.Tensor;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sampler: seeded draws, their frequencies, temperature, top-k, generation, and rejected inputs. */
class SamplerTest {

    private static final Tensor LOGITS = Tensor.of(new double[] {0.5, -1.0, 2.0, 0.1, 1.5, -0.3});

    @Test
    void theSameSeedGivesTheSameTokens() {
        Sampler sampler = new Sampler(1.2, 0);
        Sampler.NextTokenLogits model = context -> LOGITS;
        int[][] first = new int[20][];
        SplittableRandom a = new SplittableRandom(42);
        for (int i = 0; i < first.length; i++) {
            first[i] = sampler.generate(model, 10, a);
        }
        SplittableRandom b = new SplittableRandom(42);
        for (int[] name : first) {
            assertThat(sampler.generate(model, 10, b)).containsExactly(name);
        }
    }

    @Test
    void frequenciesOverManyDrawsAreTheProbabilities() {
        double[] p = {0.1, 0.2, 0.3, 0.4};
        int draws = 100_000;
        int[] counts = new int[p.length];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < draws; i++) {
            counts[Sampler.multinomial(Tensor.of(p), random)]++;
        }
        for (int i = 0; i < p.length; i++) {   // the standard error is at most √(0.25/100000) = 0.0016: 4σ
            assertThat(counts[i] / (double) draws).as("token %d", i).isCloseTo(p[i], within(0.0064));
        }
        // unnormalized weights, like counts, are fine; a weight of 0 is never drawn
        int[] fromCounts = new int[3];
        for (int i = 0; i < 10_000; i++) {
            fromCounts[Sampler.multinomial(Tensor.of(new double[] {30, 0, 10}), random)]++;
        }
        assertThat(fromCounts[1]).isZero();
        assertThat(fromCounts[0] / 10_000.0).isCloseTo(0.75, within(0.02));
    }

    @Test
    void samplingFromLogitsUsesTheirSoftmaxDividedByTheTemperature() {
        double[] l = LOGITS.toDoubleArray();
        for (double t : new double[] {0.5, 1, 2}) {
            double total = 0;
            for (double v : l) {
                total += Math.exp(v / t);
            }
            double[] p = new Sampler(t, 0).probabilities(LOGITS).toDoubleArray();
            for (int i = 0; i < l.length; i++) {
                assertThat(p[i]).isCloseTo(Math.exp(l[i] / t) / total, within(1e-15));
            }
        }
        int[] counts = new int[l.length];
        Random random = new Random(3);
        Sampler plain = new Sampler();
        for (int i = 0; i < 50_000; i++) {
            counts[plain.sample(LOGITS, random)]++;
        }
        double[] p = plain.probabilities(LOGITS).toDoubleArray();
        for (int i = 0; i < l.length; i++) {
            assertThat(counts[i] / 50_000.0).isCloseTo(p[i], within(0.01));
        }
    }

    @Test
    void topKNeverDrawsOutsideTheKLargestAndKeepsExactlyK() {
        Sampler topThree = new Sampler(3.0, 3);       // a high temperature, so that the others would come up
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 5_000; i++) {
            assertThat(topThree.sample(LOGITS, random)).isIn(2, 4, 0);
        }
        // ties at the boundary: exactly k are kept, the lowest indices first
        Tensor tied = Tensor.of(new double[] {1, 2, 2, 2});
        assertThat(new Sampler(1, 2).probabilities(tied).toDoubleArray()).containsExactly(0, 0.5, 0.5, 0);
        assertThat(new Sampler(1, 10).probabilities(tied).sum().item()).isCloseTo(1, within(1e-15));  // k > n: all
    }

    @Test
    void temperatureZeroTakesTheLargestLogitAndTheLowestIndexOnATie() {
        SplittableRandom random = new SplittableRandom(9);
        assertThat(new Sampler(0, 0).sample(LOGITS, random)).isEqualTo(2);
        assertThat(new Sampler(0, 0).sample(Tensor.of(new double[] {1, 3, 3, 0}), random)).isEqualTo(1);
        assertThat(new Sampler(0, 0).probabilities(Tensor.of(new double[] {1, 3, 3, 0})).toDoubleArray())
                .containsExactly(0, 1, 0, 0);
        for (int i = 0; i < 100; i++) {            // the limit τ → 0 agrees
            assertThat(new Sampler(1e-3, 0).sample(LOGITS, random)).isEqualTo(2);
        }
        assertThat(new Sampler(1e-300, 0).probabilities(LOGITS).get(2)).isEqualTo(1.0);
    }

    @Test
    void generateStartsFromTheStartTokenAndStopsAtTheEndTokenOrTheMaximumLength() {
        // a model that says "the next token is the context's length" until the context has 4 tokens, then "end"
        Sampler.NextTokenLogits model = context -> {
            assertThat(context[0]).isEqualTo(Sampler.START);
            double[] logits = new double[6];
            java.util.Arrays.fill(logits, Double.NEGATIVE_INFINITY);
            logits[context.length < 4 ? context.length : Sampler.END] = 0;
            return Tensor.of(logits);
        };
        SplittableRandom random = new SplittableRandom(1);
        assertThat(new Sampler().generate(model, 20, random)).containsExactly(1, 2, 3);
        assertThat(new Sampler().generate(model, 2, random)).containsExactly(1, 2);
        assertThat(new Sampler().generate(model, 0, random)).isEmpty();
    }

    @Test
    void contextIsTheLastTokensPaddedWithTheStartToken() {
        assertThat(Sampler.context(new int[] {0, 5}, 3)).containsExactly(0, 0, 5);
        assertThat(Sampler.context(new int[] {1, 2, 3, 4}, 3)).containsExactly(2, 3, 4);
    }

    @Test
    void badProbabilitiesLogitsAndSettingsAreRejected() {
        SplittableRandom random = new SplittableRandom(0);
        assertThatThrownBy(() -> Sampler.multinomial(Tensor.of(new double[] {0.5, -0.1, 0.6}), random))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sampler.multinomial: probabilities[1] = -0.1; every probability must be finite and ≥ 0 "
                        + "(did you pass logits? use sample)");
        assertThatThrownBy(() -> Sampler.multinomial(Tensor.of(new double[] {0.5, Double.NaN}), random))
                .hasMessage("Sampler.multinomial: probabilities[1] = NaN; NaN and +∞ cannot be sampled from");
        assertThatThrownBy(() -> Sampler.multinomial(Tensor.of(new double[] {Double.POSITIVE_INFINITY}), random))
                .hasMessageContaining("probabilities[0] = Infinity");
        assertThatThrownBy(() -> Sampler.multinomial(Tensor.of(new double[] {0, 0}), random))
                .hasMessage("Sampler.multinomial: the probabilities are all 0; nothing can be drawn");
        assertThatThrownBy(() -> Sampler.multinomial(Tensor.zeros(2, 2), random))
                .hasMessage("Sampler.multinomial: the probabilities must be a non-empty vector (n,), got shape (2, 2)");
        assertThatThrownBy(() -> Sampler.multinomial(Tensor.zeros(0), random)).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> new Sampler().sample(Tensor.of(new double[] {Double.NEGATIVE_INFINITY}), random))
                .hasMessage("Sampler: every entry of the logits is −∞; nothing can be drawn");
        assertThatThrownBy(() -> new Sampler().sample(Tensor.of(new double[] {1, Double.NaN}), random))
                .hasMessageContaining("logits[1] = NaN");
        assertThatThrownBy(() -> new Sampler(-1, 0)).hasMessageContaining("temperature must be finite and ≥ 0, got -1.0");
        assertThatThrownBy(() -> new Sampler(Double.NaN, 0)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> new Sampler(1, -2)).hasMessageContaining("top-k must be ≥ 0");
        assertThat(new Sampler(0.8, 5)).hasToString("Sampler(temperature=0.8, topK=5)");
    }

    @Test
    void generatesFromAGpt() {
        GPT gpt = new GPT(new GPT.Config(5, 4, 1, 1, 4, 0.0), new Random(1));
        gpt.eval();
        int[] tokens = new Sampler().generate(gpt::nextTokenLogits, 12, new SplittableRandom(2));
        assertThat(tokens.length).isLessThanOrEqualTo(12);
        assertThat(java.util.Arrays.stream(tokens).allMatch(t -> t >= 1 && t < 5)).isTrue();
        assertThat(new Sampler().generate(gpt::nextTokenLogits, 12, new SplittableRandom(2))).containsExactly(tokens);
    }
}
