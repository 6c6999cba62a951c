package gradschool.examples.language;

import gradschool.data.CharVocabulary;
import java.util.Random;
import java.util.function.Function;

/**
 * Drawing names from a language model, one letter at a time: the lectures' {@code torch.multinomial}
 * loop, with a {@link Random} seeded by the caller so that the same seed gives the same names.
 *
 * <pre>{@code
 * Random g = new Random(2147483647L);
 * String name = Sampling.name(g, context -> probabilities[context[0]], 1);   // a bigram model
 * }</pre>
 */
public final class Sampling {

    /** Names longer than this stop there (a trained model ends a name long before). */
    public static final int MAX_LETTERS = 50;

    private Sampling() {
    }

    /**
     * Draws one index from a probability distribution (inverse transform sampling): the first
     * {@code i} whose cumulative probability {@code p₀ + … + pᵢ} exceeds a uniform number in [0, 1).
     *
     * @param random the generator
     * @param probabilities non-negative, summing to 1 (up to rounding)
     * @return the drawn index
     */
    public static int draw(Random random, double[] probabilities) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return i;
            }
        }
        return probabilities.length - 1;   // u landed in the rounding error above the last sum
    }

    /**
     * Samples a name: starts from a context of {@code blockSize} start symbols ({@code '.'}), draws
     * the next letter from the model's distribution, shifts it into the context, and stops at the end
     * symbol.
     *
     * @param random the generator
     * @param model the probabilities of the next symbol (27 of them) given the context (symbol indices)
     * @param blockSize how many previous symbols the model sees
     * @return the name, without the end symbol
     */
    public static String name(Random random, Function<int[], double[]> model, int blockSize) {
        int[] context = new int[blockSize];   // all '.' = 0
        StringBuilder name = new StringBuilder();
        while (name.length() < MAX_LETTERS) {
            int next = draw(random, model.apply(context.clone()));
            if (next == CharVocabulary.BOUNDARY_INDEX) {
                break;
            }
            name.append(CharVocabulary.LETTERS.character(next));
            System.arraycopy(context, 1, context, 0, blockSize - 1);
            context[blockSize - 1] = next;
        }
        return name.toString();
    }
}
