package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.data.OneHot;

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
 * <p>How it picks {@code logP[i, y_i]}: it multiplies by a one-hot mask {@code M} (a plain tensor,
 * {@code M[i, c] = 1} if {@code c = y_i}, else 0, made by {@link OneHot#encode}) and sums each row:
 * {@code l_i = -Σ_c M[i, c]·logP[i, c]}. We chose the mask over {@link Variable#indexSelect} on the
 * flattened input (rows {@code i·C + y_i}) because the mask is the one-hot target a student already
 * knows, the derivative can be read off it, and the same code takes a soft target distribution (see
 * {@link CrossEntropyLoss}'s label smoothing). It costs {@code N·C} multiplications instead of
 * {@code N}, which is nothing next to the layer that made the scores.
 *
 * <p>Derivative: {@code dl_i/dlogP[i, c] = -M[i, c]}: {@code -1} (divided by {@code N} for the mean)
 * at the true class, 0 elsewhere.
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
     * Returns {@code -logP[i, y_i]} for each sample.
     *
     * @param prediction log-probabilities, shape {@code (N, C)}
     * @param target class indices, shape {@code (N,)}
     * @return the per-sample losses, shape {@code (N,)}
     * @throws IllegalArgumentException if the shapes do not fit or a class index is not a whole
     *     number in {@code 0..C-1}
     */
    @Override
    protected Variable unreduced(Variable prediction, Variable target) {
        Tensor oneHot = classTargetsAsOneHot(name(), prediction, target);
        return negativeLogLikelihood(prediction, oneHot);
    }

    /**
     * Returns {@code -Σ_c Q[i, c]·logP[i, c]} for each row: the cross-entropy between a target
     * distribution {@code Q} (a one-hot mask, or a smoothed one) and the model's log-probabilities.
     *
     * @param logProbabilities shape {@code (N, C)}
     * @param targetDistribution shape {@code (N, C)}, data (not differentiated)
     * @return shape {@code (N,)}
     */
    static Variable negativeLogLikelihood(Variable logProbabilities, Tensor targetDistribution) {
        return logProbabilities.mul(Variable.of(targetDistribution)).sum(1, false).neg();
    }

    /**
     * Checks a batch of scores and class indices and returns the one-hot mask of the targets.
     *
     * @param loss the loss's name, for messages
     * @param prediction scores or log-probabilities, shape {@code (N, C)}
     * @param target class indices, shape {@code (N,)}
     * @return the one-hot mask, shape {@code (N, C)}
     * @throws IllegalArgumentException if the shapes do not fit or a class index is not a whole
     *     number in {@code 0..C-1}
     */
    static Tensor classTargetsAsOneHot(String loss, Variable prediction, Variable target) {
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
        for (int i = 0; i < labels.length; i++) {
            double label = labels[i];
            if (label != Math.rint(label) || label < 0 || label >= classes) {
                throw new IllegalArgumentException(loss + ": target[" + i + "] = " + label + " is not a class index; "
                        + "class indices must be whole numbers in 0.." + (classes - 1) + " because the prediction "
                        + "has shape " + prediction.shape() + " (C = " + classes + " classes)");
            }
        }
        return OneHot.encode(target.value(), classes);
    }
}
