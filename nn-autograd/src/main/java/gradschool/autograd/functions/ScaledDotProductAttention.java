package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.List;

/**
 * Causal scaled dot-product attention as one op, PyTorch's
 * {@code F.scaled_dot_product_attention(q, k, v, dropout_p=p, is_causal=True)}; the layer that applies
 * it is {@code gradschool.nn.CausalSelfAttention}.
 *
 * <pre>
 * S = q·kᵀ·scale                 (B, nh, T, T), scale = 1/√hs (PyTorch's default)
 * S[t, j] = −∞ for j &gt; t         the causal mask: the upper triangle is excluded, the diagonal kept
 * A = softmax(S, last dimension)  each row sums to 1; row t has j = 0 … t, so it is never fully masked
 * y = (A ⊙ M)·v                   M: the dropout mask, 0 or 1/(1 − p) (PyTorch's scaling), or all ones
 * </pre>
 *
 * <p>Derivative, with {@code g = dL/dy} and {@code D = A ⊙ M} (the weights after dropout):
 * <ul>
 *   <li>{@code dL/dv = Dᵀ·g};</li>
 *   <li>{@code dA = (g·vᵀ) ⊙ M}, and through the softmax {@code dS = A ⊙ (dA − rowsum(dA ⊙ A))}
 *       (zero above the diagonal, where A is 0: masked positions get no gradient);</li>
 *   <li>{@code dL/dq = scale·dS·k}, {@code dL/dk = scale·dSᵀ·q}.</li>
 * </ul>
 * The same numbers (to rounding) as the composition
 * {@code softmax(q.matmul(k.transpose(2, 3)).mul(scale).maskedFill(future, −∞), 3).mul(M).matmul(v)} of
 * six ops, with one loop per {@code (b, h)} forward and one backward over plain arrays, and no
 * {@code (B, nh, T, T)} temporaries but A itself. Saves q, k, v (as contiguous copies), A (before dropout:
 * {@link #weights()}) and M. When the backward pass is itself being recorded ({@code createGraph}), the
 * rule is applied with variable ops on q, k and v instead (A recomputed), so the gradient differentiates
 * again.
 *
 * <p>Shapes: q, k and v are {@code (B, nh, T, hs)}, in any layout (each is copied once into the op's own
 * arrays; for the layer's {@code permute(0, 2, 1, 3)} views that copy is a plain one), M is
 * {@code (B, nh, T, T)}; y is {@code (B, nh, T, hs)}. The arrays are laid out {@code (B, T, nh, hs)} inside, and y and the gradients are returned as {@code permute(0, 2, 1, 3)}
 * views of such arrays: {@code y.permute(0, 2, 1, 3).reshape(B, T, C)}, which merges the heads, is then
 * free. The dropout mask is drawn by the caller (from its own generator), so the op is deterministic.
 */
public final class ScaledDotProductAttention extends Function {

    private final Tensor dropoutMask;
    private int batch;
    private int heads;
    private int steps;
    private int headSize;
    private double scale;
    private double[] query;
    private double[] key;
    private double[] value;
    private double[] mask;
    private double[] weights;

    /** Makes the op without dropout. */
    public ScaledDotProductAttention() {
        this(null);
    }

