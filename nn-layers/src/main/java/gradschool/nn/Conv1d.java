package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.random.RandomGenerator;

/**
 * A 1-D convolution layer: {@code y = conv1d(x, W) + b}, a cross-correlation as in PyTorch,
 * {@code y[n, o, t] = b[o] + Σ_{c, j} W[o, c, j] · x[n, c, t·s − p + j·d]}.
 *
 * <pre>{@code
 * Conv1d conv = new Conv1d(2, 4, 3);         // 2 → 4 channels, kernel 3
 * Variable y = conv.forward(signals);        // (N, 2, 10) → (N, 4, 8)
 * }</pre>
 *
 * <p>Shapes: input {@code (N, Cin, L)}, weight {@code (Cout, Cin, k)}, bias {@code (Cout,)}, output
 * {@code (N, Cout, Lout)} with {@code Lout = ⌊(L + 2·p − d·(k − 1) − 1) / s⌋ + 1}. Initialisation is
 * PyTorch's default ({@code kaiming_uniform_} with {@code a = √5}): weight and bias from
 * U(−1/√fanIn, 1/√fanIn) with {@code fanIn = Cin·k}. Computed by {@link Variable#conv1d}.
 * Reference: {@code torch.nn.Conv1d}.
 */
public class Conv1d extends Convolution {

    private final int kernelSize;
    private final int stride;
    private final int padding;
    private final int dilation;

    /**
     * Makes a layer with stride 1, no padding and a bias, from the current thread's generator.
     *
     * @param inChannels Cin
     * @param outChannels Cout, the number of filters
     * @param kernelSize k
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0, 1, Init.generator());
    }

    /**
     * Makes a layer with a bias, from the given generator.
     *
     * @param inChannels Cin
     * @param outChannels Cout
     * @param kernelSize k
     * @param stride the step between windows, at least 1
     * @param padding zeros at both ends, at least 0
     * @param dilation the step between kernel taps, at least 1
     * @param random the generator for the initial values
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation,
                  RandomGenerator random) {
        this(inChannels, outChannels, kernelSize, stride, padding, dilation, random, true);
    }

    private Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation,
                   RandomGenerator random, boolean withBias) {
        super(inChannels, outChannels);
        if (inChannels <= 0 || outChannels <= 0 || kernelSize <= 0 || stride <= 0 || padding < 0 || dilation <= 0) {
            throw new IllegalArgumentException("Conv1d: channels, kernel size, stride and dilation must be positive"
                    + " and padding at least 0, got in=" + inChannels + ", out=" + outChannels + ", kernel="
                    + kernelSize + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation);
        }
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        createParameters(random, withBias, kernelSize);
    }

    /**
     * Makes a layer with given weights and bias (copied).
     *
     * @param weight {@code (Cout, Cin, k)}
     * @param bias {@code (Cout,)}, or null for a layer without a bias
     * @param stride the step between windows
     * @param padding zeros at both ends
     * @param dilation the step between kernel taps
     * @return the layer
     */
    public static Conv1d of(Tensor weight, Tensor bias, int stride, int padding, int dilation) {
        if (weight.rank() != 3 || (bias != null && (bias.rank() != 1 || bias.dim(0) != weight.dim(0)))) {
            throw new IllegalArgumentException("Conv1d.of: needs a weight of shape (Cout, Cin, k) and a bias of shape"
                    + " (Cout,), got " + weight.shape() + " and " + (bias == null ? "none" : bias.shape()));
        }
        Conv1d layer = new Conv1d(weight.dim(1), weight.dim(0), weight.dim(2), stride, padding, dilation,
                Init.generator(), bias != null);
        layer.copyParameters(weight, bias);
        return layer;
    }

    /**
     * Convolves the batch with the layer's filters.
     *
     * @param input {@code (N, Cin, L)}
     * @return {@code (N, Cout, Lout)}
     * @throws IllegalArgumentException naming the layer if the input is not 3-D with Cin channels, or
     *     naming the geometry if the signal is too short for the kernel
     */
    @Override
    public Variable forward(Variable input) {
        checkInput(input, 3, "L");
        return input.conv1d(weight(), bias(), stride, padding, dilation);
    }

    @Override
    protected String describeSettings() {
        return settings(Integer.toString(kernelSize), Integer.toString(stride), Integer.toString(padding),
                dilation == 1 ? null : Integer.toString(dilation));
    }
}
