package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.random.RandomGenerator;

/**
 * A 2-D convolution layer: {@code y = conv2d(x, W) + b}, a cross-correlation as in PyTorch,
 * {@code y[n, o, oy, ox] = b[o] + Σ_{c, i, j} W[o, c, i, j] · x[n, c, oy·s − p + i·d, ox·s − p + j·d]}.
 *
 * <pre>{@code
 * Conv2d conv = new Conv2d(1, 6, 5, 1, 2);   // 1 → 6 channels, 5×5 kernel, stride 1, padding 2 (LeNet's first layer)
 * conv.weight().shape();                     // (6, 1, 5, 5)
 * Variable y = conv.forward(images);         // (N, 1, 28, 28) → (N, 6, 28, 28)
 * }</pre>
 *
 * <p>Shapes: input {@code (N, Cin, H, W)}, weight {@code (Cout, Cin, k, k)}, bias {@code (Cout,)},
 * output {@code (N, Cout, outH, outW)} with {@code outH = ⌊(H + 2·p − d·(k − 1) − 1) / s⌋ + 1}.
 * Initialisation is PyTorch's default ({@code kaiming_uniform_} with {@code a = √5}): weight and bias
 * from U(−1/√fanIn, 1/√fanIn) with {@code fanIn = Cin·k·k}, drawn from {@link Init#generator()} (or the
 * generator given). Computed by {@link Variable#conv2d}: unfold (im2col) and one matrix product.
 * Reference: {@code torch.nn.Conv2d}.
 */
public class Conv2d extends Convolution {

    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;

    /**
     * Makes a layer with stride 1, no padding and a bias, from the current thread's generator.
     *
     * @param inChannels Cin
     * @param outChannels Cout, the number of filters
     * @param kernelSize k, for a k×k kernel
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    /**
     * Makes a layer with a bias, from the current thread's generator.
     *
     * @param inChannels Cin
     * @param outChannels Cout
     * @param kernelSize k, for a k×k kernel
     * @param stride the step between windows
     * @param padding zeros on every side
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride, padding, 1, Init.generator());
    }

    /**
     * Makes a layer with a bias, from the given generator.
     *
     * @param inChannels Cin
     * @param outChannels Cout
     * @param kernelSize k, for a k×k kernel
     * @param stride the step between windows, at least 1
     * @param padding zeros on every side, at least 0
     * @param dilation the step between kernel taps, at least 1
     * @param random the generator for the initial values
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation,
                  RandomGenerator random) {
        this(inChannels, outChannels, new int[] {kernelSize, kernelSize}, new int[] {stride, stride},
                new int[] {padding, padding}, new int[] {dilation, dilation}, random, true);
    }

    private Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                   RandomGenerator random, boolean withBias) {
        super(inChannels, outChannels);
        if (inChannels <= 0 || outChannels <= 0 || kernelSize[0] <= 0 || kernelSize[1] <= 0 || stride[0] <= 0
                || stride[1] <= 0 || padding[0] < 0 || padding[1] < 0 || dilation[0] <= 0 || dilation[1] <= 0) {
            throw new IllegalArgumentException("Conv2d: channels, kernel size, stride and dilation must be positive"
                    + " and padding at least 0, got in=" + inChannels + ", out=" + outChannels + ", kernel="
                    + kernelSize[0] + "×" + kernelSize[1] + ", stride=" + stride[0] + "×" + stride[1] + ", padding="
                    + padding[0] + "×" + padding[1] + ", dilation=" + dilation[0] + "×" + dilation[1]);
        }
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        createParameters(random, withBias, kernelSize[0], kernelSize[1]);
    }

    /**
     * Makes a layer with given weights and bias (copied); the kernel may be rectangular.
     *
     * @param weight {@code (Cout, Cin, kh, kw)}
     * @param bias {@code (Cout,)}, or null for a layer without a bias
     * @param stride {@code {sh, sw}}
     * @param padding {@code {ph, pw}}
     * @param dilation {@code {dh, dw}}
     * @return the layer
     */
    public static Conv2d of(Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation) {
        if (weight.rank() != 4 || (bias != null && (bias.rank() != 1 || bias.dim(0) != weight.dim(0)))) {
            throw new IllegalArgumentException("Conv2d.of: needs a weight of shape (Cout, Cin, kh, kw) and a bias of"
                    + " shape (Cout,), got " + weight.shape() + " and " + (bias == null ? "none" : bias.shape()));
        }
        Conv2d layer = new Conv2d(weight.dim(1), weight.dim(0), new int[] {weight.dim(2), weight.dim(3)}, stride,
                padding, dilation, Init.generator(), bias != null);
        layer.copyParameters(weight, bias);
        return layer;
    }

    /**
     * Convolves the batch with the layer's filters.
     *
     * @param input {@code (N, Cin, H, W)}
     * @return {@code (N, Cout, outH, outW)}
     * @throws IllegalArgumentException naming the layer if the input is not 4-D with Cin channels, or
     *     naming the geometry if the image is too small for the kernel
     */
    @Override
    public Variable forward(Variable input) {
        checkInput(input, 4, "H, W");
        return input.conv2d(weight(), bias(), stride, padding, dilation);
    }

    @Override
    protected String describeSettings() {
        int[] k = {weight().shape().dim(2), weight().shape().dim(3)};
        return settings(pair(k), pair(stride), pair(padding),
                dilation[0] == 1 && dilation[1] == 1 ? null : pair(dilation));
    }

    private static String pair(int[] values) {
        return values[0] == values[1] ? Integer.toString(values[0]) : values[0] + "×" + values[1];
    }
}
