package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code relu}: the backward rule of the rectified linear unit, {@code y = max(x, 0)}.
 *
 * <p>Check it with {@code ./gradschool exercise check relu} (graded also at x = 0). Docs:
 * docs/derivatives.md, docs/backprop-by-hand.md and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>The slope is 1 where {@code x > 0} and 0 where {@code x < 0}.</li>
 *   <li>At {@code x = 0} (the kink) there is no derivative; gradschool, like PyTorch, takes
 *       {@code relu'(0) = 0}.</li>
 *   <li>A mask of ones and zeros: {@code input(0).value().gt(0.0)} is a tensor; wrap it with
 *       {@code Variable.constant(...)} and multiply.</li>
 * </ul>
 */
public final class ReluBackward extends BackwardExercise {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].relu();   // y = max(x, 0)
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx).
        throw new NotDoneYet();
    }
}
