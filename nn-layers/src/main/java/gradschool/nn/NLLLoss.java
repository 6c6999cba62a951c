package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * Negative log-likelihood: minus the log-probability the model gave to the right class.
 *
 * <pre>{@code
 * Variable logP = Variable.requiringGrad(Tensor.of(new double[][] {{-0.5, -1.0, -2.0}, {-3.0, -0.1, -2.5}}));
 * new NLLLoss().forward(logP, Tensor.of(new double[] {0, 1}));   // (0.5 + 0.1) / 2 = 0.3
 * }</pre>
 *
 * <p>Formula: for position {@code i} with class {@code y_i}, {@code l_i = -logP[i, y_i]}, then the
 * {@link Reduction} (default {@link Reduction#MEAN}: {@code L = (1/N) Σ_i l_i}). The input is
 * log-probabilities, usually from {@code logits.logSoftmax(-1)}; {@link CrossEntropyLoss} does both steps.
 *
 * <p>How it picks {@code logP[i, y_i]}: it selects those entries, one per row — the flattened input's
 * elements {@code i·C + y_i}, by {@link Variable#indexSelect} — rather than multiplying by a one-hot
 * mask {@code M} and summing each row. The mask is how the formula is often written
 * ({@code l_i = -Σ_c M[i, c]·logP[i, c]}), but it goes wrong on a log-probability of {@code -∞} (a class
 * the model rules out): {@code 0·(-∞)} is NaN in floating point, so one impossible wrong class would
 * make the whole loss NaN. Selecting never touches the other entries, so the loss stays finite, as
 * PyTorch's does. It also costs {@code N} reads instead of {@code N·C} multiplications.
 *
 * <p>Ignored targets, as PyTorch's {@code ignore_index} (default {@value #DEFAULT_IGNORE_INDEX}): a
 * position whose target equals the ignore index contributes {@code l_i = 0} and receives a zero
 * gradient; {@link Reduction#MEAN} divides by the number of positions that are <em>not</em> ignored
 * (so if every target is ignored the mean is {@code 0/0 = NaN}, as in PyTorch, with a zero gradient);
 * {@link Reduction#NONE} returns 0 at the ignored positions.
 *
 * <p>Derivative: {@code dl_i/dlogP[i, c] = -1} (divided by the number of non-ignored positions for the
 * mean) at the true class {@code c = y_i}, 0 elsewhere and 0 in every ignored row — the selection's
 * backward writes each row's gradient into the entry it was taken from and leaves zeros (not NaN, even
 * next to {@code -∞}) everywhere else.
 *
 * <p>Input rules, as for {@link CrossEntropyLoss}: the classes are the prediction's <em>last</em>
 * dimension — {@code (N, C)} with a target of shape {@code (N,)}, or {@code (B, T, C)} with a target of
 * shape {@code (B, T)} (PyTorch wants {@code (N, C, d1…)}; see {@link CrossEntropyLoss}). The target
 * holds class indices stored as doubles, each a whole number in {@code 0..C-1} or the ignore index.
 * {@link Reduction#NONE} returns the target's shape.
 *
 * <p>Reference: PyTorch's {@code torch.nn.NLLLoss(reduction='mean', ignore_index=-100)} (without class
 * weights).
 */
public class NLLLoss extends Loss {

    /** PyTorch's default {@code ignore_index}: a target of -100 marks a position to skip. */
    public static final int DEFAULT_IGNORE_INDEX = -100;

    private final int ignoreIndex;

    /** Makes the loss with the mean reduction and ignore index -100. */
    public NLLLoss() {
        this(Reduction.MEAN);
    }

    /**
     * Makes the loss with a chosen reduction and ignore index -100.
     *
     * @param reduction how the per-sample losses are combined
     */
    public NLLLoss(Reduction reduction) {
        this(reduction, DEFAULT_IGNORE_INDEX);
    }

    /**
     * Makes the loss with a chosen reduction and ignore index.
     *
     * @param reduction how the per-sample losses are combined
     * @param ignoreIndex the target value that marks a position to skip (makemore pads with -1)
     */
    public NLLLoss(Reduction reduction, int ignoreIndex) {
        super(reduction);
        this.ignoreIndex = ignoreIndex;
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
     * Returns {@code -logP[i, y_i]} for each position, selected (not masked: see the class comment),
     * and 0 where the target is the ignore index.
     *
     * @param prediction log-probabilities, shape {@code (N, C)} or {@code (B, T, C)}
     * @param target class indices, shape {@code (N,)} or {@code (B, T)}
     * @return the per-position losses, the target's shape
     * @throws IllegalArgumentException if the shapes do not fit or a target is neither a whole number
     *     in {@code 0..C-1} nor the ignore index
     */
    @Override
    protected Variable unreduced(Variable prediction, Variable target) {
        ClassTargets targets = ClassTargets.check(name(), prediction, target, ignoreIndex);
        return targets.toTargetShape(targets.atTargetClasses(prediction).neg());
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
     * Describes the loss, e.g. {@code NLLLoss(reduction=MEAN, ignoreIndex=-100)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return name() + "(reduction=" + reduction() + ", ignoreIndex=" + ignoreIndex + ")";
    }

    /**
     * Returns {@code x[i, y_i]} for each row {@code i}: the entry of each row at its target class
     * (for {@link HingeLoss}, which takes {@code (N, C)} scores and has no ignore index).
     *
     * <p>It flattens {@code x} and selects the elements {@code i·C + y_i} ({@link Variable#indexSelect}).
     * Derivative: {@code dL/dx[i, c] = g_i} where {@code c = y_i} and 0 elsewhere, so an entry that is
     * not selected gets a zero gradient even if it is {@code ±∞} or NaN.
     *
     * @param scores shape {@code (N, C)}
     * @param targetClasses {@code N} class indices, each in {@code 0..C-1} (checked by {@link #classIndices})
     * @return shape {@code (N,)}
     */
    static Variable atTargetClasses(Variable scores, int[] targetClasses) {
        int classes = scores.shape().dim(1);
        int[] flatPositions = new int[targetClasses.length];
        for (int i = 0; i < targetClasses.length; i++) {
            flatPositions[i] = i * classes + targetClasses[i];   // row i, column y_i of an (N, C) matrix
        }
        return scores.flatten().indexSelect(flatPositions);
    }

    /**
     * Checks a batch of scores and class indices and returns the indices as integers.
     *
     * @param loss the loss's name, for messages
     * @param prediction scores or log-probabilities, shape {@code (N, C)}
     * @param target class indices stored as doubles, shape {@code (N,)}
     * @return the {@code N} class indices
     * @throws IllegalArgumentException if the shapes do not fit or a class index is not a whole
     *     number in {@code 0..C-1}
     */
    static int[] classIndices(String loss, Variable prediction, Variable target) {
        if (prediction.rank() != 2 || prediction.shape().dim(1) < 1) {
            throw new IllegalArgumentException(loss + ": prediction must have shape (N, C) — one row of C >= 1 "
                    + "class scores per sample — but has shape " + prediction.shape());
        }
        return ClassTargets.checkWithoutIgnoreIndex(loss, prediction, target).keptClasses();
    }
}
