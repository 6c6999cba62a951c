package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.autograd.functions.ScaledDotProductAttention;
import gradschool.core.Tensor;
import java.util.random.RandomGenerator;

/**
 * Multi-head causal self-attention, as in minGPT and makemore: every position looks at itself and the
 * positions before it, never after.
 *
 * <pre>{@code
 * CausalSelfAttention attention = new CausalSelfAttention(64, 4, 16, 0.0);   // C = 64, 4 heads of 16, T ≤ 16
 * Variable y = attention.forward(x);                  // x (B, T, 64) → y (B, T, 64)
 * Tensor weights = attention.lastAttention();         // (B, 4, T, T): row t is where position t looked
 * }</pre>
 *
 * <p>With {@code C = embedDim}, {@code nh = numHeads} and {@code hs = C / nh}:
 * <pre>
 * q, k, v = split(x·W_attnᵀ + b_attn)                           one Linear C → 3C, split in three along the last dimension
 * q, k, v: (B, T, C) → (B, T, nh, hs) → (B, nh, T, hs)           reshape, then permute (0, 2, 1, 3)
 * scores  = q·kᵀ / √hs                                         (B, nh, T, T)
 * scores  = scores.maskedFill(j &gt; t, −∞)                        position t sees only j ≤ t
 * A       = dropout(softmax(scores, last dimension))           each row sums to 1, zeros above the diagonal
 * y       = (A·v): (B, nh, T, hs) → (B, T, nh, hs) → (B, T, C)  permute back, reshape
 * y       = dropout(y·W_projᵀ + b_proj)
 * </pre>
 *
 * <p>The four lines from {@code scores} to {@code A·v} run as one op,
 * {@link ScaledDotProductAttention} (PyTorch's {@code F.scaled_dot_product_attention(q, k, v, dropout_p,
 * is_causal=True)}, which nanoGPT calls): one loop per sample and head forward and one backward,
 * the same numbers to rounding as those ops, which {@code composedAttention} (package-private, used by the
 * tests) still spells out. Its dropout mask is drawn by {@code attn_dropout} ({@link Dropout#mask}), so a
 * seed gives the same masks as before.
 *
 * <p>Choices, all minGPT's/makemore's: one {@code Linear} {@code c_attn} for q, k and v together (its
 * output columns are q's, then k's, then v's), not three; the output projection {@code c_proj} has a
 * bias; PyTorch's default initialisation (no GPT-2-style N(0, 0.02)); the dropout on the attention
 * weights ({@code attn_dropout}) and on the output ({@code resid_dropout}) are minGPT's — makemore has
 * none, which is {@code dropout = 0}. The causal mask is a constant, not a saved buffer (makemore
 * saves its {@code tril} as {@code bias}). Derivative: from the ops it is built of, the attention's
 * stated by {@link ScaledDotProductAttention} (the masked positions get no gradient). Reference: Vaswani et al., 2017;
 * karpathy/minGPT {@code model.py}, karpathy/makemore {@code makemore.py}.
 */
public class CausalSelfAttention extends Layer {

    private final int embedDim;
    private final int numHeads;
    private final int blockSize;
    private final double dropout;
    private final Linear attentionInput;
    private final Linear projection;
    private final Dropout attentionDropout;
    private final Dropout residualDropout;
    private Tensor lastAttention;

    /**
     * Makes the layer, initialised from the current thread's generator ({@link Init#generator()}).
     *
     * @param embedDim {@code C}, the features per position; a multiple of {@code numHeads}
     * @param numHeads {@code nh}, the number of heads
     * @param blockSize the longest sequence it accepts
     * @param dropout the dropout probability on the attention weights and the output, in {@code [0, 1)}
     */
    public CausalSelfAttention(int embedDim, int numHeads, int blockSize, double dropout) {
        this(embedDim, numHeads, blockSize, dropout, Init.generator());
    }

    /**
     * Makes the layer, initialised (and its dropout masks drawn) from the given generator.
     *
     * @param embedDim {@code C}, the features per position; a multiple of {@code numHeads}
     * @param numHeads {@code nh}, the number of heads
     * @param blockSize the longest sequence it accepts
     * @param dropout the dropout probability on the attention weights and the output, in {@code [0, 1)}
     * @param random the generator
     */
    public CausalSelfAttention(int embedDim, int numHeads, int blockSize, double dropout, RandomGenerator random) {
        if (embedDim <= 0 || numHeads <= 0 || blockSize <= 0 || embedDim % numHeads != 0) {
            throw new IllegalArgumentException("CausalSelfAttention: needs positive sizes with embedDim a multiple of "
                    + "numHeads, got embedDim=" + embedDim + ", numHeads=" + numHeads + ", blockSize=" + blockSize);
        }
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.blockSize = blockSize;
        this.dropout = dropout;
        this.attentionInput = registerLayer("c_attn", new Linear(embedDim, 3 * embedDim, random));
        this.projection = registerLayer("c_proj", new Linear(embedDim, embedDim, random));
        this.attentionDropout = registerLayer("attn_dropout", new Dropout(dropout, random));
        this.residualDropout = registerLayer("resid_dropout", new Dropout(dropout, random));
    }

