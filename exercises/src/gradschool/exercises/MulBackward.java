package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code mul}: the backward rule of element-wise multiplication, {@code y = a ⊙ b}.
 *
 * <p>Check it with {@code ./gradschool exercise check mul}. Docs: docs/derivatives.md (the table of
 * derivatives) and docs/exercises.md (how the grader works).
 *
 * <p>Hints:
 * <ul>
 *   <li>Take one element: {@code y = a·b}. Holding {@code b} fixed, how fast does {@code y} change
 *       when {@code a} changes? That is {@code dy/da}; {@code dy/db} likewise.</li>
 *   <li>The chain rule: {@code dL/da = dL/dy · dy/da}. {@code gradOutput} is {@code dL/dy}, a tensor
 *       of the output's shape; multiply element by element.</li>
 *   <li>{@code input(0)} is {@code a}, {@code input(1)} is {@code b}. Write the rule with
 *       {@code Variable} operations ({@code gradOutput.mul(...)}), so it can be differentiated again.</li>
 * </ul>
 */
public final class MulBackward extends BackwardExercise {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].mul(x[1]);   // y = a ⊙ b
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/da, dL/db).
        throw new NotDoneYet();
    }
}
