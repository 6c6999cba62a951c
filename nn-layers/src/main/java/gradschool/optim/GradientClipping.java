package gradschool.optim;

import gradschool.core.Tensor;
import gradschool.nn.Parameter;
import java.util.List;

/**
 * Gradient clipping: shrink gradients that are too large before the optimizer uses them, a guard
 * against the occasional huge gradient (an "exploding gradient") that throws training off course.
 *
 * <pre>{@code
 * optimizer.zeroGrad();
 * loss.backward();
 * double norm = GradientClipping.clipByNorm(model.parameters(), 1.0);   // between backward and step
 * optimizer.step();
 * }</pre>
 *
 * <p>Both methods modify the parameters' gradient tensors in place and skip parameters whose gradient
 * is null.
 */
public final class GradientClipping {

    /** Added to the norm before dividing, as in PyTorch, so that the scale never divides by zero. */
    private static final double EPSILON = 1e-6;

    private GradientClipping() {
    }

    /**
     * Scales all gradients together so that their global L2 norm is at most {@code maxNorm}; the
     * direction of the combined gradient is kept. As PyTorch's {@code torch.nn.utils.clip_grad_norm_}:
     *
     * <pre>
     *   norm = √(Σ over all parameters and elements of g²)
     *   if norm &gt; maxNorm:  g ← g · maxNorm / (norm + 1e-6)   for every gradient
     * </pre>
     *
     * @param parameters the parameters whose gradients to clip (null gradients are skipped)
     * @param maxNorm the largest allowed global norm, {@code > 0}
     * @return the global norm before clipping (handy to log: it shows whether gradients explode)
     * @throws IllegalArgumentException if {@code maxNorm} is not positive and finite
     * @throws IllegalStateException naming the parameter if a gradient holds NaN or an infinity, since
     *     no scaling can make such a gradient useful
     */
    public static double clipByNorm(List<Parameter> parameters, double maxNorm) {
        Hyperparameters.positive("clipByNorm", "maxNorm", maxNorm);
        double sumOfSquares = 0;
        for (int index = 0; index < parameters.size(); index++) {
            Tensor g = parameters.get(index).grad();
            if (g == null) {
                continue;
            }
            Tensor flat = g.flatten();
            double parameterSumOfSquares = 0;
            for (int i = 0; i < flat.size(); i++) {
                parameterSumOfSquares += flat.get(i) * flat.get(i);
            }
            if (!Double.isFinite(parameterSumOfSquares) && hasNonFinite(flat)) {
                throw new IllegalStateException("clipByNorm: the gradient of " + describe(parameters, index)
                        + " contains NaN or an infinity, so the gradients cannot be clipped");
            }
            sumOfSquares += parameterSumOfSquares;
        }
        double norm = Math.sqrt(sumOfSquares);
        if (norm > maxNorm) {
            double scale = maxNorm / (norm + EPSILON);
            for (Parameter parameter : parameters) {
                if (parameter.grad() != null) {
                    parameter.grad().mulInPlace(scale);
                }
            }
        }
        return norm;
    }

    /**
     * Clamps every gradient element to {@code [-limit, limit]}, element by element (unlike
     * {@link #clipByNorm}, this can change the gradient's direction).
     *
     * @param parameters the parameters whose gradients to clip (null gradients are skipped)
     * @param limit the largest allowed magnitude, {@code > 0}
     * @throws IllegalArgumentException if {@code limit} is not positive and finite
     */
    public static void clipByValue(List<Parameter> parameters, double limit) {
        Hyperparameters.positive("clipByValue", "limit", limit);
        for (Parameter parameter : parameters) {
            Tensor g = parameter.grad();
            if (g == null) {
                continue;
            }
            Tensor flat = g.flatten();
            for (int i = 0; i < flat.size(); i++) {
                flat.setInPlace(Math.max(-limit, Math.min(limit, flat.get(i))), i);
            }
            if (!flat.sharesStorageWith(g)) {       // a non-contiguous gradient: flatten made a copy
                g.copyFrom(flat.reshape(g.shape()));
            }
        }
    }

    private static boolean hasNonFinite(Tensor flat) {
        for (int i = 0; i < flat.size(); i++) {
            if (!Double.isFinite(flat.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(List<Parameter> parameters, int index) {
        String name = parameters.get(index).name();
        return "parameter " + index + (name == null ? "" : " ('" + name + "')");
    }
}
