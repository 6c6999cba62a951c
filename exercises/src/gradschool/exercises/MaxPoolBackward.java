package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code max-pool}: the backward rule of 2-D max pooling over k × k windows with stride k,
 * {@code y[n, c, i, j] = max over the window (i, j) of x}, on inputs of shape (N, C, H, W).
 *
 * <p>Check it with {@code ./gradschool exercise check max-pool} (graded also on windows with ties).
 * Docs: docs/convolution.md ("Pooling", "Ties: the first maximum") and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>Within a window only the maximum reaches the output: its gradient is {@code g} of that window,
 *       every other element of the window gets 0.</li>
 *   <li>When several elements tie for the maximum, gradschool (like PyTorch) gives the whole gradient
 *       to the FIRST of them in row-major order — {@code argmax}, which the forward pass's window
 *       layout makes easy: {@code windows.argmax(-1, true)}.</li>
 *   <li>A one-hot mask of the winners: {@code Tensor.arange(k * k).eq(first)} (it broadcasts). Multiply
 *       {@code gradOutput.unsqueeze(-1)} by {@code Variable.constant(mask)}, then undo the forward
 *       pass's reshape and permute, in reverse order.</li>
 * </ul>
 */
public final class MaxPoolBackward extends BackwardExercise {

    private final int kernel;

    /**
     * Makes the op.
     *
     * @param kernel the window size k (and the stride); H and W are multiples of it
     */
    public MaxPoolBackward(int kernel) {
        this.kernel = kernel;
    }

    /** Cuts x (N, C, H, W) into k × k windows and puts each window's k² elements on a last axis of its own. */
    private Tensor windows(Tensor x) {
        int[] d = x.shape().toArray();
        int k = kernel;
        return x.reshape(d[0], d[1], d[2] / k, k, d[3] / k, k)   // (N, C, H/k, k, W/k, k)
                .permute(0, 1, 2, 4, 3, 5)                        // (N, C, H/k, W/k, k, k)
                .reshape(d[0], d[1], d[2] / k, d[3] / k, k * k);  // (N, C, H/k, W/k, k²)
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return windows(x[0]).max(-1);   // y: the largest element of each window, (N, C, H/k, W/k)
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx), of x's shape (N, C, H, W). windows(input(0).value()) gives the windows.
        throw new NotDoneYet();
    }
}
