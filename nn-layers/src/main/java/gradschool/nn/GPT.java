package gradschool.nn;

import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A GPT-style language model: token and position embeddings, a stack of {@link TransformerBlock}s, a
 * final LayerNorm and a linear head to one score per vocabulary entry — makemore's {@code Transformer}.
 *
 * <pre>{@code
 * GPT model = new GPT(GPT.Config.makemore(27, 16));       // 4 layers, 4 heads, 64-d embeddings, tanh GELU
 * Variable logits = model.forward(tokens);                // tokens (B, T) of indices → (B, T, 27)
 * Tensor next = model.nextTokenLogits(new int[] {0, 5});  // scores for the token after ".e", shape (27,)
 * }</pre>
 *
 * <p>Formula, for tokens {@code idx (B, T)}, {@code T ≤ blockSize}:
 * <pre>
 * x = wte[idx] + wpe[0 … T−1]          (B, T, C): token embedding plus position embedding (broadcast over B)
 * x = dropout(x)
 * x = h_{L−1}( … h_0(x))                the blocks
 * logits = ln_f(x)·W_headᵀ             (B, T, vocab), no bias
 * </pre>
 *
 * <p>makemore's conventions, kept here: the head {@code lm_head} has no bias; no weight tying between
 * {@code wte} and {@code lm_head}; PyTorch's default initialisation everywhere (Embedding N(0, 1), Linear
 * U(±1/√in), LayerNorm ones/zeros — no GPT-2-style N(0, 0.02)); no dropout (makemore has none; the
 * embedding dropout here is minGPT's, off at {@code dropout = 0}); the model sees at most
 * {@code blockSize} tokens. Parameter names are makemore's without its {@code transformer.} prefix
 * ({@code wte.weight}, {@code h.0.attn.c_attn.weight}, {@code ln_f.weight}, {@code lm_head.weight}).
 * makemore prints its size without {@code lm_head}; {@link #parameterCount()} counts every parameter.
 * Derivative: from the layers it is built of. Reference: karpathy/makemore {@code makemore.py}.
 */
public class GPT extends Layer {

    /**
     * The model's sizes.
     *
     * @param vocabSize the number of tokens (27 for makemore's names: {@code .} and a–z)
     * @param blockSize the longest context, in tokens
     * @param numLayers the number of blocks
     * @param numHeads the attention heads per block
     * @param embedDim {@code C}, a multiple of {@code numHeads}
     * @param dropout the dropout probability, in {@code [0, 1)} (0 in makemore)
     * @param gelu the blocks' activation: {@link GELU.Approximate#NONE}, the exact GELU (PyTorch's
     *     {@code nn.GELU()} default), or {@link GELU.Approximate#TANH}, makemore's and GPT-2's {@code NewGELU}
     */
    public record Config(int vocabSize, int blockSize, int numLayers, int numHeads, int embedDim, double dropout,
                         GELU.Approximate gelu) {

        /**
         * Checks the sizes.
         *
         * @param vocabSize the number of tokens
         * @param blockSize the longest context, in tokens
         * @param numLayers the number of blocks
         * @param numHeads the attention heads per block
         * @param embedDim {@code C}, a multiple of {@code numHeads}
         * @param dropout the dropout probability, in {@code [0, 1)}
         * @param gelu the blocks' activation form
         * @throws IllegalArgumentException naming the sizes if one is not positive, the heads do not divide
         *     {@code C}, the dropout is outside {@code [0, 1)} or the form is null
         */
        public Config {
            if (vocabSize <= 0 || blockSize <= 0 || numLayers <= 0 || numHeads <= 0 || embedDim <= 0
                    || embedDim % numHeads != 0 || !(dropout >= 0 && dropout < 1) || gelu == null) {
                throw new IllegalArgumentException("GPT.Config: needs positive sizes, embedDim a multiple of numHeads, "
                        + "dropout in [0, 1) and a GELU form, got " + this);
            }
        }

        /**
         * The sizes with the exact GELU, PyTorch's {@code nn.GELU()} default.
         *
         * @param vocabSize the number of tokens
         * @param blockSize the longest context, in tokens
         * @param numLayers the number of blocks
         * @param numHeads the attention heads per block
         * @param embedDim {@code C}, a multiple of {@code numHeads}
         * @param dropout the dropout probability, in {@code [0, 1)}
         */
        public Config(int vocabSize, int blockSize, int numLayers, int numHeads, int embedDim, double dropout) {
            this(vocabSize, blockSize, numLayers, numHeads, embedDim, dropout, GELU.Approximate.NONE);
        }

        /**
         * Returns makemore's default Transformer: 4 layers, 4 heads, 64-d embeddings, no dropout, and
         * makemore's {@code NewGELU}, the tanh form of the GELU.
         *
         * @param vocabSize the number of tokens
         * @param blockSize the longest context
         * @return the configuration
         */
        public static Config makemore(int vocabSize, int blockSize) {
            return new Config(vocabSize, blockSize, 4, 4, 64, 0.0, GELU.Approximate.TANH);
        }

        /**
         * Returns the same sizes with another dropout probability.
         *
         * @param probability the dropout probability, in {@code [0, 1)}
         * @return the configuration
         */
        public Config withDropout(double probability) {
            return new Config(vocabSize, blockSize, numLayers, numHeads, embedDim, probability, gelu);
        }
    }

    private final Config config;
    private final Embedding tokenEmbedding;
    private final Embedding positionEmbedding;
    private final Dropout embeddingDropout;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Linear head;

    /**
     * Makes the model, initialised from the current thread's generator ({@link Init#generator()}).
     *
     * @param config the sizes
     */
    public GPT(Config config) {
        this(config, Init.generator());
    }

    /**
     * Makes the model, initialised (and its dropout masks drawn) from the given generator.
     *
     * @param config the sizes
     * @param random the generator
     */
    public GPT(Config config, RandomGenerator random) {
        this.config = config;
        this.tokenEmbedding = registerLayer("wte", new Embedding(config.vocabSize(), config.embedDim(), random));
        this.positionEmbedding = registerLayer("wpe", new Embedding(config.blockSize(), config.embedDim(), random));
        this.embeddingDropout = registerLayer("drop", new Dropout(config.dropout(), random));
        Sequential stack = registerLayer("h", new Sequential());
        for (int i = 0; i < config.numLayers(); i++) {
            TransformerBlock block = new TransformerBlock(config.embedDim(), config.numHeads(), config.blockSize(),
                    config.dropout(), config.gelu(), random);
            blocks.add(block);
            stack.add(block);
        }
        this.finalNorm = registerLayer("ln_f", new LayerNorm(config.embedDim()));
        this.head = registerLayer("lm_head", Linear.withoutBias(config.embedDim(), config.vocabSize(), random));
    }

    /**
     * Computes the next-token scores at every position.
     *
     * @param tokens token indices (whole numbers in {@code 0..vocabSize-1}), shape {@code (B, T)}, {@code 1 ≤ T ≤ blockSize}
     * @return logits, shape {@code (B, T, vocabSize)}: position {@code t}'s scores for the token after it,
     *     which depend only on tokens {@code 0 … t}
     * @throws IllegalArgumentException naming the shape if it is not {@code (B, T)} with {@code T ≤ blockSize},
     *     or naming a bad token and its position
     */
    @Override
    public Variable forward(Variable tokens) {
        if (tokens.rank() != 2 || tokens.shape().dim(1) == 0 || tokens.shape().dim(1) > config.blockSize()) {
            throw new IllegalArgumentException("GPT: the tokens must have shape (B, T) with 1 ≤ T ≤ " + config.blockSize()
                    + " (the block size), but have shape " + tokens.shape());
        }
        int steps = tokens.shape().dim(1);
        int[] positions = new int[steps];
        for (int t = 0; t < steps; t++) {
            positions[t] = t;
        }
        Variable x = tokenEmbedding.forward(tokens).add(positionEmbedding.forward(positions));  // (B,T,C) + (T,C)
        x = embeddingDropout.forward(x);
        for (TransformerBlock block : blocks) {
            x = block.forward(x);
        }
        return head.forward(finalNorm.forward(x));
    }

    /**
     * Returns the scores for the token after a context, without recording a graph: the last
     * {@code blockSize} tokens of the context go through {@link #forward} as a batch of one, and the
     * last position's logits come back. Use it with {@link Sampler#generate}; call {@link #eval()} first
     * if the model has dropout.
     *
     * @param context the tokens so far (at least one, e.g. the start token 0)
     * @return shape {@code (vocabSize,)}
     */
    public Tensor nextTokenLogits(int[] context) {
        if (context.length == 0) {
            throw new IllegalArgumentException("GPT.nextTokenLogits: the context is empty; start it with the start token");
        }
        int steps = Math.min(context.length, config.blockSize());
        double[] window = new double[steps];
        for (int t = 0; t < steps; t++) {
            window[t] = context[context.length - steps + t];     // makemore crops to the last blockSize tokens
        }
        try (GradMode.Scope off = GradMode.off()) {
            Tensor logits = forward(Tensor.of(new double[][] {window})).value();   // (1, T, vocab)
            return logits.select(0, 0).select(0, steps - 1).copy();
        }
    }

    /**
     * Returns the blocks in order, e.g. for a block's {@code attention().lastAttention()}.
     *
     * @return an unmodifiable list
     */
    public List<TransformerBlock> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    /**
     * Returns the sizes.
     *
     * @return the configuration
     */
    public Config config() {
        return config;
    }

    /**
     * Returns {@code wte}, the token embedding {@code (vocabSize, C)}.
     *
     * @return the layer
     */
    public Embedding tokenEmbedding() {
        return tokenEmbedding;
    }

    /**
     * Returns {@code wpe}, the position embedding {@code (blockSize, C)}.
     *
     * @return the layer
     */
    public Embedding positionEmbedding() {
        return positionEmbedding;
    }

    /**
     * Returns {@code lm_head}, the {@code C → vocabSize} head without bias.
     *
     * @return the layer
     */
    public Linear head() {
        return head;
    }

    @Override
    protected String describeSettings() {
        return "vocab=" + config.vocabSize() + ", block=" + config.blockSize() + ", layers=" + config.numLayers()
                + ", heads=" + config.numHeads() + ", embed=" + config.embedDim() + ", dropout=" + config.dropout();
    }
}
