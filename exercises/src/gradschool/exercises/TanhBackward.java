package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code tanh}: the backward rule of the hyperbolic tangent, {@code y = tanh x}.
 *
 * <p>Check it with {@code ./gradschool exercise check tanh} (graded also at x = ±800). Docs:
 * docs/derivatives.md and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>{@code d(tanh x)/dx = 1 − tanh²x}.</li>
 *   <li>{@code tanh x} is the output {@code y}: write the derivative with {@code output()}. Which
 *       quantity goes in, {@code x} or {@code y}? Mixing them up is a classic mistake.</li>
 *   <li>Writing it with {@code e^x} overflows at large |x|; {@code y} stays between −1 and 1.</li>
 * </ul>
 */
public final class TanhBackward extends BackwardExercise {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].tanh();   // y = tanh x
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx).
        throw new NotDoneYet();
    }
}
