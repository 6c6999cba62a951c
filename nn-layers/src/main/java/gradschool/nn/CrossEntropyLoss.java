package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * Cross-entropy for classification from raw scores (logits): log-softmax, then {@link NLLLoss}.
 *
 * <pre>{@code
 * Variable logits = Variable.requiringGrad(Tensor.of(new double[][] {{2, 1, 0}}));
 * Variable l = new CrossEntropyLoss().forward(logits, Tensor.of(new double[] {0}));
 * // -ln(e²/(e² + e¹ + e⁰)) = 0.4076
 * l.backward();
 * logits.grad();   // softmax - one-hot = [[0.665 - 1, 0.245, 0.090]] = [[-0.335, 0.245, 0.090]]
 * }</pre>
 *
 * <p>Formula: for sample {@code i} with class {@code y_i},
 * <pre>
 *     l_i = -ln softmax(x_i)[y_i] = -x[i, y_i] + ln Σ_c e^(x[i, c])
 * </pre>
 * then the {@link Reduction} (default {@link Reduction#MEAN}). The log-softmax is computed stably
 * ({@link Variable#logSoftmax}, which subtracts each row's maximum first), so logits of ±1000 are fine.
 *
 * <p>Label smoothing {@code ε} (default 0): the target distribution becomes
 * {@code q = (1 - ε)·onehot(y) + ε/C} and {@code l_i = -Σ_c q[i, c]·logSoftmax(x_i)[c]}, as PyTorch's
 * {@code label_smoothing}. With {@code ε = 0} this is the formula above.
 *
 * <p>Derivative: {@code dl_i/dx[i, c] = softmax(x_i)[c] - q[i, c]} — predicted probability minus
 * target probability (divided by {@code N} for the mean). Each row of the gradient sums to zero.
 *
 * <p>The true class's log-probability is selected, not picked out by multiplying with a one-hot mask
 * (see {@link NLLLoss}): a logit of {@code -∞} for a wrong class (a class ruled out) gives a finite
 * loss and a zero gradient there, as in PyTorch, instead of NaN. (With label smoothing such a class
 * gets probability {@code ε/C > 0} in the target, so the loss is then {@code +∞}, as the formula says.)
 *
 * <p>Input rules: logits have shape {@code (N, C)}; target has shape {@code (N,)} and holds class
 * indices stored as doubles, each a whole number in {@code 0..C-1}. {@link Reduction#NONE} returns
 * shape {@code (N,)}.
 *
 * <p>Reference: PyTorch's {@code torch.nn.CrossEntropyLoss(reduction='mean', label_smoothing=0.0)}
 * with class-index targets (without class weights, {@code ignore_index} or probability targets).
 */
public class CrossEntropyLoss extends Loss {

    private final double labelSmoothing;

    /** Makes the loss with the mean reduction and no label smoothing. */
    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    /**
     * Makes the loss with a chosen reduction and no label smoothing.
     *
     * @param reduction how the per-sample losses are combined
     */
    public CrossEntropyLoss(Reduction reduction) {
        this(reduction, 0.0);
    }

    /**
     * Makes the loss with a chosen reduction and label smoothing.
     *
     * @param reduction how the per-sample losses are combined
     * @param labelSmoothing {@code ε} in [0, 1]: how much probability moves from the true class to a
     *     uniform spread over all classes; 0 turns it off
     * @throws IllegalArgumentException if {@code labelSmoothing} is outside [0, 1]
     */
    public CrossEntropyLoss(Reduction reduction, double labelSmoothing) {
        super(reduction);
        if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0)) {
            throw new IllegalArgumentException("CrossEntropyLoss: labelSmoothing must be in [0, 1], got "
                    + labelSmoothing);
        }
        this.labelSmoothing = labelSmoothing;
    }

    /**
     * Returns the label smoothing {@code ε}.
     *
     * @return ε, 0 when off
     */
    public double labelSmoothing() {
        return labelSmoothing;
    }

    /**
     * Returns {@code -Σ_c q[i, c]·logSoftmax(x_i)[c]} for each sample.
     *
     * @param prediction logits, shape {@code (N, C)}
     * @param target class indices, shape {@code (N,)}
     * @return the per-sample losses, shape {@code (N,)}
     * @throws IllegalArgumentException if the shapes do not fit or a class index is not a whole
     *     number in {@code 0..C-1}
     */
    @Override
    protected Variable unreduced(Variable prediction, Variable target) {
        int[] targetClasses = NLLLoss.classIndices(name(), prediction, target);
        Variable logProbabilities = prediction.logSoftmax(1);
        Variable targetTerm = NLLLoss.atTargetClasses(logProbabilities, targetClasses).neg();   // -logP[i, y_i]
        if (labelSmoothing == 0.0) {
            return targetTerm;
        }
        // -Σ_c q[i, c]·logP[i, c] with q = (1 - ε)·onehot + ε/C, written without multiplying by the
        // one-hot mask (0·(-∞) would be NaN): (1 - ε)·(-logP[i, y_i]) + (ε/C)·(-Σ_c logP[i, c]).
        int classes = prediction.shape().dim(1);
        Variable uniformTerm = logProbabilities.sum(1, false).neg();
        return targetTerm.mul(1.0 - labelSmoothing).add(uniformTerm.mul(labelSmoothing / classes));
    }

    /**
     * Describes the loss, e.g. {@code CrossEntropyLoss(reduction=MEAN, labelSmoothing=0.1)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return name() + "(reduction=" + reduction() + ", labelSmoothing=" + labelSmoothing + ")";
    }
}
