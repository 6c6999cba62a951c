package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code sigmoid}: the backward rule of the logistic sigmoid, {@code y = σ(x) = 1 / (1 + e^−x)}.
 *
 * <p>Check it with {@code ./gradschool exercise check sigmoid} (graded also at x = ±800). Docs:
 * docs/derivatives.md, docs/one-neuron.md and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>Differentiate {@code (1 + e^−x)⁻¹} with the chain rule, then write the result with σ itself:
 *       {@code σ'(x) = σ(x)·(1 − σ(x))}.</li>
 *   <li>{@code σ(x)} is the output {@code y}: use {@code output()}, not the input.</li>
 *   <li>A formula with {@code e^−x} gives ∞/∞ = NaN at x = −800; the one with {@code y} does not.</li>
 * </ul>
 */
public final class SigmoidBackward extends BackwardExercise {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].sigmoid();   // y = σ(x)
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx).
        throw new NotDoneYet();
    }
}
