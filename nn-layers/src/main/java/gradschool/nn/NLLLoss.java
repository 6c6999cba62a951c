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
 * <p>Formula: for sample {@code i} with class {@code y_i}, {@code l_i = -logP[i, y_i]}, then the
 * {@link Reduction} (default {@link Reduction#MEAN}: {@code L = (1/N) Σ_i l_i}). The input is
 * log-probabilities, usually from {@code logits.logSoftmax(1)}; {@link CrossEntropyLoss} does both steps.
 *
 * <p>How it picks {@code logP[i, y_i]}: it selects those entries, one per row — the flattened input's
 * elements {@code i·C + y_i}, by {@link Variable#indexSelect} — rather than multiplying by a one-hot
 * mask {@code M} and summing each row. The mask is how the formula is often written
 * ({@code l_i = -Σ_c M[i, c]·logP[i, c]}), but it goes wrong on a log-probability of {@code -∞} (a class
 * the model rules out): {@code 0·(-∞)} is NaN in floating point, so one impossible wrong class would
 * make the whole loss NaN. Selecting never touches the other entries, so the loss stays finite, as
 * PyTorch's does. It also costs {@code N} reads instead of {@code N·C} multiplications.
 *
 * <p>Derivative: {@code dl_i/dlogP[i, c] = -1} (divided by {@code N} for the mean) at the true class
 * {@code c = y_i}, 0 elsewhere — the selection's backward writes each row's gradient into the entry it
 * was taken from and leaves zeros (not NaN, even next to {@code -∞}) everywhere else.
 *
 * <p>Input rules: prediction has shape {@code (N, C)}; target has shape {@code (N,)} and holds class
 * indices stored as doubles, each a whole number in {@code 0..C-1}. {@link Reduction#NONE} returns
 * shape {@code (N,)}.
 *
 * <p>Reference: PyTorch's {@code torch.nn.NLLLoss(reduction='mean')} (without class weights or
 * {@code ignore_index}).
 */
public class NLLLoss extends Loss {

    /** Makes the loss with the mean reduction. */
    public NLLLoss() {
        this(Reduction.MEAN);
    }

    /**
     * Makes the loss with a chosen reduction.
     *
     * @param reduction how the per-sample losses are combined
     */
    public NLLLoss(Reduction reduction) {
        super(reduction);
    }

    /**
     * Returns {@code -logP[i, y_i]} for each sample, selected (not masked: see the class comment).
     *
     * @param prediction log-probabilities, shape {@code (N, C)}
     * @param target class indices, shape {@code (N,)}
     * @return the per-sample losses, shape {@code (N,)}
     * @throws IllegalArgumentException if the shapes do not fit or a class index is not a whole
     *     number in {@code 0..C-1}
     */
    @Override
    protected Variable unreduced(Variable prediction, Variable target) {
        int[] classes = classIndices(name(), prediction, target);
        return atTargetClasses(prediction, classes).neg();
    }

    /**
     * Returns {@code x[i, y_i]} for each row {@code i}: the entry of each row at its target class.
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
        int samples = prediction.shape().dim(0);
        int classes = prediction.shape().dim(1);
        if (target.rank() != 1 || target.shape().dim(0) != samples) {
            throw new IllegalArgumentException(loss + ": target must have shape (" + samples + ",) — one class "
                    + "index per row of the prediction, whose shape is " + prediction.shape() + " — but has shape "
                    + target.shape());
        }
        double[] labels = target.value().toDoubleArray();
        int[] indices = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            double label = labels[i];
            if (label != Math.rint(label) || label < 0 || label >= classes) {
                throw new IllegalArgumentException(loss + ": target[" + i + "] = " + label + " is not a class index; "
                        + "class indices must be whole numbers in 0.." + (classes - 1) + " because the prediction "
                        + "has shape " + prediction.shape() + " (C = " + classes + " classes)");
            }
            indices[i] = (int) label;
        }
        return indices;
    }
}
