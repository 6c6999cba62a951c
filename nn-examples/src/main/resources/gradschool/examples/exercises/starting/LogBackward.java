package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code log}: the backward rule of the natural logarithm, {@code y = ln x}.
 *
 * <p>Check it with {@code ./gradschool exercise check log} (graded on positive x). Docs:
 * docs/derivatives.md and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>{@code d(ln x)/dx = 1/x}.</li>
 *   <li>Dividing by the input is one {@code Variable} operation: {@code div}.</li>
 * </ul>
 */
public final class LogBackward extends BackwardExercise {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].log();   // y = ln x
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx).
        throw new NotDoneYet();
    }
}
