package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * Mean absolute error: the average of the absolute differences between prediction and target.
 *
 * <pre>{@code
 * Variable p = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3}));
 * new L1Loss().forward(p, Tensor.of(new double[] {1, 0, 5}));   // (0 + 2 + 2) / 3 = 1.3333
 * }</pre>
 *
 * <p>Formula: {@code l_i = |p_i - t_i|}, then the {@link Reduction} (default
 * {@link Reduction#MEAN}, so {@code L = (1/n) Σ_i |p_i - t_i|}).
 *
 * <p>Derivative: {@code dl_i/dp_i = sign(p_i - t_i)}, taken as 0 where {@code p_i = t_i} (as PyTorch);
 * with the mean {@code dL/dp_i = sign(p_i - t_i)/n}. Unlike {@link MSELoss}, the gradient does not
 * shrink as the error does, which makes the loss robust to outliers but slow to settle.
 *
 * <p>Shapes: prediction and target must have the same shape.
 *
 * <p>Reference: PyTorch's {@code torch.nn.L1Loss(reduction='mean')}.
 */
public class L1Loss extends Loss {

    /** Makes the loss with the mean reduction. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /**
     * Makes the loss with a chosen reduction.
     *
     * @param reduction how the absolute errors are combined
     */
    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    /**
     * Returns the absolute errors {@code |p_i - t_i|}, element by element.
     *
     * @param prediction the prediction {@code p}
     * @param target the target {@code t}, of the same shape
     * @return the absolute errors, of the same shape
     * @throws IllegalArgumentException if the shapes differ
     */
    @Override
    protected Variable unreduced(Variable prediction, Variable target) {
        requireSameShape(prediction, target);
        return prediction.sub(target).abs();
    }
}
