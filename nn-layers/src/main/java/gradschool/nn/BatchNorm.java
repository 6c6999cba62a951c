package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Arrays;

/**
 * Batch normalization (Ioffe &amp; Szegedy, 2015), the part that {@link BatchNorm1d} and
 * {@link BatchNorm2d} share: normalize each channel (dimension 1, as PyTorch; the last dimension for
 * {@link BatchNorm1d#channelsLast}) with statistics over every other dimension, then scale and shift it.
 *
 * <p>For channel {@code c}, over the {@code n} values {@code x} of that channel in the batch
 * (all samples and, for (N, C, L) or (N, C, H, W), all positions):
 * <pre>
 * μ = (1/n) Σ x          σ² = (1/n) Σ (x − μ)²          (the biased variance)
 * y = (x − μ) / √(σ² + ε) · γ_c + β_c
 * </pre>
 * These are PyTorch's definitions ({@code torch.nn.BatchNorm1d}/{@code BatchNorm2d}) and defaults:
 * {@code ε = 1e-5}, momentum {@code m = 0.1}, γ ({@code weight}) starts at ones and β
 * ({@code bias}) at zeros.
 *
 * <p><b>Training mode</b> ({@link #train()}, the default) normalizes with the batch's μ and σ² and
 * then updates the running statistics, which start at 0 (mean) and 1 (variance):
 * <pre>
 * running_mean = (1 − m)·running_mean + m·μ
 * running_var  = (1 − m)·running_var  + m·σ²·n/(n − 1)     (the unbiased variance, PyTorch's rule)
 * </pre>
 * <b>Evaluation mode</b> ({@link #eval()}) normalizes with {@code running_mean} and
 * {@code running_var} instead, so a sample's output no longer depends on the rest of its batch.
 * The running statistics are buffers ({@link Layer#registerBuffer}): saved and loaded by
 * {@link LayerState}, never touched by an optimizer, without gradient.
 *
 * <p>In training mode the normalization is one op, {@link gradschool.autograd.functions.BatchNorm},
 * whose backward loop has the derivative written out — including the terms through μ and σ², which
 * make every output of a channel depend on every input of that channel — as PyTorch's native kernel;
 * it differentiates twice. It computes the same numbers, to rounding, as this composition of autograd
 * ops, which {@code NormalizationOpProperties} (nn-autograd) checks it against (values and
 * gradients), here for (N, C):
 * <pre>{@code
 * Variable mean = input.mean(0, true);                          // (1, C); also over L, H, W if present
 * Variable centered = input.sub(mean);
 * Variable variance = centered.mul(centered).mean(0, true);     // biased: divides by n
 * Variable y = centered.div(variance.add(eps).sqrt()).mul(weight).add(bias);
 * }</pre>
 * Its derivative, with {@code g = dL/dy}, {@code x̂ = (x − μ)/√(σ² + ε)} and sums over each channel's
 * n values: {@code dL/dx = γ/(n·√(σ² + ε))·(n·g − Σg − x̂·Σ(g ⊙ x̂))}, {@code dL/dγ = Σ g ⊙ x̂},
 * {@code dL/dβ = Σ g}. Evaluation mode stays a composition: a subtraction and a division by constants,
 * a scale and a shift.
 */
public abstract class BatchNorm extends Layer {

    /** PyTorch's default ε, added to the variance before the square root. */
    public static final double DEFAULT_EPS = 1e-5;
    /** PyTorch's default momentum of the running statistics. */
    public static final double DEFAULT_MOMENTUM = 0.1;

    private final int channels;
    private final double eps;
    private final double momentum;
    private final Parameter weight;
    private final Parameter bias;
    private final Tensor runningMean;
    private final Tensor runningVar;

    /**
     * Makes the layer with γ = 1, β = 0, running mean 0 and running variance 1.
     *
     * @param channels the number of channels C (the size of the input's channel dimension)
     * @param eps the ε added to the variance, positive
     * @param momentum the weight {@code m} of the newest batch in the running statistics, in [0, 1]
     */
    protected BatchNorm(int channels, double eps, double momentum) {
        String name = getClass().getSimpleName();
        if (channels <= 0) {
            throw new IllegalArgumentException(name + ": the number of channels must be positive, got " + channels);
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException(name + ": eps must be positive and finite, got " + eps);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(name + ": momentum must be in [0, 1], got " + momentum);
        }
        this.channels = channels;
        this.eps = eps;
        this.momentum = momentum;
        this.weight = registerParameter("weight", new Parameter(Tensor.ones(channels)));
        this.bias = registerParameter("bias", new Parameter(Tensor.zeros(channels)));
        this.runningMean = registerBuffer("running_mean", Tensor.zeros(channels));
        this.runningVar = registerBuffer("running_var", Tensor.ones(channels));
    }

    /**
     * Checks that the input has a rank this layer accepts.
     *
     * @param rank the input's rank
     * @return true if accepted
     */
    protected abstract boolean acceptsRank(int rank);

