package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code batch-norm}: the backward rule of batch normalization in training mode over
 * (N, C): per column c, {@code μ = mean(x)}, {@code σ² = mean((x − μ)²)} (biased: divided by N),
 * {@code x̂ = (x − μ) / √(σ² + ε)} and {@code y = γ ⊙ x̂ + β}, with x (N, C), γ (C) and β (C).
 *
 * <p>Check it with {@code ./gradschool exercise check batch-norm}. Docs: docs/convolution.md
 * ("Normalization", "The backward pass"), docs/language-models.md and docs/exercises.md.
 *
 * <p>Hints (makemore's "backprop ninja" derivation):
 * <ul>
 *   <li>{@code dL/dβ = Σ_n g} and {@code dL/dγ = Σ_n g ⊙ x̂}: γ and β were broadcast over the batch.</li>
 *   <li>x reaches y along three paths: directly through x − μ, through μ, and through σ². Write
 *       {@code s = √(σ² + ε)} and {@code ĝ = g ⊙ γ = dL/dx̂}. Summing the three paths gives, per column,
 *       {@code dL/dx = (ĝ − mean(ĝ) − x̂ ⊙ mean(ĝ ⊙ x̂)) / s}, the means over the batch (axis 0).</li>
 *   <li>Without the two subtracted means you would have the gradient of a fixed affine map: μ and σ²
 *       depend on every x in the column, and that is the whole point of the exercise.</li>
 *   <li>Recompute x̂ and s from {@code input(0)} with Variable operations ({@code mean(0, true)},
 *       {@code sub}, {@code sqrt}, …) so that your rule can be differentiated again.</li>
 * </ul>
 */
public final class BatchNormBackward extends BackwardExercise {

    /** ε, added to the variance before the square root (PyTorch's default). */
    static final double EPS = 1e-5;

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];                                         // (N, C)
        Tensor mean = x.mean(0, true);                            // μ (1, C)
        Tensor centered = x.sub(mean);                            // x − μ
        Tensor variance = centered.mul(centered).mean(0, true);   // σ² (1, C), biased: divided by N
        Tensor normalized = centered.div(variance.add(EPS).sqrt());   // x̂
        return normalized.mul(in[1]).add(in[2]);                  // y = γ ⊙ x̂ + β, (N, C)
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx, dL/dγ, dL/dβ), of shapes (N, C), (C) and (C).
        throw new NotDoneYet();
    }
}
