package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.data.OneHot;

/**
 * Multi-class hinge loss (the multi-class SVM loss): each wrong class should score at least a margin
 * below the right one, and pays for every bit it does not.
 *
 * <pre>{@code
 * Variable scores = Variable.requiringGrad(Tensor.of(new double[][] {{3.0, 2.5, 0.5}}));
 * new HingeLoss().forward(scores, Tensor.of(new double[] {0}));
 * // class 1 is only 0.5 below class 0, so it pays 1 - 0.5 = 0.5; class 2 pays 0; l = 0.5 / 3
 * }</pre>
 *
 * <p>We implement the multi-class form (not the binary one with ±1 targets), with the semantics of
 * PyTorch's {@code MultiMarginLoss} ({@code p = 1}). Formula: for sample {@code i} with class
 * {@code y_i}, scores {@code x} and margin {@code m} (default 1),
 * <pre>
 *     l_i = (1/C) Σ_{j ≠ y_i} max(0, m - x[i, y_i] + x[i, j])
 * </pre>
 * then the {@link Reduction} (default {@link Reduction#MEAN} over the {@code N} samples). A
 * binary problem is the case {@code C = 2}.
 *
 * <p>Derivative: with {@code z_ij = m - x[i, y_i] + x[i, j]}, a wrong class with {@code z_ij > 0}
 * gets {@code dl_i/dx[i, j] = 1/C} and the right class gets {@code -1/C} for each such {@code j};
 * classes that already clear the margin ({@code z_ij <= 0}, including exactly 0, as in PyTorch) get 0.
 *
 * <p>Input rules: scores have shape {@code (N, C)}; target has shape {@code (N,)} and holds class
 * indices stored as doubles, each a whole number in {@code 0..C-1}. {@link Reduction#NONE} returns
 * shape {@code (N,)}.
 *
 * <p>Reference: PyTorch's {@code torch.nn.MultiMarginLoss(p=1, margin=1.0, reduction='mean')}
 * (without class weights); Weston and Watkins, "Support Vector Machines for Multi-Class Pattern
 * Recognition" (ESANN 1999).
 */
public class HingeLoss extends Loss {

    /** The default margin, 1. */
    public static final double DEFAULT_MARGIN = 1.0;

    private final double margin;

    /** Makes the loss with the mean reduction and margin 1. */
    public HingeLoss() {
        this(Reduction.MEAN);
    }

    /**
     * Makes the loss with a chosen reduction and margin 1.
     *
     * @param reduction how the per-sample losses are combined
     */
    public HingeLoss(Reduction reduction) {
        this(reduction, DEFAULT_MARGIN);
    }

    /**
     * Makes the loss with a chosen reduction and margin.
     *
     * @param reduction how the per-sample losses are combined
     * @param margin {@code m}: how far below the right class's score every other score should be
     * @throws IllegalArgumentException if the margin is not finite
     */
    public HingeLoss(Reduction reduction, double margin) {
        super(reduction);
        if (!Double.isFinite(margin)) {
            throw new IllegalArgumentException("HingeLoss: margin must be a finite number, got " + margin);
        }
        this.margin = margin;
    }

    /**
     * Returns the margin.
     *
     * @return {@code m}
     */
    public double margin() {
        return margin;
    }

    /**
     * Returns {@code (1/C) Σ_{j ≠ y_i} max(0, m - x[i, y_i] + x[i, j])} for each sample.
     *
     * @param prediction scores, shape {@code (N, C)}
     * @param target class indices, shape {@code (N,)}
     * @return the per-sample losses, shape {@code (N,)}
     * @throws IllegalArgumentException if the shapes do not fit or a class index is not a whole
     *     number in {@code 0..C-1}
     */
    @Override
    protected Variable unreduced(Variable prediction, Variable target) {
        int[] targetClasses = NLLLoss.classIndices(name(), prediction, target);   // checks shapes and indices
        int samples = prediction.shape().dim(0);
        int classes = prediction.shape().dim(1);
        Tensor oneHot = OneHot.encode(target.value(), classes);
        // x[i, y_i], shape (N, 1): selected, not masked, so a -inf score elsewhere cannot make 0·(-inf) = NaN
        Variable rightScore = NLLLoss.atTargetClasses(prediction, targetClasses).reshape(samples, 1);
        Variable shortfall = prediction.sub(rightScore).add(margin).relu();      // max(0, z_ij); relu'(0) = 0
        Variable wrongClasses = Variable.constant(oneHot.neg().add(1.0));                // 1 where j ≠ y_i
        return shortfall.mul(wrongClasses).sum(1, false).div(classes);
    }

    /**
     * Describes the loss, e.g. {@code HingeLoss(reduction=MEAN, margin=1.0)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return name() + "(reduction=" + reduction() + ", margin=" + margin + ")";
    }
}
