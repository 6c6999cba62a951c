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
 *
 * // A language model's (B, T, C) logits against (B, T) next-token targets, padding marked -1:
 * Loss sequenceLoss = new CrossEntropyLoss(Reduction.MEAN, 0.0, -1);
 * }</pre>
 *
 * <p>Formula: for position {@code i} with class {@code y_i},
 * <pre>
 *     l_i = -ln softmax(x_i)[y_i] = -x[i, y_i] + ln Σ_c e^(x[i, c])
 * </pre>
 * then the {@link Reduction} (default {@link Reduction#MEAN}). The log-softmax is computed stably
 * ({@link Variable#logSoftmax}, which subtracts each row's maximum first), so logits of ±1000 are fine.
 *
 * <p>Shapes — the classes are always the <em>last</em> dimension (a choice): logits {@code (N, C)} with
 * targets {@code (N,)}, or logits {@code (B, T, C)} with targets {@code (B, T)}, which is the layout a
 * language model produces ({@code B} sequences of {@code T} positions, {@code C} scores for the next
 * token at each). The result is the same as flattening to {@code (B·T, C)} and {@code (B·T,)} first,
 * as makemore does. PyTorch's rule differs for rank 3 and up: it wants the classes in dimension 1,
 * {@code (N, C, d1…)} with targets {@code (N, d1…)}, so PyTorch code passes
 * {@code logits.view(-1, C)} or {@code logits.transpose(1, 2)}; here pass {@code (B, T, C)} as it is,
 * and permute PyTorch-layout {@code (N, C, L)} scores to {@code (N, L, C)}. A target of the wrong
 * shape is refused with a message that says so. {@link Reduction#NONE} returns the target's shape.
 *
 * <p>Ignored targets, as PyTorch's {@code ignore_index} (default {@value NLLLoss#DEFAULT_IGNORE_INDEX};
 * makemore pads with -1): a position whose target equals the ignore index has loss 0 and gets a zero
 * gradient, and the mean is over the positions that are not ignored — if all are ignored it is
 * {@code 0/0 = NaN}, as in PyTorch, with a zero gradient.
 *
 * <p>Label smoothing {@code ε} (default 0): the target distribution becomes
 * {@code q = (1 - ε)·onehot(y) + ε/C} and {@code l_i = -Σ_c q[i, c]·logSoftmax(x_i)[c]}, as PyTorch's
 * {@code label_smoothing}. With {@code ε = 0} this is the formula above. With an ignore index the two
 * combine as PyTorch defines them ({@code cross_entropy_loss_label_smoothing} in ATen's
 * {@code LossNLL.cpp}): {@code L = (1 - ε)·NLL + (ε/C)·S}, where NLL is the ignore-aware NLL loss
 * and {@code S} reduces {@code s_i = -Σ_c logSoftmax(x_i)[c]} with {@code s_i = 0} at ignored positions
 * and, for the mean, the same divisor (the number of positions not ignored). That equals the per-position
 * formula above, with {@code l_i = 0} at ignored positions, reduced like NLL.
 *
 * <p>Derivative: {@code dl_i/dx[i, c] = softmax(x_i)[c] - q[i, c]} — predicted probability minus
 * target probability (divided by the number of non-ignored positions for the mean), and 0 in ignored
 * rows. Each row of the gradient sums to zero.
 *
 * <p>The true class's log-probability is selected, not picked out by multiplying with a one-hot mask
 * (see {@link NLLLoss}): a logit of {@code -∞} for a wrong class (a class ruled out) gives a finite
 * loss and a zero gradient there, as in PyTorch, instead of NaN. (With label smoothing such a class
 * gets probability {@code ε/C > 0} in the target, so the loss is then {@code +∞}, as the formula says.)
 *
 * <p>Input rules: the target holds class indices stored as doubles, each a whole number in
 * {@code 0..C-1} or the ignore index; anything else is refused with the position, the value and the
 * prediction's shape.
 *
 * <p>Reference: PyTorch's {@code torch.nn.CrossEntropyLoss(reduction='mean', ignore_index=-100,
 * label_smoothing=0.0)} with class-index targets (without class weights or probability targets).
 */
public class CrossEntropyLoss extends Loss {

    private final double labelSmoothing;
    private final int ignoreIndex;

    /** Makes the loss with the mean reduction, no label smoothing and ignore index -100. */
    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    /**
     * Makes the loss with a chosen reduction, no label smoothing and ignore index -100.
     *
     * @param reduction how the per-sample losses are combined
     */
    public CrossEntropyLoss(Reduction reduction) {
        this(reduction, 0.0);
    }

    /**
     * Makes the loss with a chosen reduction and label smoothing, and ignore index -100.
     *
     * @param reduction how the per-sample losses are combined
     * @param labelSmoothing {@code ε} in [0, 1]: how much probability moves from the true class to a
     *     uniform spread over all classes; 0 turns it off
     * @throws IllegalArgumentException if {@code labelSmoothing} is outside [0, 1]
     */
    public CrossEntropyLoss(Reduction reduction, double labelSmoothing) {
        this(reduction, labelSmoothing, NLLLoss.DEFAULT_IGNORE_INDEX);
    }

    /**
     * Makes the loss with every setting chosen.
     *
     * @param reduction how the per-sample losses are combined
     * @param labelSmoothing {@code ε} in [0, 1]; 0 turns it off
     * @param ignoreIndex the target value that marks a position to skip (PyTorch's default is -100;
     *     makemore pads with -1)
     * @throws IllegalArgumentException if {@code labelSmoothing} is outside [0, 1]
     */
    public CrossEntropyLoss(Reduction reduction, double labelSmoothing, int ignoreIndex) {
        super(reduction);
        if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0)) {
            throw new IllegalArgumentException("CrossEntropyLoss: labelSmoothing must be in [0, 1], got "
                    + labelSmoothing);
        }
        this.labelSmoothing = labelSmoothing;
        this.ignoreIndex = ignoreIndex;
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
     * Returns the target value that marks a position to skip.
     *
     * @return the ignore index, -100 unless chosen
     */
    public int ignoreIndex() {
        return ignoreIndex;
    }

    /**
     * Returns {@code -Σ_c q[i, c]·logSoftmax(x_i)[c]} for each position, and 0 where the target is the
     * ignore index.
     *
     * @param prediction logits, shape {@code (N, C)} or {@code (B, T, C)}
     * @param target class indices, shape {@code (N,)} or {@code (B, T)}
     * @return the per-position losses, the target's shape
     * @throws IllegalArgumentException if the shapes do not fit or a target is neither a whole number
     *     in {@code 0..C-1} nor the ignore index
     */
    @Override
    protected Variable unreduced(Variable prediction, Variable target) {
        ClassTargets targets = ClassTargets.check(name(), prediction, target, ignoreIndex);
        int classAxis = prediction.rank() - 1;
        Variable logProbabilities = prediction.logSoftmax(classAxis);
        Variable targetTerm = targets.atTargetClasses(logProbabilities).neg();   // -logP[i, y_i], kept i only
        if (labelSmoothing == 0.0) {
            return targets.toTargetShape(targetTerm);
        }
        // -Σ_c q[i, c]·logP[i, c] with q = (1 - ε)·onehot + ε/C, written without multiplying by the
        // one-hot mask (0·(-∞) would be NaN): (1 - ε)·(-logP[i, y_i]) + (ε/C)·(-Σ_c logP[i, c]).
        Variable uniformTerm = targets.atKeptPositions(logProbabilities.sum(classAxis, false)).neg();
        Variable smoothed = targetTerm.mul(1.0 - labelSmoothing)
                .add(uniformTerm.mul(labelSmoothing / targets.classes()));
        return targets.toTargetShape(smoothed);
    }

    /**
     * Reduces as PyTorch does with an ignore index: the mean is over the positions not ignored.
     *
     * @param losses the per-position losses, 0 at ignored positions
     * @param target the class indices
     * @return the reduced loss
     */
    @Override
    protected Variable reduce(Variable losses, Variable target) {
        return ClassTargets.reduce(reduction(), losses, target, ignoreIndex);
    }

    /**
     * Describes the loss, e.g. {@code CrossEntropyLoss(reduction=MEAN, labelSmoothing=0.1, ignoreIndex=-100)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return name() + "(reduction=" + reduction() + ", labelSmoothing=" + labelSmoothing
                + ", ignoreIndex=" + ignoreIndex + ")";
    }
}
