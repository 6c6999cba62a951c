package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * The average-pooling layer: the mean of each {@code k × k} window of every channel, computed by the
 * {@link gradschool.autograd.functions.AvgPool2d AvgPool2d op}.
 *
 * <pre>{@code
 * Layer pool = new AvgPool2d(2);                       // (N, C, 28, 28) → (N, C, 14, 14)
 * }</pre>
 *
 * <p>{@code y[n, c, i, j] = (1/k²) Σ_{a, b < k} x[n, c, i·s − p + a, j·s − p + b]}, the padding being
 * zeros that count in the {@code k²} (PyTorch's default {@code count_include_pad=True}); each spatial
 * size becomes {@code floor((H + 2p − k) / s) + 1}. Defaults: stride = kernel, padding 0. No
 * parameters. Reference: {@code torch.nn.AvgPool2d} with {@code ceil_mode=False}.
 */
public class AvgPool2d extends Layer {

    private final int kernel;
    private final int stride;
    private final int padding;

    /**
     * Makes the layer with stride = kernel (windows side by side), no padding.
     *
     * @param kernel the window's side
     */
    public AvgPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    /**
     * Makes the layer.
     *
     * @param kernel the window's side {@code k}
     * @param stride the step between windows
     * @param padding the zero border on each side, at most {@code k/2}
     */
    public AvgPool2d(int kernel, int stride, int padding) {
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    /**
     * Pools every channel.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}
     * @return {@code (N, C, H_out, W_out)} or {@code (C, H_out, W_out)}
     * @throws IllegalArgumentException if the window does not fit the input
     */
    @Override
    public Variable forward(Variable input) {
        return input.avgPool2d(kernel, stride, padding);
    }

    @Override
    protected String describeSettings() {
        return "kernel=" + kernel + ", stride=" + stride + ", padding=" + padding;
    }
}
