package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code layer-norm}: the backward rule of layer normalization over the last dimension:
 * per row (each sample, or each position of each sequence), {@code μ = mean(x)},
 * {@code σ² = mean((x − μ)²)} (biased: divided by D), {@code x̂ = (x − μ) / √(σ² + ε)} and
 * {@code y = w ⊙ x̂ + b}, with x (N, D) or (B, T, D), the weight w (D) and the bias b (D).
 *
 * <p>Check it with {@code ./gradschool exercise check layer-norm}. Docs: docs/convolution.md
 * ("Layer normalization", next to batch normalization's backward pass), docs/language-models.md
 * (where the Transformer uses it) and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>It is the {@code batch-norm} exercise turned sideways: the statistics are taken along the
 *       last axis (one μ and σ² per row), not along the batch. Do {@code batch-norm} first.</li>
 *   <li>With {@code s = √(σ² + ε)} and {@code ĝ = g ⊙ w = dL/dx̂}:
 *       {@code dL/dx = (ĝ − mean(ĝ) − x̂ ⊙ mean(ĝ ⊙ x̂)) / s}, every mean over the last axis
 *       ({@code mean(-1, true)}), the same axis the forward pass used.</li>
 *   <li>w and b were broadcast over every row: {@code dL/dw = Σ g ⊙ x̂} and {@code dL/db = Σ g}, summed
 *       over all axes but the last ({@code reshape(-1, D)} first makes that one sum over axis 0).</li>
 * </ul>
 */
public final class LayerNormBackward extends BackwardExercise {

    /** ε, added to the variance before the square root (PyTorch's default). */
    static final double EPS = 1e-5;

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];                                          // (…, D)
        Tensor mean = x.mean(-1, true);                            // μ of each row, (…, 1)
        Tensor centered = x.sub(mean);                             // x − μ
        Tensor variance = centered.mul(centered).mean(-1, true);   // σ² of each row, biased: divided by D
        Tensor normalized = centered.div(variance.add(EPS).sqrt());    // x̂
        return normalized.mul(in[1]).add(in[2]);                   // y = w ⊙ x̂ + b, (…, D)
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx, dL/dw, dL/db), of shapes (…, D), (D) and (D).
        throw new NotDoneYet();
    }
}