    /**
     * Describes the accepted shapes for error messages, e.g. {@code "(N, 3) or (N, 3, L)"}.
     *
     * @return the description
     */
    protected abstract String expectedShapes();

    /**
     * Returns the dimension of an input of this rank that holds the channels: 1, as in PyTorch's
     * {@code (N, C, …)}. {@link BatchNorm1d#channelsLast} overrides it with the last dimension.
     *
     * @param rank the input's rank (already accepted by {@link #acceptsRank})
     * @return the channel dimension
     */
    protected int channelAxis(int rank) {
        return 1;
    }

    /**
     * Normalizes the input per channel: with the batch statistics (updating the running ones) in
     * training mode, with the running statistics in evaluation mode.
     *
     * @param input shape (N, C, …) as the subclass accepts
     * @return the same shape
     * @throws IllegalArgumentException if the shape is not accepted, or in training mode a channel
     *     has only one value (PyTorch: "Expected more than 1 value per channel when training")
     */
    @Override
    public Variable forward(Variable input) {
        Shape shape = input.shape();
        if (!acceptsRank(input.rank()) || shape.dim(channelAxis(input.rank())) != channels) {
            throw new IllegalArgumentException(this.describe() + ": expected input of shape " + expectedShapes()
                    + ", got " + shape);
        }
        int channelAxis = channelAxis(input.rank());
        int[] broadcast = channelShape(input.rank(), channelAxis);
        if (!isTraining()) {
            Tensor mean = runningMean.reshape(broadcast).copy();
            Tensor std = runningVar.add(eps).sqrt().reshape(broadcast);
            return scaleAndShift(input.sub(Variable.constant(mean)).div(Variable.constant(std)), broadcast);
        }
        int valuesPerChannel = shape.size() / channels;
        if (valuesPerChannel <= 1) {
            throw new IllegalArgumentException(describe() + ": expected more than 1 value per channel when training, "
                    + "got input of shape " + shape + " (PyTorch's rule: the variance of one value says nothing, "
                    + "and its unbiased variance divides by n − 1 = 0); use a bigger batch, or eval() to use the "
                    + "running statistics");
        }
        // the op (not Variable.batchNorm) because its batch statistics feed the running ones
        gradschool.autograd.functions.BatchNorm normalization =
                new gradschool.autograd.functions.BatchNorm(channelAxis, eps);
        Variable output = normalization.apply(input, weight, bias);
        updateRunningStatistics(normalization.batchMean(), normalization.batchVariance(), valuesPerChannel);
        return output;
    }

    /** running = (1 − m)·running + m·batch, with the unbiased variance n/(n − 1)·σ². */
    private void updateRunningStatistics(Tensor batchMean, Tensor batchVariance, int n) {
        Tensor unbiased = batchVariance.reshape(channels).mul(n / (n - 1.0));
        runningMean.mulInPlace(1 - momentum).addScaledInPlace(momentum, batchMean.reshape(channels));
        runningVar.mulInPlace(1 - momentum).addScaledInPlace(momentum, unbiased);
    }

    private Variable scaleAndShift(Variable normalized, int[] broadcast) {
        return normalized.mul(weight.reshape(broadcast)).add(bias.reshape(broadcast));
    }

    /** (1, C) for rank 2, (1, C, 1) for rank 3, (1, C, 1, 1) for rank 4; (1, 1, C) for channels last. */
    private int[] channelShape(int rank, int channelAxis) {
        int[] dims = new int[rank];
        Arrays.fill(dims, 1);
        dims[channelAxis] = channels;
        return dims;
    }

    private String describe() {
        return getClass().getSimpleName() + "(" + channels + ")";
    }

    /**
     * Returns γ, shape (C,), learned.
     *
     * @return the weight parameter
     */
    public Parameter weight() {
        return weight;
    }

    /**
     * Returns β, shape (C,), learned.
     *
     * @return the bias parameter
     */
    public Parameter bias() {
        return bias;
    }

    /**
     * Returns the running mean, shape (C,): a buffer, updated in place in training mode.
     *
     * @return the tensor (not a copy)
     */
    public Tensor runningMean() {
        return runningMean;
    }

    /**
     * Returns the running (unbiased) variance, shape (C,): a buffer, updated in place in training mode.
     *
     * @return the tensor (not a copy)
     */
    public Tensor runningVar() {
        return runningVar;
    }

    /**
     * Returns the number of channels C.
     *
     * @return C
     */
    public int channels() {
        return channels;
    }

    /**
     * Returns ε.
     *
     * @return ε
     */
    public double eps() {
        return eps;
    }

    /**
     * Returns the momentum of the running statistics.
     *
     * @return m
     */
    public double momentum() {
        return momentum;
    }

    @Override
    protected String describeSettings() {
        return channels + ", eps=" + eps + ", momentum=" + momentum;
    }
}
