package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * Mean squared error: the average of the squared differences between prediction and target.
 *
 * <pre>{@code
 * Variable p = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3}));
 * new MSELoss().forward(p, Tensor.of(new double[] {1, 0, 5}));   // (0 + 4 + 4) / 3 = 2.6667
 * }</pre>
 *
 * <p>Formula: {@code l_i = (p_i - t_i)²}, then the {@link Reduction} (default {@link Reduction#MEAN},
 * so {@code L = (1/n) Σ_i (p_i - t_i)²} over all {@code n} elements).
 *
 * <p>Derivative: {@code dl_i/dp_i = 2(p_i - t_i)}, so with the mean
 * {@code dL/dp_i = (2/n)(p_i - t_i)} (and {@code dL/dt_i = -dL/dp_i}). Compare
 * {@link HalfSquaredErrorLoss}, whose ½ cancels the 2.
 *
 * <p>Shapes: prediction and target must have the same shape; the result of {@link Reduction#NONE}
 * has that shape too.
 *
 * <p>Reference: PyTorch's {@code torch.nn.MSELoss(reduction='mean')}.
 */
public class MSELoss extends Loss {

    /** Makes the loss with the mean reduction. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /**
     * Makes the loss with a chosen reduction.
     *
     * @param reduction how the squared errors are combined
     */
    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    /**
     * Returns the squared errors {@code (p_i - t_i)²}, element by element.
     *
     * @param prediction the prediction {@code p}
     * @param target the target {@code t}, of the same shape
     * @return the squared errors, of the same shape
     * @throws IllegalArgumentException if the shapes differ
     */
    @Override
    protected Variable unreduced(Variable prediction, Variable target) {
        requireSameShape(prediction, target);
        Variable error = prediction.sub(target);
        return error.pow(2);
    }
}
