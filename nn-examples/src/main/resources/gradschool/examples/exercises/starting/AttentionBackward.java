package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code attention}: the backward rule of single-head causal scaled dot-product attention,
 * {@code y = softmax(mask(q · kᵀ / √hs)) · v}, with q, k and v of shape (T, hs) or (B, T, hs); the
 * mask puts −∞ where a position would look ahead (column j &gt; row t), so those weights are 0.
 *
 * <p>Check it with {@code ./gradschool exercise check attention}. Docs: docs/derivatives.md (the
 * softmax and matmul rows this rule is made of), docs/language-models.md (attention in the
 * Transformer) and docs/exercises.md. Do {@code matmul} and {@code softmax} first.
 *
 * <p>Hints — go backwards through the forward pass below, one line at a time:
 * <ul>
 *   <li>Recompute the weights {@code A = softmax(mask(S))}, {@code S = q · kᵀ / √hs}, with Variable
 *       operations ({@code maskedFill(future, Double.NEGATIVE_INFINITY)}, {@code softmax(-1)}).</li>
 *   <li>{@code y = A · v} is a matrix product: {@code dL/dv = Aᵀ · g} and {@code dL/dA = g · vᵀ}
 *       ({@code transpose(-1, -2)} swaps the last two axes, also with a batch axis in front).</li>
 *   <li>Through the softmax, row by row: {@code dL/dS = A ⊙ (dL/dA − sum(dL/dA ⊙ A, -1))}. The masked
 *       entries need nothing special: A is 0 there, so they get 0.</li>
 *   <li>Through {@code S = q · kᵀ / √hs}: {@code dL/dq = dL/dS · k / √hs} and
 *       {@code dL/dk = dL/dSᵀ · q / √hs}. Keep the 1/√hs: it scales the backward pass too.</li>
 * </ul>
 */
public final class AttentionBackward extends BackwardExercise {

    /** 1 where column j is after row t (a position that must not be seen), 0 elsewhere: (T, T). */
    static Tensor future(int steps) {
        Tensor positions = Tensor.arange(steps);
        return positions.reshape(1, steps).gt(positions.reshape(steps, 1));
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor q = in[0];                                             // (…, T, hs)
        Tensor k = in[1];
        Tensor v = in[2];
        int steps = q.dim(-2);                                        // T
        double scale = 1 / Math.sqrt(q.dim(-1));                      // 1/√hs
        Tensor scores = q.matmul(k.transpose(-1, -2)).mul(scale);     // S (…, T, T)
        Tensor masked = Tensor.where(future(steps), Tensor.of(Double.NEGATIVE_INFINITY), scores);
        Tensor weights = masked.softmax(-1);                          // A: each row sums to 1, 0 above the diagonal
        return weights.matmul(v);                                     // y = A · v, (…, T, hs)
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dq, dL/dk, dL/dv), each of its input's shape (…, T, hs).
        throw new NotDoneYet();
    }
}
