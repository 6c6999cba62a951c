package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Batch normalization with the batch's own statistics (training mode) as one op: each channel
 * {@code c} (dimension {@code channelAxis} of {@code x}) is normalized with the mean and biased
 * variance of its {@code m} values — every other dimension — then scaled by γ_c and shifted by β_c;
 * the layers that apply it are {@code gradschool.nn.BatchNorm1d} and {@code BatchNorm2d}.
 *
 * <pre>
 * μ_c = (1/m) Σ x        σ²_c = (1/m) Σ (x − μ_c)²        rstd_c = 1/√(σ²_c + ε)
 * x̂ = (x − μ_c)·rstd_c   y = x̂·γ_c + β_c
 * </pre>
 *
 * <p>Derivative, with {@code g = dL/dy} and the sums over channel c's m values:
 * <ul>
 *   <li>{@code dL/dx = (γ_c·rstd_c/m)·(m·g − Σg − x̂·Σ(g ⊙ x̂))} — every output of a channel depends on
 *       every input of that channel, through μ_c and σ²_c;</li>
 *   <li>{@code dL/dγ_c = Σ g ⊙ x̂}, {@code dL/dβ_c = Σ g}.</li>
 * </ul>
 * The same numbers (to rounding) as the composition {@code (x − mean)/sqrt(var + ε)·γ + β} of broadcasting
 * ops, in one pass forward and one backward, as PyTorch's native kernel. Saves x̂ and rstd; the batch's μ
 * and σ² stay readable ({@link #batchMean()}, {@link #batchVariance()}) for the layer's running
 * statistics. When the backward pass is itself being recorded ({@code createGraph}), the rule is applied
 * with variable ops on {@code x}, so the gradient differentiates again.
 *
 * <p>Shapes: {@code x} has C = {@code x.dim(channelAxis)} channels, γ and β are {@code (C,)}; y as x.
 */
public final class BatchNorm extends Function {

    private final int channelAxis;
    private final double eps;
    private NormalizationLoops.Normalized saved;
    private int outer;
    private int inner;

    /**
     * Makes the op.
     *
     * @param channelAxis the dimension that holds the channels (1 for (N, C, …), the last for channels last)
     * @param eps the ε added to the variance
     */
    public BatchNorm(int channelAxis, double eps) {
        this.channelAxis = channelAxis;
        this.eps = eps;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        Tensor input = x[0];
        if (channelAxis < 0 || channelAxis >= input.rank()) {
            throw new IllegalArgumentException("BatchNorm: channel axis " + channelAxis + " is not a dimension of "
                    + "the input of shape " + input.shape());
        }
        int channels = input.dim(channelAxis);
        if (x[1].rank() != 1 || x[1].dim(0) != channels || !x[2].shape().equals(x[1].shape())) {
            throw new IllegalArgumentException("BatchNorm: γ and β must both be (" + channels + ",), one per channel "
                    + "of the input " + input.shape() + ", got " + x[1].shape() + " and " + x[2].shape());
        }
        outer = 1;
        for (int axis = 0; axis < channelAxis; axis++) {
            outer *= input.dim(axis);
        }
        inner = 1;
        for (int axis = channelAxis + 1; axis < input.rank(); axis++) {
            inner *= input.dim(axis);
        }
        saved = NormalizationLoops.normalize(input.toDoubleArray(), outer, channels, inner, eps);
        double[] y = NormalizationLoops.scaleShiftPerGroup(saved.xHat, outer, channels, inner,
                x[1].toDoubleArray(), x[2].toDoubleArray());
        return Tensor.of(input.shape(), y);
    }

    /**
     * Returns the batch mean μ of each channel, computed by the forward pass.
     *
     * @return shape (C,)
     * @throws IllegalStateException before the op is applied
     */
    public Tensor batchMean() {
        return Tensor.of(statistics().mean);
    }

    /**
     * Returns the batch's biased variance σ² of each channel (dividing by m), computed by the forward pass.
     *
     * @return shape (C,)
     * @throws IllegalStateException before the op is applied
     */
    public Tensor batchVariance() {
        return Tensor.of(statistics().variance);
    }

    private NormalizationLoops.Normalized statistics() {
        if (saved == null) {
            throw new IllegalStateException("BatchNorm: the batch statistics exist only after the op is applied");
        }
        return saved;
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        if (GradMode.isEnabled()) {
            return composedBackward(gradOutput);    // createGraph: record the rule so it differentiates again
        }
        Variable weight = input(1);
        int channels = weight.size();
        double[] gradInput = needsGrad(0) ? new double[input(0).size()] : null;
        double[] gradWeight = needsGrad(1) ? new double[channels] : null;
        double[] gradBias = needsGrad(2) ? new double[channels] : null;
        NormalizationLoops.backwardPerGroup(gradOutput.value().toDoubleArray(), saved, outer, channels, inner,
                weight.value().toDoubleArray(), gradInput, gradWeight, gradBias);
        return grads(gradInput == null ? null : Variable.of(Tensor.of(input(0).shape(), gradInput)),
                gradWeight == null ? null : Variable.of(Tensor.of(weight.shape(), gradWeight)),
                gradBias == null ? null : Variable.of(Tensor.of(weight.shape(), gradBias)));
    }

    /** The same rule written with variable ops on x, γ and g: μ, σ² and x̂ are recomputed from x. */
    private Variable[] composedBackward(Variable g) {
        Variable x = input(0);
        int channels = input(1).size();
        int[] broadcast = new int[x.rank()];
        Arrays.fill(broadcast, 1);
        broadcast[channelAxis] = channels;                                // (1, C, 1, …)
        Variable weight = input(1).reshape(broadcast);
        Variable centered = x.sub(meanOverAllButChannels(x));
        Variable rstd = meanOverAllButChannels(centered.mul(centered)).add(eps).sqrt().rdiv(1.0);
        Variable xHat = centered.mul(rstd);
        Variable gHat = g.mul(weight);
        Variable gradInput = rstd.mul(gHat.sub(meanOverAllButChannels(gHat))
                .sub(xHat.mul(meanOverAllButChannels(gHat.mul(xHat)))));
        Variable gradWeight = sumOverAllButChannels(g.mul(xHat)).reshape(channels);
        Variable gradBias = sumOverAllButChannels(g).reshape(channels);
        return grads(needsGrad(0) ? gradInput : null, needsGrad(1) ? gradWeight : null, needsGrad(2) ? gradBias : null);
    }

    /** Averages over every dimension but the channels', keeping them with size 1. */
    private Variable meanOverAllButChannels(Variable x) {
        Variable result = x;
        for (int axis = 0; axis < x.rank(); axis++) {
            result = axis == channelAxis ? result : result.mean(axis, true);
        }
        return result;
    }

    /** Sums over every dimension but the channels', keeping them with size 1. */
    private Variable sumOverAllButChannels(Variable x) {
        Variable result = x;
        for (int axis = 0; axis < x.rank(); axis++) {
            result = axis == channelAxis ? result : result.sum(axis, true);
        }
        return result;
    }

    /**
     * Returns the rule; x̂ is written {@code z} there (the z-score), so that {@code ExplainingListener},
     * which puts the input's name for the symbol {@code x}, leaves it alone.
     *
     * @return the rule
     */
    @Override
    public DerivativeRule derivativeRule() {
        return new DerivativeRule(List.of("x", "γ", "β"),
                "y = z·γ_c + β_c, z = (x − μ_c)·rstd_c, rstd_c = 1/√(σ²_c + ε)",
                List.of("(γ_c·rstd_c/m)·(m·g − Σ g − z·Σ(g ⊙ z))", "Σ g ⊙ z", "Σ g"),
                "per channel c, μ_c, σ²_c (biased) and the sums are over its m values (every dimension but the channel axis)",
                false);
    }

    @Override
    public String toString() {
        return "BatchNorm(channelAxis=" + channelAxis + ", eps=" + eps + ")";
    }
}