    /**
     * Makes the op with the given dropout mask on the attention weights.
     *
     * @param dropoutMask {@code M}, {@code (B, nh, T, T)}: 0 where a weight is dropped, {@code 1/(1 − p)}
     *     where it is kept; or null for no dropout
     */
    public ScaledDotProductAttention(Tensor dropoutMask) {
        this.dropoutMask = dropoutMask;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        Shape shape = x[0].shape();
        if (shape.rank() != 4 || !x[1].shape().equals(shape) || !x[2].shape().equals(shape)) {
            throw new IllegalArgumentException("ScaledDotProductAttention: q, k and v must have the same shape "
                    + "(B, nh, T, hs), got q " + shape + ", k " + x[1].shape() + ", v " + x[2].shape());
        }
        batch = shape.dim(0);
        heads = shape.dim(1);
        steps = shape.dim(2);
        headSize = shape.dim(3);
        Shape weightShape = Shape.of(batch, heads, steps, steps);
        if (dropoutMask != null && !dropoutMask.shape().equals(weightShape)) {
            throw new IllegalArgumentException("ScaledDotProductAttention: the dropout mask must have the shape "
                    + weightShape + " of the attention weights (B, nh, T, T), got " + dropoutMask.shape());
        }
        scale = 1.0 / Math.sqrt(headSize);
        query = headsLast(x[0]);
        key = headsLast(x[1]);
        value = headsLast(x[2]);
        mask = dropoutMask == null ? null : dropoutMask.toDoubleArray();
        weights = new double[batch * heads * steps * steps];
        double[] y = new double[query.length];
        double[] row = new double[steps];
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < heads; h++) {
                for (int t = 0; t < steps; t++) {
                    int qt = at(b, t, h);
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= t; j++) {                     // S[t, j] = q_t · k_j · scale, j ≤ t
                        int kj = at(b, j, h);
                        double s = 0;
                        for (int d = 0; d < headSize; d++) {
                            s += query[qt + d] * key[kj + d];
                        }
                        row[j] = s * scale;
                        max = Math.max(max, row[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j <= t; j++) {                     // softmax over j ≤ t (the rest is 0)
                        row[j] = Math.exp(row[j] - max);
                        sum += row[j];
                    }
                    int a = weightAt(b, h, t);
                    for (int j = 0; j <= t; j++) {
                        double weight = row[j] / sum;
                        weights[a + j] = weight;
                        double kept = mask == null ? weight : weight * mask[a + j];
                        int vj = at(b, j, h);
                        for (int d = 0; d < headSize; d++) {               // y_t += D[t, j]·v_j
                            y[qt + d] += kept * value[vj + d];
                        }
                    }
                }
            }
        }
        return headsSecond(y);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        if (GradMode.isEnabled()) {
            return composedBackward(gradOutput);    // createGraph: record the rule so it differentiates again
        }
        double[] g = headsLast(gradOutput.value());
        double[] gradQuery = new double[query.length];
        double[] gradKey = new double[key.length];
        double[] gradValue = new double[value.length];
        double[] gradScores = new double[steps];
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < heads; h++) {
                for (int t = 0; t < steps; t++) {
                    int qt = at(b, t, h);
                    int a = weightAt(b, h, t);
                    double dot = 0;
                    for (int j = 0; j <= t; j++) {
                        int vj = at(b, j, h);
                        double kept = mask == null ? weights[a + j] : weights[a + j] * mask[a + j];
                        double gradWeight = 0;                                 // dA[t, j] = (g_t · v_j)·M[t, j]
                        for (int d = 0; d < headSize; d++) {
                            gradWeight += g[qt + d] * value[vj + d];
                        }
                        for (int d = 0; d < headSize; d++) {                  // dv_j += D[t, j]·g_t
                            gradValue[vj + d] += kept * g[qt + d];
                        }
                        gradScores[j] = mask == null ? gradWeight : gradWeight * mask[a + j];
                        dot += gradScores[j] * weights[a + j];
                    }
                    for (int j = 0; j <= t; j++) {
                        double gradScore = weights[a + j] * (gradScores[j] - dot) * scale;   // scale·dS[t, j]
                        int kj = at(b, j, h);
                        for (int d = 0; d < headSize; d++) {                  // dq_t += scale·dS[t, j]·k_j
                            gradQuery[qt + d] += gradScore * key[kj + d];
                        }
                        for (int d = 0; d < headSize; d++) {                  // dk_j += scale·dS[t, j]·q_t
                            gradKey[kj + d] += gradScore * query[qt + d];
                        }
                    }
                }
            }
        }
        return grads(needsGrad(0) ? Variable.of(headsSecond(gradQuery)) : null,
                needsGrad(1) ? Variable.of(headsSecond(gradKey)) : null,
                needsGrad(2) ? Variable.of(headsSecond(gradValue)) : null);
    }

    /** The same rule written with variable ops on q, k, v and g: A is recomputed from q and k. */
    private Variable[] composedBackward(Variable g) {
        Variable q = input(0);
        Variable k = input(1);
        Variable v = input(2);
        Variable a = q.matmul(k.transpose(2, 3)).mul(scale).maskedFill(future(steps), Double.NEGATIVE_INFINITY)
                .softmax(3);
        Variable kept = mask == null ? a : a.mul(Variable.constant(dropoutMask));
        Variable gradWeights = g.matmul(v.transpose(2, 3));
        if (mask != null) {
            gradWeights = gradWeights.mul(Variable.constant(dropoutMask));
        }
        Variable gradScores = a.mul(gradWeights.sub(gradWeights.mul(a).sum(3, true))).mul(scale);
        return grads(needsGrad(0) ? gradScores.matmul(k) : null,
                needsGrad(1) ? gradScores.transpose(2, 3).matmul(q) : null,
                needsGrad(2) ? kept.transpose(2, 3).matmul(g) : null);
    }

    /** 1 above the diagonal ({@code j > t}: the future), 0 on and below it; {@code (n, n)}. */
    private static Tensor future(int n) {
        double[] values = new double[n * n];
        for (int t = 0; t < n; t++) {
            for (int j = t + 1; j < n; j++) {
                values[t * n + j] = 1;
            }
        }
        return Tensor.of(Shape.of(n, n), values);
    }

    /**
     * Returns the attention weights A of the forward pass, after the softmax and before dropout: entry
     * {@code [b, h, t, j]} is how much position t took from position j in head h; 0 for {@code j > t}.
     *
     * @return a new tensor of shape {@code (B, nh, T, T)}
     * @throws IllegalStateException before the op has been applied
     */
    public Tensor weights() {
        if (weights == null) {
            throw new IllegalStateException("ScaledDotProductAttention: no weights before the op is applied");
        }
        return Tensor.of(Shape.of(batch, heads, steps, steps), weights);
    }

    /** Where {@code [b, ·, t, ·]} of head h starts in a {@code (B, T, nh, hs)} array. */
    private int at(int b, int t, int h) {
        return ((b * steps + t) * heads + h) * headSize;
    }

    /** Where row {@code [b, h, t, ·]} starts in a {@code (B, nh, T, T)} array. */
    private int weightAt(int b, int h, int t) {
        return ((b * heads + h) * steps + t) * steps;
    }

    /** A {@code (B, nh, T, hs)} tensor's elements in {@code (B, T, nh, hs)} order (a plain copy for the layer's views). */
    private static double[] headsLast(Tensor x) {
        return x.permute(0, 2, 1, 3).toDoubleArray();
    }

    /** A {@code (B, T, nh, hs)} array as the {@code (B, nh, T, hs)} view {@code permute(0, 2, 1, 3)}. */
    private Tensor headsSecond(double[] values) {
        return Tensor.of(Shape.of(batch, steps, heads, headSize), values).permute(0, 2, 1, 3);
    }

    @Override
    public DerivativeRule derivativeRule() {
        return new DerivativeRule(List.of("q", "k", "v"), "y = (A ⊙ M)·v, A = softmax(causal(q·kᵀ·s))",
                List.of("s·dS·k", "s·dSᵀ·q", "(A ⊙ M)ᵀ·g"),
                "dS = A ⊙ (dA − rowsum(dA ⊙ A)), dA = (g·vᵀ) ⊙ M; s = 1/√hs; causal(·) puts −∞ above the diagonal;"
                        + " M is the dropout mask (0 or 1/(1 − p)) or all ones", false);
    }

    @Override
    public String toString() {
        return dropoutMask == null ? "ScaledDotProductAttention(causal)" : "ScaledDotProductAttention(causal, dropout)";
    }
}
