package gradschool.nn;

import gradschool.autograd.Variable;
import java.util.random.RandomGenerator;

/**
 * A pre-LayerNorm Transformer block, as in GPT-2, minGPT and makemore: attention, then a position-wise
 * MLP, each on a normalized copy of the stream and added back to it.
 *
 * <pre>{@code
 * TransformerBlock block = new TransformerBlock(64, 4, 16, 0.0);
 * Variable y = block.forward(x);                 // x (B, T, 64) → y (B, T, 64)
 * }</pre>
 *
 * <p>Formula: {@code x = x + attn(ln_1(x))}, then {@code x = x + mlp(ln_2(x))} with
 * {@code mlp(u) = dropout(c_proj(GELU(c_fc(u))))}, {@code c_fc: C → 4C}, {@code c_proj: 4C → C}. The
 * residual additions let the gradient reach early layers unchanged. Parameter names follow makemore
 * ({@code ln_1}, {@code attn}, {@code ln_2}, {@code mlp.c_fc}, {@code mlp.c_proj}). The activation is
 * {@code new GELU()} (exact, PyTorch's {@code nn.GELU()} default) unless a constructor is given
 * {@link GELU.Approximate#TANH}, the form of makemore's {@code NewGELU} and GPT-2, which differs from
 * the exact one by less than 1e-3 (and costs a tanh instead of an erf). The MLP's dropout is minGPT's (makemore has none:
 * {@code dropout = 0}). Derivative: from the ops it is built of. Reference: Radford et al., 2019 (GPT-2);
 * karpathy/makemore {@code Block}.
 */
public class TransformerBlock extends Layer {

    private final LayerNorm norm1;
    private final CausalSelfAttention attention;
    private final LayerNorm norm2;
    private final Layer mlp;

    /**
     * The position-wise MLP {@code C → 4C → GELU → C}, then dropout; registered as {@code mlp}.
     */
    private static final class MLP extends Layer {
        private final Linear expand;
        private final Linear contract;
        private final GELU activation;
        private final Dropout dropout;

        MLP(int embedDim, double dropoutProbability, GELU.Approximate gelu, RandomGenerator random) {
            // makemore's ModuleDict order: c_fc, c_proj, act
            this.expand = registerLayer("c_fc", new Linear(embedDim, 4 * embedDim, random));
            this.contract = registerLayer("c_proj", new Linear(4 * embedDim, embedDim, random));
            this.activation = registerLayer("act", new GELU(gelu));
            this.dropout = registerLayer("dropout", new Dropout(dropoutProbability, random));
        }

        @Override
        public Variable forward(Variable input) {
            return dropout.forward(contract.forward(activation.forward(expand.forward(input))));
        }
    }

    /**
     * Makes the block, initialised from the current thread's generator ({@link Init#generator()}).
     *
     * @param embedDim {@code C}; a multiple of {@code numHeads}
     * @param numHeads the number of attention heads
     * @param blockSize the longest sequence accepted
     * @param dropout the dropout probability (attention weights, attention output, MLP output), in {@code [0, 1)}
     */
    public TransformerBlock(int embedDim, int numHeads, int blockSize, double dropout) {
        this(embedDim, numHeads, blockSize, dropout, Init.generator());
    }

    /**
     * Makes the block, initialised (and its dropout masks drawn) from the given generator.
     *
     * @param embedDim {@code C}; a multiple of {@code numHeads}
     * @param numHeads the number of attention heads
     * @param blockSize the longest sequence accepted
     * @param dropout the dropout probability (attention weights, attention output, MLP output), in {@code [0, 1)}
     * @param random the generator
     */
    public TransformerBlock(int embedDim, int numHeads, int blockSize, double dropout, RandomGenerator random) {
        this(embedDim, numHeads, blockSize, dropout, GELU.Approximate.NONE, random);
    }

    /**
     * Makes the block with the given form of the GELU, initialised (and its dropout masks drawn) from the
     * given generator.
     *
     * @param embedDim {@code C}; a multiple of {@code numHeads}
     * @param numHeads the number of attention heads
     * @param blockSize the longest sequence accepted
     * @param dropout the dropout probability (attention weights, attention output, MLP output), in {@code [0, 1)}
     * @param gelu the MLP's activation: {@link GELU.Approximate#NONE} (exact) or {@link GELU.Approximate#TANH}
     *     (makemore's {@code NewGELU})
     * @param random the generator
     */
    public TransformerBlock(int embedDim, int numHeads, int blockSize, double dropout, GELU.Approximate gelu,
                            RandomGenerator random) {
        this.norm1 = registerLayer("ln_1", new LayerNorm(embedDim));
        this.attention = registerLayer("attn", new CausalSelfAttention(embedDim, numHeads, blockSize, dropout, random));
        this.norm2 = registerLayer("ln_2", new LayerNorm(embedDim));
        this.mlp = registerLayer("mlp", new MLP(embedDim, dropout, gelu, random));
    }

    /**
     * Computes {@code x + attn(ln_1(x))}, then adds {@code mlp(ln_2(·))} of that.
     *
     * @param input shape {@code (B, T, C)}
     * @return shape {@code (B, T, C)}
     */
    @Override
    public Variable forward(Variable input) {
        Variable x = input.add(attention.forward(norm1.forward(input)));
        return x.add(mlp.forward(norm2.forward(x)));
    }

    /**
     * Returns the attention layer, e.g. for its {@link CausalSelfAttention#lastAttention()}.
     *
     * @return the layer
     */
    public CausalSelfAttention attention() {
        return attention;
    }
}
