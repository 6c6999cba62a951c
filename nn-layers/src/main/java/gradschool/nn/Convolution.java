package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.random.RandomGenerator;

/**
 * What {@link Conv1d} and {@link Conv2d} have in common: a weight {@code (Cout, Cin, k…)} and an optional
 * bias {@code (Cout,)}, initialised as in PyTorch, and the text that describes the layer.
 *
 * <p>A subclass checks its settings in its constructor, then calls {@link #createParameters} once; it
 * knows its own geometry (stride, padding, dilation) and computes its forward pass.
 */
public abstract class Convolution extends Layer {

    private final int inChannels;
    private final int outChannels;
    private Parameter weight;
    private Parameter bias;

    /**
     * Remembers the channel counts; the parameters come from {@link #createParameters}.
     *
     * @param inChannels Cin
     * @param outChannels Cout, the number of filters
     */
    protected Convolution(int inChannels, int outChannels) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
    }

    /**
     * Draws the weight, then the bias, from U(−1/√fanIn, 1/√fanIn) with {@code fanIn = Cin · (kernel size
     * product)} (PyTorch's default), and registers them as "weight" and "bias".
     *
     * @param random the generator for the initial values
     * @param withBias false for a layer without a bias
     * @param kernelSize the kernel's extent along each spatial dimension
     */
    protected final void createParameters(RandomGenerator random, boolean withBias, int... kernelSize) {
        int fanIn = inChannels;
        int[] weightShape = new int[2 + kernelSize.length];
        weightShape[0] = outChannels;
        weightShape[1] = inChannels;
        for (int i = 0; i < kernelSize.length; i++) {
            fanIn *= kernelSize[i];
            weightShape[2 + i] = kernelSize[i];
        }
        this.weight = registerParameter("weight", new Parameter(Init.linearDefault(random, fanIn, weightShape)));
        this.bias = withBias
                ? registerParameter("bias", new Parameter(Init.linearDefault(random, fanIn, outChannels)))
                : null;
    }

    /**
     * Copies given numbers into the weight and, if the layer has one, the bias.
     *
     * @param weight the new weight, of the weight's shape
     * @param bias the new bias, or null for a layer without one
     */
    protected final void copyParameters(Tensor weight, Tensor bias) {
        this.weight.value().copyFrom(weight);
        if (bias != null) {
            this.bias.value().copyFrom(bias);
        }
    }

    /**
     * Checks that the input has the given rank and Cin channels along dimension 1.
     *
     * @param input the batch given to forward
     * @param rank the rank the layer needs
     * @param spatialDimensions how the dimensions after the channels are called, e.g. "H, W"
     * @throws IllegalArgumentException naming the layer, its settings and the shape it needs
     */
    protected final void checkInput(Variable input, int rank, String spatialDimensions) {
        if (input.rank() != rank || input.shape().dim(1) != inChannels) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "(" + describeSettings()
                    + "): the input must be (N, " + inChannels + ", " + spatialDimensions + "), got shape "
                    + input.shape());
        }
    }

    /**
     * Returns the weight, shape {@code (Cout, Cin, k…)}.
     *
     * @return the weight parameter
     */
    public Parameter weight() {
        return weight;
    }

    /**
     * Returns the bias, shape {@code (Cout,)}, or null for a layer without one.
     *
     * @return the bias parameter
     */
    public Parameter bias() {
        return bias;
    }

    /**
     * Describes the layer as {@code in=…, out=…, kernel=…, stride=…, padding=…}, then the dilation if
     * there is one and "no bias" if there is none.
     *
     * @param kernel the kernel size as text
     * @param stride the stride as text
     * @param padding the padding as text
     * @param dilation the dilation as text, or null when it is 1
     * @return the settings, for {@link #describeSettings}
     */
    protected final String settings(String kernel, String stride, String padding, String dilation) {
        return "in=" + inChannels + ", out=" + outChannels + ", kernel=" + kernel + ", stride=" + stride
                + ", padding=" + padding + (dilation == null ? "" : ", dilation=" + dilation)
                + (bias == null ? ", no bias" : "");
    }
}
