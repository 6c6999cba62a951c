package gradschool.nn;

import gradschool.core.Tensor;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Drawing tokens from a language model: multinomial sampling from probabilities, with a temperature and
 * an optional top-k, and generation from the start token until the end token.
 *
 * <pre>{@code
 * RandomGenerator random = new SplittableRandom(2147483647);         // the caller owns the seed
 * int next = Sampler.multinomial(probabilities, random);             // like torch.multinomial(p, 1)
 * Sampler sampler = new Sampler(0.8, 5);                             // temperature 0.8, the 5 best tokens only
 * model.eval();
 * int[] name = sampler.generate(model::nextTokenLogits, 20, random); // tokens between "." and "."
 * }</pre>
 *
 * <p>From logits {@code l}: divide by the temperature {@code τ}, keep the {@code k} largest (the others
 * become −∞), then {@code p = softmax(l/τ)} and draw one index with probability {@code p_i} — makemore's
 * {@code generate}. {@code τ < 1} sharpens the distribution, {@code τ > 1} flattens it, and {@code τ = 0}
 * is the limit: the most likely token every time (greedy decoding).
 *
 * <p>Choices, stated because they decide ties: with {@code τ = 0} the lowest index among equal largest
 * logits wins (as {@code torch.argmax} returns the first maximum); top-k keeps exactly {@code k} entries,
 * the lowest indices among equal logits at the boundary (makemore's {@code logits < v[:, [-1]]} keeps
 * every entry tied with the {@code k}-th, which can be more than {@code k}). Weights for
 * {@link #multinomial} need not sum to 1 (as for {@code torch.multinomial}), but must be finite, not
 * negative, and not all zero; an entry of weight 0 is never drawn. The draws come from the generator the
 * caller passes, so a seeded generator gives the same tokens every run (not PyTorch's tokens: its
 * generator is different).
 */
public final class Sampler {

    /** The start token, and the end token: makemore's {@code .}, index 0. */
    public static final int START = 0;
    /** The end token, the same index as {@link #START}. */
    public static final int END = 0;

    private final double temperature;
    private final int topK;

    /**
     * The model being sampled: the scores for the token after a context.
     */
    @FunctionalInterface
    public interface NextTokenLogits {
        /**
         * Returns the logits for the next token.
         *
         * @param context the tokens so far, beginning with {@link #START}
         * @return the logits, shape {@code (vocabSize,)}
         */
        Tensor logits(int[] context);
    }

    /** Makes a sampler with temperature 1 and no top-k: plain sampling from the model's distribution. */
    public Sampler() {
        this(1.0, 0);
    }

    /**
     * Makes a sampler with a temperature and a top-k.
     *
     * @param temperature {@code τ ≥ 0}; 1 leaves the distribution alone, 0 takes the most likely token
     * @param topK how many of the largest logits may be drawn; 0 for all of them
     * @throws IllegalArgumentException if the temperature is negative or not finite, or {@code topK} is negative
     */
    public Sampler(double temperature, int topK) {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("Sampler: the temperature must be finite and ≥ 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("Sampler: top-k must be ≥ 0 (0 for all tokens), got " + topK);
        }
        this.temperature = temperature;
        this.topK = topK;
    }

    /**
     * Draws one index with probability proportional to its weight, like {@code torch.multinomial(p, 1)}:
     * {@code u} uniform in {@code [0, Σw)}, then the first index whose running sum of weights exceeds
     * {@code u}.
     *
     * @param probabilities the weights, shape {@code (n,)}: finite, ≥ 0, not all 0 (they need not sum to 1)
     * @param random the generator
     * @return an index in {@code 0..n-1} whose weight is positive
     * @throws IllegalArgumentException naming the first bad entry, or the shape
     */
    public static int multinomial(Tensor probabilities, RandomGenerator random) {
        double[] weights = checkedVector("Sampler.multinomial", "probabilities", probabilities);
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("Sampler.multinomial: probabilities[" + i + "] = " + weights[i]
                        + "; every probability must be finite and ≥ 0 (did you pass logits? use sample)");
            }
            total += weights[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("Sampler.multinomial: the probabilities are all 0; nothing can be drawn");
        }
        return draw(weights, total, random);
    }

    /** The first index whose running sum exceeds u ~ U[0, total), skipping weights of 0. */
    private static int draw(double[] weights, double total, RandomGenerator random) {
        double u = random.nextDouble() * total;
        double running = 0;
        int lastPositive = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                running += weights[i];
                lastPositive = i;
                if (u < running) {
                    return i;
                }
            }
        }
        return lastPositive;   // u rounded up to the total: the last token that can be drawn
    }

    /**
     * Returns the distribution this sampler draws from for some logits: top-k, then
     * {@code softmax(l / τ)}; for {@code τ = 0}, 1 at the first largest logit and 0 elsewhere.
     *
     * @param logits shape {@code (n,)}; −∞ allowed (a token ruled out), NaN and +∞ not
     * @return probabilities, shape {@code (n,)}, summing to 1
     * @throws IllegalArgumentException naming a bad entry, or if every logit is −∞
     */
    public Tensor probabilities(Tensor logits) {
        double[] values = checkedVector("Sampler", "logits", logits);
        double[] kept = topK == 0 || topK >= values.length ? values.clone() : keepTopK(values, topK);
        int best = firstLargest(kept);
        double[] p = new double[kept.length];
        if (temperature == 0) {
            p[best] = 1;
            return Tensor.of(p);
        }
        double total = 0;
        for (int i = 0; i < kept.length; i++) {
            p[i] = Math.exp((kept[i] - kept[best]) / temperature);   // shifted by the max: no overflow; e^−∞ = 0
            total += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= total;
        }
        return Tensor.of(p);
    }

    /**
     * Draws the next token from logits: top-k, temperature, softmax, then {@link #multinomial}; with
     * {@code τ = 0}, the first largest logit without drawing.
     *
     * @param logits shape {@code (n,)}
     * @param random the generator
     * @return a token index
     */
    public int sample(Tensor logits, RandomGenerator random) {
        Tensor p = probabilities(logits);
        if (temperature == 0) {
            return firstLargest(p.toDoubleArray());
        }
        double[] weights = p.toDoubleArray();
        return draw(weights, Arrays.stream(weights).sum(), random);   // the sum, 1 up to rounding
    }

    /**
     * Generates one sequence: starts from {@link #START}, asks the model for the next token's logits given
     * everything so far, samples, and stops at {@link #END} or after {@code maxLength} tokens.
     *
     * @param model the scores for the next token given the context (e.g. {@code gpt::nextTokenLogits})
     * @param maxLength the most tokens to generate
     * @param random the generator
     * @return the generated tokens, without the start token and without the end token
     */
    public int[] generate(NextTokenLogits model, int maxLength, RandomGenerator random) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("Sampler.generate: maxLength must be ≥ 0, got " + maxLength);
        }
        int[] sequence = new int[maxLength + 1];
        sequence[0] = START;
        int length = 1;
        while (length <= maxLength) {
            int next = sample(model.logits(Arrays.copyOf(sequence, length)), random);
            if (next == END) {
                break;
            }
            sequence[length++] = next;
        }
        return Arrays.copyOfRange(sequence, 1, length);
    }

    /**
     * Returns the last {@code size} tokens of a sequence, padded on the left with {@link #START}: the
     * fixed context window of the MLP models ({@code [0, 0, 0]} at the start of a name for block size 3).
     *
     * @param sequence the tokens so far
     * @param size the window's length
     * @return a new array of {@code size} tokens
     */
    public static int[] context(int[] sequence, int size) {
        int[] window = new int[size];
        Arrays.fill(window, START);
        int copied = Math.min(size, sequence.length);
        System.arraycopy(sequence, sequence.length - copied, window, size - copied, copied);
        return window;
    }

    /** Keeps the k largest entries (the lowest indices among ties at the boundary); the rest become −∞. */
    private static double[] keepTopK(double[] values, int k) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));   // stable: equal values keep index order
        double[] kept = new double[values.length];
        Arrays.fill(kept, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < k; r++) {
            kept[order[r]] = values[order[r]];
        }
        return kept;
    }

    /** The lowest index of the largest entry. */
    private static int firstLargest(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The entries of a non-empty 1-D tensor; rejects NaN and +∞, and a vector of only −∞. */
    private static double[] checkedVector(String where, String what, Tensor vector) {
        if (vector.rank() != 1 || vector.size() == 0) {
            throw new IllegalArgumentException(where + ": the " + what + " must be a non-empty vector (n,), got shape "
                    + vector.shape());
        }
        double[] values = vector.toDoubleArray();
        boolean anyFinite = false;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i]) || values[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(where + ": " + what + "[" + i + "] = " + values[i]
                        + "; NaN and +∞ cannot be sampled from");
            }
            anyFinite |= values[i] != Double.NEGATIVE_INFINITY;
        }
        if (!anyFinite) {
            throw new IllegalArgumentException(where + ": every entry of the " + what + " is −∞; nothing can be drawn");
        }
        return values;
    }

    /**
     * Returns the temperature.
     *
     * @return {@code τ}
     */
    public double temperature() {
        return temperature;
    }

    /**
     * Returns the top-k.
     *
     * @return {@code k}, or 0 for all tokens
     */
    public int topK() {
        return topK;
    }

    @Override
    public String toString() {
        return "Sampler(temperature=" + temperature + ", topK=" + (topK == 0 ? "all" : topK) + ")";
    }
}
