package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer: {@code y = x·Wᵀ + b} — the seed notebook's {@code X @ W.T + b}.
 *
 * <pre>{@code
 * Linear layer = new Linear(3, 4);           // 3 inputs, 4 neurons
 * layer.weight().shape();                    // (4, 3): one row of weights per neuron
 * Variable y = layer.forward(x);             // x (batch, 3) → y (batch, 4)
 * }</pre>
 *
 * <p>Shapes: input {@code (…, in)}, weight {@code (out, in)}, bias {@code (out,)}, output
 * {@code (…, out)}. Initialisation is PyTorch's default: weight and bias from
 * U(−1/√in, 1/√in), drawn from {@link Init#generator()} (or the generator given).
 * Reference: {@code torch.nn.Linear}.
 */
public class Linear extends Layer {

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * Makes a layer with a bias, initialised from the current thread's generator ({@link Init#generator()}).
     *
     * @param inFeatures the number of inputs per sample
     * @param outFeatures the number of outputs (neurons)
     */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, Init.generator());
    }

    /**
     * Makes a layer with a bias, initialised from the given generator.
     *
     * @param inFeatures the number of inputs per sample
     * @param outFeatures the number of outputs (neurons)
     * @param random the generator for the initial values
     */
    public Linear(int inFeatures, int outFeatures, RandomGenerator random) {
        this(inFeatures, outFeatures, random, true);
    }

    private Linear(int inFeatures, int outFeatures, RandomGenerator random, boolean withBias) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException("Linear: in and out features must be positive, got in="
                    + inFeatures + ", out=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight",
                new Parameter(Init.linearDefault(random, inFeatures, outFeatures, inFeatures)));
        this.bias = withBias
                ? registerParameter("bias", new Parameter(Init.linearDefault(random, inFeatures, outFeatures)))
                : null;
    }

    /**
     * Makes a layer without a bias: {@code y = x·Wᵀ}.
     *
     * @param inFeatures the number of inputs per sample
     * @param outFeatures the number of outputs
     * @return the layer
     */
    public static Linear withoutBias(int inFeatures, int outFeatures) {
        return new Linear(inFeatures, outFeatures, Init.generator(), false);
    }

    /**
     * Makes a layer without a bias, initialised from the given generator: {@code y = x·Wᵀ}.
     *
     * @param inFeatures the number of inputs per sample
     * @param outFeatures the number of outputs
     * @param random the generator for the initial values
     * @return the layer
     */
    public static Linear withoutBias(int inFeatures, int outFeatures, RandomGenerator random) {
        return new Linear(inFeatures, outFeatures, random, false);
    }

    /**
     * Makes a layer with given weights and bias (copied), e.g. the seed notebook's numbers.
     *
     * @param weight the weight, shape {@code (out, in)}
     * @param bias the bias, shape {@code (out,)}, or null for none
     * @return the layer
     */
    public static Linear of(Tensor weight, Tensor bias) {
        if (weight.rank() != 2 || (bias != null && (bias.rank() != 1 || bias.dim(0) != weight.dim(0)))) {
            throw new IllegalArgumentException("Linear.of: needs a weight of shape (out, in) and a bias of shape "
                    + "(out,), got " + weight.shape() + " and " + (bias == null ? "none" : bias.shape()));
        }
        Linear layer = new Linear(weight.dim(1), weight.dim(0), Init.generator(), bias != null);
        layer.weight.value().copyFrom(weight);
        if (bias != null) {
            layer.bias.value().copyFrom(bias);
        }
        return layer;
    }

    /**
     * Computes {@code x·Wᵀ + b}.
     *
     * @param input shape {@code (…, in)}
     * @return shape {@code (…, out)}
     * @throws IllegalArgumentException if the last dimension is not {@code in}
     */
    @Override
    public Variable forward(Variable input) {
        if (input.rank() == 0 || input.shape().dim(-1) != inFeatures) {
            throw new IllegalArgumentException("Linear(in=" + inFeatures + ", out=" + outFeatures
                    + "): input of shape " + input.shape() + " must have " + inFeatures + " features in its last dimension");
        }
        return input.affine(weight, bias); // x·Wᵀ + b as one op: see gradschool.autograd.functions.Affine
    }

    /**
     * Returns the weight, shape {@code (out, in)}.
     *
     * @return the weight parameter
     */
    public Parameter weight() {
        return weight;
    }

    /**
     * Returns the bias, shape {@code (out,)}, or null for a layer without one.
     *
     * @return the bias parameter
     */
    public Parameter bias() {
        return bias;
    }

    /**
     * Returns the number of inputs per sample.
     *
     * @return {@code in}
     */
    public int inFeatures() {
        return inFeatures;
    }

    /**
     * Returns the number of outputs.
     *
     * @return {@code out}
     */
    public int outFeatures() {
        return outFeatures;
    }

    @Override
    protected String describeSettings() {
        return "in=" + inFeatures + ", out=" + outFeatures + (bias == null ? ", no bias" : "");
    }
}
