package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * The max-pooling layer: the largest element of each {@code k × k} window of every channel, computed
 * by the {@link gradschool.autograd.functions.MaxPool2d MaxPool2d op}.
 *
 * <pre>{@code
 * Layer pool = new MaxPool2d(2);                       // (N, C, 28, 28) → (N, C, 14, 14)
 * }</pre>
 *
 * <p>{@code y[n, c, i, j] = max_{a, b < k} x[n, c, i·s − p + d·a, j·s − p + d·b]}, the padding counting
 * as −∞; each spatial size becomes {@code floor((H + 2p − d(k−1) − 1) / s) + 1}. Defaults: stride = kernel,
 * padding 0, dilation 1. The gradient of a window goes wholly to its first maximum in row-major order
 * (PyTorch's tie rule). No parameters. Reference: {@code torch.nn.MaxPool2d} with {@code ceil_mode=False}.
 */
public class MaxPool2d extends Layer {

    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;

    /**
     * Makes the layer with stride = kernel (windows side by side), no padding.
     *
     * @param kernel the window's side
     */
    public MaxPool2d(int kernel) {
        this(kernel, kernel, 0, 1);
    }

    /**
     * Makes the layer.
     *
     * @param kernel the window's side {@code k}
     * @param stride the step between windows
     * @param padding the −∞ border on each side, at most {@code k/2}
     */
    public MaxPool2d(int kernel, int stride, int padding) {
        this(kernel, stride, padding, 1);
    }

    /**
     * Makes the layer with dilated windows.
     *
     * @param kernel the window's side {@code k}
     * @param stride the step between windows
     * @param padding the −∞ border on each side, at most {@code k/2}
     * @param dilation the spacing of the window's elements (1: adjacent)
     */
    public MaxPool2d(int kernel, int stride, int padding, int dilation) {
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
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
        return input.maxPool2d(kernel, stride, padding, dilation);
    }

    @Override
    protected String describeSettings() {
        return "kernel=" + kernel + ", stride=" + stride + ", padding=" + padding
                + (dilation == 1 ? "" : ", dilation=" + dilation);
    }
}
