package gradschool.examples.language;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.nn.BatchNorm1d;
import gradschool.nn.Layer;
import gradschool.nn.Linear;
import gradschool.nn.Parameter;
import java.util.Random;

/**
 * The MLP language model of Bengio et al. (2003) as the makemore lectures build it: look up an
 * embedding for each of the last {@code blockSize} symbols, concatenate them, one tanh hidden layer,
 * logits for the next symbol.
 *
 * <pre>{@code
 * emb = C[X]                              // (n, blockSize, d): one row of C per context symbol
 * h   = tanh(emb.view(n, blockSize·d) @ W1 + b1)
 * logits = h @ W2 + b2                    // (n, 27)
 * }</pre>
 *
 * <p>{@link #withBatchNorm} makes the third lecture's version: the hidden Linear has no bias (the
 * batch norm's β takes its place), a {@link BatchNorm1d} normalizes the pre-activations before the tanh,
 * W1 is drawn from N(0, 1) scaled by the Kaiming gain for tanh, {@code (5/3)/√fanIn}, and the output
 * layer starts small (W2 ·0.01, b2 = 0) so that the first logits are nearly equal and the first loss
 * is about ln 27 = 3.30. Reference: Y. Bengio, R. Ducharme, P. Vincent, C. Jauvin, "A Neural
 * Probabilistic Language Model", JMLR 3 (2003).
 */
public final class MlpLanguageModel extends Layer {

    private final int blockSize;
    private final Parameter embedding;
    private final Linear hidden;
    private final BatchNorm1d normalization;
    private final Linear output;

    private MlpLanguageModel(Tensor table, int blockSize, Linear hidden, BatchNorm1d normalization, Linear output) {
        this.blockSize = blockSize;
        this.embedding = registerParameter("C", new Parameter(table));
        this.hidden = registerLayer("hidden", hidden);
        this.normalization = normalization == null ? null : registerLayer("bn", normalization);
        this.output = registerLayer("output", output);
    }

    /**
     * The second lecture's model: C from N(0, 1), the two Linear layers with PyTorch's default
     * initialisation U(−1/√fanIn, 1/√fanIn) (the lecture draws them from N(0, 1) too; the third
     * lecture shows why that hurts).
     *
     * @param random the generator for C; the Linear layers draw from {@code Init.generator()}
     * @param vocabularySize 27
     * @param blockSize the context length (3)
     * @param embeddingSize the dimension d of each symbol's embedding (10, or 2 for a picture)
     * @param hiddenSize the number of tanh units (200)
     * @return the model
     */
    public static MlpLanguageModel of(Random random, int vocabularySize, int blockSize, int embeddingSize,
                                      int hiddenSize) {
        return new MlpLanguageModel(Tensor.randn(random, vocabularySize, embeddingSize), blockSize,
                new Linear(blockSize * embeddingSize, hiddenSize), null, new Linear(hiddenSize, vocabularySize));
    }

    /**
     * The third lecture's model: the same with batch normalization and the initialisation fixes (see
     * the class comment). All parameters come from {@code random}, in the lecture's order: C, W1, W2.
     *
     * @param random the generator
     * @param vocabularySize 27
     * @param blockSize the context length (3)
     * @param embeddingSize d (10)
     * @param hiddenSize the number of tanh units (200)
     * @param momentum the batch norm's running-statistics momentum (the lecture uses 0.001)
     * @return the model
     */
    public static MlpLanguageModel withBatchNorm(Random random, int vocabularySize, int blockSize, int embeddingSize,
                                                 int hiddenSize, double momentum) {
        int fanIn = blockSize * embeddingSize;
        Tensor table = Tensor.randn(random, vocabularySize, embeddingSize);
        Linear hidden = Linear.withoutBias(fanIn, hiddenSize);
        hidden.weight().value().copyFrom(Tensor.randn(random, hiddenSize, fanIn).mul(5.0 / 3 / Math.sqrt(fanIn)));
        Linear output = new Linear(hiddenSize, vocabularySize);
        output.weight().value().copyFrom(Tensor.randn(random, vocabularySize, hiddenSize).mul(0.01));
        output.bias().value().fill(0);
        return new MlpLanguageModel(table, blockSize, hidden,
                new BatchNorm1d(hiddenSize, BatchNorm1d.DEFAULT_EPS, momentum), output);
    }

    /**
     * Looks up the embeddings of a batch of contexts and concatenates each context's:
     * {@code C[X].view(n, blockSize·d)}.
     *
     * @param contexts {@code (n, blockSize)} symbol indices
     * @return {@code (n, blockSize·d)}
     */
    public Variable embed(Variable contexts) {
        int n = contexts.shape().dim(0);
        return embedding.indexSelect(LanguageModels.indices(contexts.value())).reshape(n, -1);
    }

    /**
     * Computes the hidden layer's pre-activations: {@code emb @ W1 + b1}, then the batch norm if the
     * model has one.
     *
     * @param contexts {@code (n, blockSize)}
     * @return {@code (n, hidden)}
     */
    public Variable preActivations(Variable contexts) {
        Variable preActivation = hidden.forward(embed(contexts));
        return normalization == null ? preActivation : normalization.forward(preActivation);
    }

    /**
     * Computes the logits of the next symbol.
     *
     * @param contexts {@code (n, blockSize)} symbol indices (as doubles)
     * @return {@code (n, 27)}
     */
    @Override
    public Variable forward(Variable contexts) {
        if (contexts.rank() != 2 || contexts.shape().dim(1) != blockSize) {
            throw new IllegalArgumentException("MlpLanguageModel: contexts must have shape (n, " + blockSize
                    + "), got " + contexts.shape());
        }
        return output.forward(preActivations(contexts).tanh());
    }

    /**
     * Returns the embedding table C, {@code (27, d)}.
     *
     * @return C
     */
    public Parameter embedding() {
        return embedding;
    }

    @Override
    protected String describeSettings() {
        return "blockSize=" + blockSize;
    }
}