    /** {@code torch.tril(torch.ones(n, n))}: 1 on and below the diagonal. */
    private static Tensor lowerTriangle(int n) {
        Tensor result = Tensor.zeros(n, n);
        for (int t = 0; t < n; t++) {
            for (int j = 0; j <= t; j++) {
                result.setInPlace(1.0, t, j);
            }
        }
        return result;
    }

    /**
     * Computes the attention of every position to itself and the positions before it.
     *
     * @param input {@code x}, shape {@code (B, T, C)} with {@code T ≤ blockSize}
     * @return shape {@code (B, T, C)}
     * @throws IllegalArgumentException naming the shape if it is not {@code (B, T, C)} or {@code T} is too long
     */
    @Override
    public Variable forward(Variable input) {
        if (input.rank() != 3 || input.shape().dim(2) != embedDim || input.shape().dim(1) > blockSize
                || input.shape().dim(1) == 0) {
            throw new IllegalArgumentException(label() + ": the input must have shape (B, T, " + embedDim
                    + ") with 1 ≤ T ≤ " + blockSize + " (the block size), but has shape " + input.shape());
        }
        int batch = input.shape().dim(0);
        int steps = input.shape().dim(1);
        int headSize = embedDim / numHeads;
        Variable qkv = attentionInput.forward(input);                                  // (B, T, 3C)
        Variable q = heads(qkv.slice(2, 0, embedDim), batch, steps, headSize);         // (B, nh, T, hs)
        Variable k = heads(qkv.slice(2, embedDim, 2 * embedDim), batch, steps, headSize);
        Variable v = heads(qkv.slice(2, 2 * embedDim, 3 * embedDim), batch, steps, headSize);
        // the lines from scores to A·v of the class comment, as one op (composedAttention is the same)
        var attention = new ScaledDotProductAttention(attentionDropout.mask(batch, numHeads, steps, steps));
        Variable y = attention.apply(q, k, v);                                         // (B, nh, T, hs)
        lastAttention = attention.weights();
        y = y.permute(0, 2, 1, 3).reshape(batch, steps, embedDim);                    // heads side by side again
        return residualDropout.forward(projection.forward(y));
    }

    /**
     * The attention of {@link #forward} written with the ops it is made of, for reading and for tests:
     * {@code dropout(softmax(q·kᵀ/√hs, j > t masked to −∞))·v}, with the dropout mask given (or null).
     *
     * @param q queries, {@code (B, nh, T, hs)}
     * @param k keys, the same shape
     * @param v values, the same shape
     * @param dropoutMask 0 or {@code 1/(1 − p)} per weight, {@code (B, nh, T, T)}; or null for none
     * @return {@code (B, nh, T, hs)}
     */
    static Variable composedAttention(Variable q, Variable k, Variable v, Tensor dropoutMask) {
        int steps = q.shape().dim(2);
        Variable scores = q.matmul(k.transpose(2, 3)).mul(1.0 / Math.sqrt(q.shape().dim(3)));  // (B, nh, T, T)
        Tensor future = Tensor.ones(steps, steps).sub(lowerTriangle(steps));
        Variable weights = scores.maskedFill(future, Double.NEGATIVE_INFINITY).softmax(3);
        Variable dropped = dropoutMask == null ? weights : weights.mul(Variable.constant(dropoutMask));
        return dropped.matmul(v);
    }

    /** (B, T, C) → (B, T, nh, hs) → (B, nh, T, hs): each head's slice of the features, as its own batch. */
    private Variable heads(Variable x, int batch, int steps, int headSize) {
        return x.reshape(batch, steps, numHeads, headSize).permute(0, 2, 1, 3);
    }

    /**
     * Returns the attention weights of the last {@link #forward} (after the softmax, before dropout):
     * entry {@code [b, h, t, j]} is how much position {@code t} of sample {@code b} took from position
     * {@code j} in head {@code h}. Each row sums to 1 and is 0 for {@code j > t}.
     *
     * @return shape {@code (B, nh, T, T)}, or null before the first forward
     */
    public Tensor lastAttention() {
        return lastAttention;
    }

    /**
     * Returns {@code c_attn}, the {@code C → 3C} layer that makes q, k and v.
     *
     * @return the layer
     */
    public Linear attentionInput() {
        return attentionInput;
    }

    /**
     * Returns {@code c_proj}, the {@code C → C} output projection.
     *
     * @return the layer
     */
    public Linear projection() {
        return projection;
    }

    /**
     * Returns {@code C}.
     *
     * @return the embedding dimension
     */
    public int embedDim() {
        return embedDim;
    }

    /**
     * Returns the number of heads.
     *
     * @return {@code nh}
     */
    public int numHeads() {
        return numHeads;
    }

    /**
     * Returns the longest sequence accepted.
     *
     * @return the block size
     */
    public int blockSize() {
        return blockSize;
    }

    /** {@code CausalSelfAttention(embed=64, heads=4, block=16, dropout=0.0)}, for error messages. */
    private String label() {
        return "CausalSelfAttention(" + describeSettings() + ")";
    }

    @Override
    protected String describeSettings() {
        return "embed=" + embedDim + ", heads=" + numHeads + ", block=" + blockSize + ", dropout=" + dropout;
    }
}
