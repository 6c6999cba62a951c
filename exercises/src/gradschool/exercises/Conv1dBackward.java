package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise {@code conv1d}: the backward rule of a 1-D convolution (a cross-correlation, as in
 * PyTorch) with stride 1: {@code y[n, o, t] = b[o] + Σ_c Σ_k w[o, c, k] · x_padded[n, c, t + k]}, with
 * x (N, C, L), w (O, C, K), b (O), and {@code padding} zeros at both ends of x.
 *
 * <p>Check it with {@code ./gradschool exercise check conv1d}. Docs: docs/convolution.md ("The
 * backward pass: fold, or the flipped kernel") and docs/exercises.md.
 *
 * <p>Hints — follow the forward pass below, one kernel tap k at a time:
 * <ul>
 *   <li>{@code dL/db[o] = Σ_n Σ_t g[n, o, t]}: the bias was broadcast over the batch and the positions.</li>
 *   <li>Tap k computed {@code w[:, :, k] · window_k} with {@code window_k = x_padded[:, :, k : k + L_out]}.
 *       As in a matrix product, {@code dL/dw[:, :, k] = Σ_n g[n] · window_k[n]ᵀ}, and the window
 *       receives {@code w[:, :, k]ᵀ · g}. Collect the K taps with {@code Variable.stack(list, 2)}.</li>
 *   <li>Each window's gradient belongs at positions k … k + L_out − 1 of x_padded: put zeros around it
 *       ({@code Variable.concat} with {@code Variable.constant(Tensor.zeros(...))}), add the K of them,
 *       then cut the padding off again ({@code slice}).</li>
 * </ul>
 */
public final class Conv1dBackward extends BackwardExercise {

    private final int padding;

    /**
     * Makes the op.
     *
     * @param padding how many zeros go at each end of the last axis of x
     */
    public Conv1dBackward(int padding) {
        this.padding = padding;
    }

    /** x (N, C, L) with {@code padding} zeros at both ends of its last axis. */
    private Tensor padded(Tensor x) {
        if (padding == 0) {
            return x;
        }
        Tensor zeros = Tensor.zeros(x.dim(0), x.dim(1), padding);
        return Tensor.concat(List.of(zeros, x, zeros), 2);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = padded(in[0]);                          // (N, C, L + 2·padding)
        Tensor w = in[1];                                  // (O, C, K)
        int kernel = w.dim(2);
        int length = x.dim(2) - kernel + 1;                // L_out
        Tensor y = in[2].reshape(-1, 1);                   // the bias as (O, 1), broadcast over the positions
        for (int k = 0; k < kernel; k++) {
            // Tap k meets positions k … k + L_out − 1: (O, C) · (N, C, L_out) → (N, O, L_out)
            y = y.add(w.select(2, k).matmul(x.slice(2, k, k + length)));
        }
        return y;                                          // (N, O, L_out)
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx, dL/dw, dL/db), of shapes (N, C, L), (O, C, K) and (O).
        throw new NotDoneYet();
    }
}
