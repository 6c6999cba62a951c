package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Arrays;

/**
 * Binary cross-entropy on probabilities: how surprised a model that says "yes with probability p"
 * is by the answers t.
 *
 * <pre>{@code
 * Variable p = Variable.requiringGrad(Tensor.of(new double[] {0.8, 0.4}));
 * new BCELoss().forward(p, Tensor.of(new double[] {1, 0}));   // -(ln 0.8 + ln 0.6) / 2 = 0.3670
 * }</pre>
 *
 * <p>Formula: {@code l_i = -[t_i·ln(p_i) + (1 - t_i)·ln(1 - p_i)]}, then the {@link Reduction}
 * (default {@link Reduction#MEAN}). Each logarithm is clamped at {@code -100}, as PyTorch does, so
 * that a confident wrong answer ({@code p = 0} with {@code t = 1}) costs 100 rather than infinity.
 * The clamp is done before the logarithm — {@code ln(max(p, e^-100))} — so that {@code ln} never sees
 * 0 and the backward pass never divides by it.
 *
 * <p>Derivative: {@code dl_i/dp_i = -t_i/p_i + (1 - t_i)/(1 - p_i) = (p_i - t_i) / (p_i(1 - p_i))}
 * (divided by {@code n} for the mean); {@code dl_i/dt_i = ln(1 - p_i) - ln(p_i)}. Where a probability
 * is clamped ({@code p < e^-100} or {@code 1 - p < e^-100}) its term is the constant 100 and its
 * derivative is 0. (PyTorch instead reports {@code (p - t)/max(p(1 - p), 1e-12)} there; use
 * {@link BCEWithLogitsLoss} on raw scores, which needs no clamp.)
 *
 * <p>Input rules: prediction and target have the same shape, and every prediction and every target
 * lies in {@code [0, 1]} (targets may be soft labels such as 0.9).
 *
 * <p>Reference: PyTorch's {@code torch.nn.BCELoss(reduction='mean')} (without per-element weights).
 */
public class BCELoss extends Loss {

    /** The smallest probability whose logarithm is used: {@code e^-100}, so {@code ln} is never below -100. */
    static final double SMALLEST_PROBABILITY = Math.exp(-100);

    /** Makes the loss with the mean reduction. */
    public BCELoss() {
        this(Reduction.MEAN);
    }

    /**
     * Makes the loss with a chosen reduction.
     *
     * @param reduction how the per-element cross-entropies are combined
     */
    public BCELoss(Reduction reduction) {
        super(reduction);
    }

    /**
     * Returns {@code -[t·ln(p) + (1 - t)·ln(1 - p)]}, element by element, with each logarithm
     * clamped at -100.
     *
     * @param prediction probabilities {@code p} in [0, 1]
     * @param target labels {@code t} in [0, 1], of the same shape
     * @return the cross-entropies, of the same shape
     * @throws IllegalArgumentException if the shapes differ or a value is outside [0, 1]
     */
    @Override
    protected Variable unreduced(Variable prediction, Variable target) {
        requireSameShape(prediction, target);
        requireProbabilities(name(), "prediction", prediction.value(),
                "apply sigmoid first, or give the raw scores to BCEWithLogitsLoss");
        requireProbabilities(name(), "target", target.value(), "targets are labels: 0, 1, or a soft label between");
        Variable logP = prediction.clip(SMALLEST_PROBABILITY, 1.0).log();
        Variable logOneMinusP = prediction.rsub(1.0).clip(SMALLEST_PROBABILITY, 1.0).log();
        Variable oneMinusT = target.rsub(1.0);
        return target.mul(logP).add(oneMinusT.mul(logOneMinusP)).neg();
    }

    /**
     * Checks that every element lies in [0, 1], naming the first one that does not.
     *
     * @param loss the loss's name
     * @param what "prediction" or "target"
     * @param values the values
     * @param hint what to do instead
     * @throws IllegalArgumentException if a value is below 0, above 1, or NaN
     */
    static void requireProbabilities(String loss, String what, Tensor values, String hint) {
        double[] data = values.toDoubleArray();
        for (int i = 0; i < data.length; i++) {
            if (!(data[i] >= 0.0 && data[i] <= 1.0)) {
                throw new IllegalArgumentException(loss + ": every " + what + " must be a probability in [0, 1], but "
                        + what + indexText(values.shape(), i) + " = " + data[i] + " (shape " + values.shape()
                        + "); " + hint);
            }
        }
    }

    /** The element at a flat (row-major) position, written as an index: {@code [1, 2]}. */
    private static String indexText(Shape shape, int flat) {
        int[] dims = shape.toArray();
        int[] index = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            index[d] = flat % dims[d];
            flat /= dims[d];
        }
        return Arrays.toString(index);
    }
}
