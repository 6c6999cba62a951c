package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code sum}: the backward rule of a sum along one axis, {@code y = sum(x, axis)}, with or
 * without {@code keepDims}.
 *
 * <p>Check it with {@code ./gradschool exercise check sum}. Docs: docs/tensors.md (reductions with
 * axis/keepDims), docs/derivatives.md and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>Every element that was summed changes the sum one-for-one: {@code dy/dx_i = 1}. So each
 *       element of {@code x} receives the gradient of the output element it went into.</li>
 *   <li>Without keepDims the summed axis is gone from {@code gradOutput}: put it back with size 1
 *       ({@code unsqueeze(axis)}, after turning a negative axis into a positive one), then
 *       {@code broadcastTo(input(0).shape())}.</li>
 * </ul>
 */
public final class SumBackward extends BackwardExercise {

    private final int axis;
    private final boolean keepDims;

    /**
     * Makes the op.
     *
     * @param axis     the summed axis (negative counts from the end)
     * @param keepDims whether the output keeps that axis with size 1
     */
    public SumBackward(int axis, boolean keepDims) {
        this.axis = axis;
        this.keepDims = keepDims;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].sum(axis, keepDims);   // y = sum(x, axis)
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx), of x's shape.
        throw new NotDoneYet();
    }
}
