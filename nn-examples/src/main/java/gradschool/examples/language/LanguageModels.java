package gradschool.examples.language;

import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.data.TensorDataset;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.Layer;
import java.util.Random;

/**
 * What the makemore lessons share: symbol indices out of a tensor, the lectures' random minibatch
 * rows, the loss over a whole split in evaluation mode, and the probabilities of the next letter for
 * sampling.
 */
public final class LanguageModels {

    /** Rows per forward pass when a whole split is measured (keeps the memory small). */
    static final int EVALUATION_CHUNK = 8192;

    private LanguageModels() {
    }

    /**
     * Returns a tensor of symbol indices (stored as doubles, as {@code Names.contextWindows} makes
     * them) as an {@code int} array, in row-major order: the indices {@code C[X]} looks up.
     *
     * @param symbols any shape; whole numbers
     * @return the indices, flattened
     */
    public static int[] indices(Tensor symbols) {
        double[] values = symbols.toDoubleArray();
        int[] result = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (int) values[i];
        }
        return result;
    }

    /**
     * The lectures' {@code ix = torch.randint(0, n, (batchSize,), generator=g)}: rows drawn uniformly,
     * with replacement.
     *
     * @param random the generator
     * @param n the number of rows to draw from
     * @param batchSize how many
     * @return the row numbers
     */
    public static int[] randomRows(Random random, int n, int batchSize) {
        int[] rows = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            rows[i] = random.nextInt(n);
        }
        return rows;
    }

    /**
     * The mean cross-entropy of a model over a whole split, in evaluation mode and without building a
     * graph (the lectures' {@code @torch.no_grad() split_loss}); the model is put back in training
     * mode afterwards. The split is fed in chunks of {@value #EVALUATION_CHUNK} rows, which gives the
     * same mean, since evaluation mode makes each row's output independent of the others.
     *
     * @param model maps contexts {@code (n, blockSize)} to logits {@code (n, 27)}
     * @param split contexts and next symbols
     * @return the mean negative log-likelihood per symbol
     */
    public static double loss(Layer model, TensorDataset split) {
        model.eval();
        try (GradMode.Scope noGrad = GradMode.off()) {
            CrossEntropyLoss crossEntropy = new CrossEntropyLoss();
            int n = split.size();
            double total = 0;
            for (int from = 0; from < n; from += EVALUATION_CHUNK) {
                int to = Math.min(n, from + EVALUATION_CHUNK);
                Variable logits = model.forward(split.inputs().slice(0, from, to));
                total += crossEntropy.forward(logits, split.targets().slice(0, from, to)).item() * (to - from);
            }
            return total / n;
        } finally {
            model.train();
        }
    }

    /**
     * Samples names from a model that maps a context to logits, in evaluation mode and without a graph.
     *
     * @param model maps contexts {@code (1, blockSize)} to logits {@code (1, 27)}
     * @param blockSize the context length
     * @param random the generator
     * @param count how many names
     * @return the names, space-separated
     */
    public static String sampleNames(Layer model, int blockSize, Random random, int count) {
        model.eval();
        try (GradMode.Scope noGrad = GradMode.off()) {
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < count; i++) {
                names.append(i == 0 ? "" : " ").append(Sampling.name(random, context -> {
                    double[] symbols = new double[blockSize];
                    for (int j = 0; j < blockSize; j++) {
                        symbols[j] = context[j];
                    }
                    Tensor x = Tensor.of(new double[][] {symbols});
                    return model.forward(x).value().softmax(1).toDoubleArray();
                }, blockSize));
            }
            return names.toString();
        } finally {
            model.train();
        }
    }
}
