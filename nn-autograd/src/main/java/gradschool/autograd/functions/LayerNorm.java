package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.List;

/**
 * Layer normalization as one op: each row of {@code n} values (the last {@code k} dimensions of
 * {@code x}, where {@code k} is γ's rank) is normalized with its own mean and biased variance, then
 * scaled and shifted; the layer that applies it is {@code gradschool.nn.LayerNorm}.
 *
 * <pre>
 * μ = (1/n) Σ x        σ² = (1/n) Σ (x − μ)²        rstd = 1/√(σ² + ε)
 * x̂ = (x − μ)·rstd     y = x̂ ⊙ γ + β
 * </pre>
 *
 * <p>Derivative, with {@code g = dL/dy}, {@code ĝ = g ⊙ γ} and the means over each row's n values:
 * <ul>
 *   <li>{@code dL/dx = rstd·(ĝ − mean(ĝ) − x̂ ⊙ mean(ĝ ⊙ x̂))} — the last two terms are the paths
 *       through μ and through σ²;</li>
 *   <li>{@code dL/dγ = Σ_rows g ⊙ x̂}, {@code dL/dβ = Σ_rows g}.</li>
 * </ul>
 * The same numbers (to rounding) as the composition {@code (x − mean(x))/sqrt(var(x) + ε)·γ + β} of
 * about ten broadcasting ops, in one pass forward and one backward, as PyTorch's native kernel. Saves
 * x̂ and rstd. When the backward pass is itself being recorded ({@code createGraph}), the rule is
 * applied with variable ops on {@code x} instead, so the gradient differentiates again.
 *
 * <p>Shapes: {@code x} is {@code (…, normalizedShape)}, γ and β are {@code normalizedShape}; y as x.
 */
public final class LayerNorm extends Function {

    private final double eps;
    private NormalizationLoops.Normalized saved;

    /**
     * Makes the op.
     *
     * @param eps the ε added to the variance
     */
    public LayerNorm(double eps) {
        this.eps = eps;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        Tensor input = x[0];
        Tensor weight = x[1];
        Tensor bias = x[2];
        Shape normalized = weight.shape();
        int k = normalized.rank();
        boolean fits = bias.shape().equals(normalized) && input.rank() >= k;
        for (int i = 0; fits && i < k; i++) {
            fits = input.dim(input.rank() - k + i) == normalized.dim(i);
        }
        if (!fits) {
            throw new IllegalArgumentException("LayerNorm: the input's last dimensions must equal γ's shape "
                    + normalized + " and β's shape " + bias.shape() + " must be the same, got input " + input.shape());
        }
        int n = normalized.size();
        int rows = n == 0 ? 0 : input.size() / n;
        saved = NormalizationLoops.normalize(input.toDoubleArray(), 1, rows, n, eps);
        double[] y = NormalizationLoops.scaleShiftPerPosition(saved.xHat, n, weight.toDoubleArray(), bias.toDoubleArray());
        return Tensor.of(input.shape(), y);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        if (GradMode.isEnabled()) {
            return composedBackward(gradOutput);    // createGraph: record the rule so it differentiates again
        }
        Variable weight = input(1);
        int n = weight.size();
        double[] gradInput = needsGrad(0) ? new double[input(0).size()] : null;
        double[] gradWeight = needsGrad(1) ? new double[n] : null;
        double[] gradBias = needsGrad(2) ? new double[n] : null;
        NormalizationLoops.backwardPerPosition(gradOutput.value().toDoubleArray(), saved, n,
                weight.value().toDoubleArray(), gradInput, gradWeight, gradBias);
        return grads(gradInput == null ? null : Variable.of(Tensor.of(input(0).shape(), gradInput)),
                gradWeight == null ? null : Variable.of(Tensor.of(weight.shape(), gradWeight)),
                gradBias == null ? null : Variable.of(Tensor.of(weight.shape(), gradBias)));
    }

    /** The same rule written with variable ops on x, γ and g: μ, σ² and x̂ are recomputed from x. */
    private Variable[] composedBackward(Variable g) {
        Variable x = input(0);
        Variable weight = input(1);
        int k = weight.rank();
        Variable centered = x.sub(meanOverLast(x, k));
        Variable rstd = meanOverLast(centered.mul(centered), k).add(eps).sqrt().rdiv(1.0);
        Variable xHat = centered.mul(rstd);
        Variable gHat = g.mul(weight);
        Variable gradInput = rstd.mul(gHat.sub(meanOverLast(gHat, k)).sub(xHat.mul(meanOverLast(gHat.mul(xHat), k))));
        // γ and β get the full-shape products; the engine sums them over the rows (to γ's shape)
        return grads(needsGrad(0) ? gradInput : null, needsGrad(1) ? g.mul(xHat) : null, needsGrad(2) ? g : null);
    }

    /** Averages over the last k dimensions, keeping them with size 1. */
    private static Variable meanOverLast(Variable x, int k) {
        Variable result = x;
        for (int axis = x.rank() - k; axis < x.rank(); axis++) {
            result = result.mean(axis, true);
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
        return new DerivativeRule(List.of("x", "γ", "β"), "y = z ⊙ γ + β, z = (x − μ)·rstd, rstd = 1/√(σ² + ε)",
                List.of("rstd·(ĝ − mean(ĝ) − z ⊙ mean(ĝ ⊙ z))", "Σ_rows g ⊙ z", "Σ_rows g"),
                "ĝ = g ⊙ γ; μ, σ² (biased) and the means are over each row's last dimensions (γ's shape)", false);
    }

    @Override
    public String toString() {
        return "LayerNorm(eps=" + eps + ")";
    }
}
