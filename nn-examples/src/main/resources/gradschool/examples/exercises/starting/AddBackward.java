package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code add}: the backward rule of addition with broadcasting, {@code y = a + b}, where
 * {@code a} of shape (3, 4) plus {@code b} of shape (4) adds {@code b} to every row.
 *
 * <p>Check it with {@code ./gradschool exercise check add}. Docs: docs/autograd.md ("Broadcasting is
 * undone in one place"), docs/tensors.md and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>{@code dy/da = 1} and {@code dy/db = 1}: each input receives {@code gradOutput} itself...</li>
 *   <li>...but {@code gradOutput} has the output's shape. An element of {@code b} that was copied
 *       into three rows affected three outputs: its gradient is the sum of those three.</li>
 *   <li>{@code Variable.sumToShape(shape)} sums a gradient back to a shape; {@code input(1).shape()}
 *       is {@code b}'s. Every gradient you return must have its input's shape.</li>
 * </ul>
 */
public final class AddBackward extends BackwardExercise {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].add(x[1]);   // y = a + b, broadcasting
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/da, dL/db), each with its input's shape.
        throw new NotDoneYet();
    }
}
