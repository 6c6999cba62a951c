package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * Binary cross-entropy on raw scores (logits): a sigmoid followed by {@link BCELoss}, rewritten so
 * that it is exact and finite for any logit, even ±1000.
 *
 * <pre>{@code
 * Variable x = Variable.requiringGrad(Tensor.of(new double[] {0, 1000, -1000}));
 * Variable l = new BCEWithLogitsLoss(Reduction.NONE).forward(x, Tensor.of(new double[] {1, 0, 0}));
 * // [ln 2, 1000, 0] — sigmoid then BCELoss would give [ln 2, 100, 0]: the clamp hides the true loss
 * }</pre>
 *
 * <p>Formula: with {@code σ(x) = 1/(1 + e^-x)},
 * {@code l_i = -[t_i·ln σ(x_i) + (1 - t_i)·ln(1 - σ(x_i))]}, which simplifies to
 * {@code ln(1 + e^x) - x·t}. Computed directly, {@code e^x} overflows for {@code x = 1000}; instead
 * we use {@code ln(1 + e^x) = max(x, 0) + ln(1 + e^-|x|)}, whose exponential is never above 1:
 * <pre>
 *     l_i = max(x_i, 0) - x_i·t_i + ln(1 + e^(-|x_i|))
 * </pre>
 * then the {@link Reduction} (default {@link Reduction#MEAN}).
 *
 * <p>Derivative: {@code dl_i/dx_i = σ(x_i) - t_i} (divided by {@code n} for the mean) — prediction
 * minus target, like {@link HalfSquaredErrorLoss}'s {@code p - a}. Autograd gets there from the three
 * terms: {@code [x > 0] - t - sign(x)·e^-|x|/(1 + e^-|x|)}. At {@code x = 0} exactly (a freshly
 * zeroed output layer) {@code max(x, 0)} is a tie, which {@link Variable#maximum} splits evenly, giving
 * the correct {@code ½ - t}; that is why the code uses {@code maximum(0)} and not {@code relu()}, whose
 * gradient at 0 is 0. And {@code dl_i/dt_i = -x_i}. (One kink remains for second derivatives: at
 * {@code x = 0} exactly, autograd treats {@code sign(0) = 0} as a constant and reports
 * {@code d²l/dx² = 0} instead of {@code σ'(0) = ¼}; everywhere else it is {@code σ(x)(1 - σ(x))}.)
 *
 * <p>Input rules: logits and targets have the same shape; every target lies in {@code [0, 1]}.
 *
 * <p>Reference: PyTorch's {@code torch.nn.BCEWithLogitsLoss(reduction='mean')} (without
 * {@code weight} or {@code pos_weight}), which uses the same rewriting.
 */
public class BCEWithLogitsLoss extends Loss {

    /** Makes the loss with the mean reduction. */
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    /**
     * Makes the loss with a chosen reduction.
     *
     * @param reduction how the per-element cross-entropies are combined
     */
    public BCEWithLogitsLoss(Reduction reduction) {
        super(reduction);
    }

    /**
     * Returns {@code max(x, 0) - x·t + ln(1 + e^-|x|)}, element by element.
     *
     * @param prediction logits {@code x}, any real numbers
     * @param target labels {@code t} in [0, 1], of the same shape
     * @return the cross-entropies, of the same shape
     * @throws IllegalArgumentException if the shapes differ or a target is outside [0, 1]
     */
    @Override
    protected Variable unreduced(Variable prediction, Variable target) {
        requireSameShape(prediction, target);
        BCELoss.requireProbabilities(name(), "target", target.value(), "targets are labels: 0, 1, or a soft label between");
        Variable positivePart = prediction.maximum(0.0);                        // max(x, 0); ties split the gradient
        Variable tail = prediction.abs().neg().exp().add(1.0).log();            // ln(1 + e^-|x|), in [0, ln 2]
        return positivePart.sub(prediction.mul(target)).add(tail);
    }
}
