package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code div}: the backward rule of element-wise division, {@code y = a / b}.
 *
 * <p>Check it with {@code ./gradschool exercise check div}. Docs: docs/derivatives.md and
 * docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>{@code y = a · b⁻¹}: with respect to {@code a} it is a multiplication by a constant.</li>
 *   <li>With respect to {@code b}: {@code d(b⁻¹)/db = −b⁻²}. Mind the sign.</li>
 *   <li>Multiply each local derivative by {@code gradOutput} (the chain rule). {@code input(0)} is
 *       {@code a}, {@code input(1)} is {@code b}.</li>
 * </ul>
 */
public final class DivBackward extends BackwardExercise {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].div(x[1]);   // y = a / b
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/da, dL/db).
        throw new NotDoneYet();
    }
}
