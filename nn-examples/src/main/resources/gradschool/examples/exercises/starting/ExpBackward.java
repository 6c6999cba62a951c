package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code exp}: the backward rule of the exponential, {@code y = e^x}.
 *
 * <p>Check it with {@code ./gradschool exercise check exp}. Docs: docs/derivatives.md and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>{@code e^x} is its own derivative.</li>
 *   <li>The forward pass already computed {@code e^x}: it is {@code output()}. Reusing it saves
 *       computing the exponential again.</li>
 * </ul>
 */
public final class ExpBackward extends BackwardExercise {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].exp();   // y = e^x
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx).
        throw new NotDoneYet();
    }
}
