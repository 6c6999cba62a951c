package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Arrays;

/**
 * Layer normalization (Ba, Kiros &amp; Hinton, 2016): normalize each sample over its last {@code k}
 * dimensions, then scale and shift elementwise.
 *
 * <pre>{@code
 * LayerNorm norm = new LayerNorm(16);        // normalizes over the last dimension, of size 16
 * Variable y = norm.forward(x);              // x (batch, 16): each row mean 0, variance ≈ 1
 * }</pre>
 *
 * <p>For an input whose last {@code k} dimensions equal {@code normalizedShape}, over the
 * {@code n = size(normalizedShape)} values {@code x} of one sample:
 * <pre>
 * μ = (1/n) Σ x          σ² = (1/n) Σ (x − μ)²          (the biased variance)
 * y = (x − μ) / √(σ² + ε) ⊙ γ + β
 * </pre>
 * with γ ({@code weight}, ones) and β ({@code bias}, zeros) of shape {@code normalizedShape}, and
 * {@code ε = 1e-5}: PyTorch's definitions and defaults ({@code torch.nn.LayerNorm}). Unlike
 * {@link BatchNorm}, the statistics come from the sample itself, so training and evaluation compute the
 * same thing and there are no running statistics.
 *
 * <p>The forward pass is one op, {@link gradschool.autograd.functions.LayerNorm}
 * ({@link Variable#layerNorm}), with its derivative (through μ and σ² as well) written out in one
 * backward loop, as PyTorch's native kernel; it differentiates twice. It computes the same numbers, to rounding, as this composition of
 * autograd ops, which {@code NormalizationOpProperties} (nn-autograd) checks it against (values and
 * gradients):
 * <pre>{@code
 * Variable mean = input.mean(-1, true);                    // for k = 1; one mean per normalized axis otherwise
 * Variable centered = input.sub(mean);
 * Variable variance = centered.mul(centered).mean(-1, true);   // biased: divides by n
 * Variable y = centered.div(variance.add(eps).sqrt()).mul(weight).add(bias);
 * }</pre>
 * Its derivative, with {@code g = dL/dy}, {@code ĝ = g ⊙ γ}, {@code x̂ = (x − μ)/√(σ² + ε)} and means
 * over each sample's n values: {@code dL/dx = (ĝ − mean(ĝ) − x̂ ⊙ mean(ĝ ⊙ x̂))/√(σ² + ε)},
 * {@code dL/dγ = Σ g ⊙ x̂}, {@code dL/dβ = Σ g} (sums over the samples).
 */
public class LayerNorm extends Layer {

    private final Shape normalizedShape;
    private final double eps;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * Makes the layer with ε = 1e-5.
     *
     * @param normalizedShape the sizes of the last dimensions to normalize over, e.g. {@code 16} or {@code 8, 8}
     */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5);
    }

    /**
     * Makes the layer with a given ε.
     *
     * @param normalizedShape the sizes of the last dimensions to normalize over
     * @param eps the ε added to the variance, positive
     */
    public LayerNorm(int[] normalizedShape, double eps) {
        if (normalizedShape == null || normalizedShape.length == 0
                || Arrays.stream(normalizedShape).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("LayerNorm: the normalized shape must be one or more positive sizes, got "
                    + Arrays.toString(normalizedShape));
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("LayerNorm: eps must be positive and finite, got " + eps);
        }
        this.normalizedShape = Shape.of(normalizedShape.clone());
        this.eps = eps;
        this.weight = registerParameter("weight", new Parameter(Tensor.ones(this.normalizedShape)));
        this.bias = registerParameter("bias", new Parameter(Tensor.zeros(this.normalizedShape)));
    }

    /**
     * Normalizes each sample over the last {@code k} dimensions.
     *
     * @param input shape {@code (…, normalizedShape)}
     * @return the same shape
     * @throws IllegalArgumentException if the input's last dimensions are not {@code normalizedShape}
     */
    @Override
    public Variable forward(Variable input) {
        int k = normalizedShape.rank();
        Shape shape = input.shape();
        boolean matches = input.rank() >= k;
        for (int i = 0; matches && i < k; i++) {
            matches = shape.dim(input.rank() - k + i) == normalizedShape.dim(i);
        }
        if (!matches) {
            throw new IllegalArgumentException("LayerNorm" + normalizedShape + ": the input's last " + k
                    + (k == 1 ? " dimension" : " dimensions") + " must be " + normalizedShape + ", got input of shape " + shape);
        }
        return input.layerNorm(weight, bias, eps);
    }

    /**
     * Returns γ, shape {@code normalizedShape}.
     *
     * @return the weight parameter
     */
    public Parameter weight() {
        return weight;
    }

    /**
     * Returns β, shape {@code normalizedShape}.
     *
     * @return the bias parameter
     */
    public Parameter bias() {
        return bias;
    }

    /**
     * Returns the shape of the last dimensions normalized over.
     *
     * @return the shape
     */
    public Shape normalizedShape() {
        return normalizedShape;
    }

    /**
     * Returns ε.
     *
     * @return ε
     */
    public double eps() {
        return eps;
    }

    @Override
    protected String describeSettings() {
        return normalizedShape + ", eps=" + eps;
    }
}
