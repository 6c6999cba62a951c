package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code softmax}: the backward rule of softmax along one axis,
 * {@code y_i = e^(x_i) / Σ_j e^(x_j)}.
 *
 * <p>Check it with {@code ./gradschool exercise check softmax} (graded also on logits near ±1000).
 * Docs: docs/derivatives.md and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>Every output depends on every input along the axis: {@code dy_i/dx_j = y_i·(δ_ij − y_j)}.</li>
 *   <li>Multiply by {@code g} and sum over i: {@code dL/dx_j = y_j·(g_j − Σ_i g_i·y_i)}.</li>
 *   <li>{@code sum(axis, true)} keeps the axis, so the sum broadcasts back. Use the output y, not
 *       {@code e^x}, which overflows for logits near 1000.</li>
 * </ul>
 */
public final class SoftmaxBackward extends BackwardExercise {

    private final int axis;

    /**
     * Makes the op.
     *
     * @param axis the axis whose entries sum to 1
     */
    public SoftmaxBackward(int axis) {
        this.axis = axis;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].softmax(axis);   // y = e^x / sum(e^x, axis)
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx).
        throw new NotDoneYet();
    }
}
