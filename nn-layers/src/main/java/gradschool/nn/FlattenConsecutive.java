package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Shape;

/**
 * Concatenates every {@code n} consecutive positions of a sequence into one: {@code (B, T, C)} becomes
 * {@code (B, T/n, C·n)}, and {@code (B, C·n)} when {@code T/n == 1}.
 *
 * <pre>{@code
 * Layer pairs = new FlattenConsecutive(2);
 * pairs.forward(x);   // x (32, 8, 10) → (32, 4, 20): positions 0,1 side by side, then 2,3, …
 * }</pre>
 *
 * <p>This is the makemore lectures' {@code FlattenConsecutive} (the WaveNet-style hierarchical model
 * stacks it three times with n = 2, fusing 8 characters of context pairwise in a tree): a reshape
 * {@code x.view(B, T // n, C * n)}. New position {@code t} holds old positions {@code n·t … n·t + n − 1},
 * their C features each in turn: {@code y[b, t, k·C + c] = x[b, n·t + k, c]}. When only one position
 * is left the lecture squeezes that dimension away, so the last such layer gives {@code (B, C·n)},
 * ready for a {@link Linear} head; this layer does the same. PyTorch has no such layer
 * ({@code torch.nn.Unflatten}/{@code Flatten} reshape other dimensions).
 *
 * <p>Derivative: a reshape back — each gradient element returns to the position it came from. No
 * parameters.
 */
public class FlattenConsecutive extends Layer {

    private final int n;

    /**
     * Makes the layer.
     *
     * @param n how many consecutive positions to concatenate, at least 1
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public FlattenConsecutive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("FlattenConsecutive: n must be at least 1, got " + n);
        }
        this.n = n;
    }

    /**
     * Returns how many consecutive positions are concatenated.
     *
     * @return n
     */
    public int n() {
        return n;
    }

    /**
     * Reshapes {@code (B, T, C)} to {@code (B, T/n, C·n)}, or to {@code (B, C·n)} when {@code T == n}.
     *
     * @param input shape {@code (B, T, C)} with T a multiple of n
     * @return shape {@code (B, T/n, C·n)}, or {@code (B, C·n)} when T/n is 1
     * @throws IllegalArgumentException if the input is not of rank 3 or T is not a multiple of n
     */
    @Override
    public Variable forward(Variable input) {
        Shape shape = input.shape();
        if (input.rank() != 3) {
            throw new IllegalArgumentException(describe() + ": expected input of shape (B, T, C), got " + shape);
        }
        int batch = shape.dim(0);
        int time = shape.dim(1);
        int channels = shape.dim(2);
        if (time % n != 0) {
            throw new IllegalArgumentException(describe() + ": T = " + time + " (dimension 1 of the input, shape "
                    + shape + ") is not a multiple of n = " + n + "; the layer joins groups of " + n
                    + " consecutive positions, so T must divide into them evenly");
        }
        if (time / n == 1) {
            return input.reshape(batch, channels * n);   // the lecture's squeeze(1)
        }
        return input.reshape(batch, time / n, channels * n);
    }

    private String describe() {
        return "FlattenConsecutive(" + n + ")";
    }

    @Override
    protected String describeSettings() {
        return "n=" + n;
    }
}
