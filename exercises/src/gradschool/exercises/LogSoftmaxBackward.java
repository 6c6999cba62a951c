package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code log-softmax}: the backward rule of log-softmax along one axis,
 * {@code y_i = x_i − log Σ_j e^(x_j)}.
 *
 * <p>Check it with {@code ./gradschool exercise check log-softmax} (graded also on logits near ±1000).
 * Docs: docs/derivatives.md and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>{@code dy_i/dx_j = δ_ij − softmax(x)_j}: the log-sum-exp term depends on every x_j.</li>
 *   <li>So {@code dL/dx_j = g_j − softmax(x)_j · Σ_i g_i}.</li>
 *   <li>{@code softmax(x) = e^y}: compute it from the output, which is finite even for logits near
 *       1000. {@code sum(axis, true)} keeps the axis.</li>
 * </ul>
 */
public final class LogSoftmaxBackward extends BackwardExercise {

    private final int axis;

    /**
     * Makes the op.
     *
     * @param axis the axis
     */
    public LogSoftmaxBackward(int axis) {
        this.axis = axis;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].logSoftmax(axis);   // y = x − log sum(e^x, axis)
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx).
        throw new NotDoneYet();
    }
}
