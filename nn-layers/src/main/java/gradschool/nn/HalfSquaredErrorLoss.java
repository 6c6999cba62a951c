package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * Half the squared error, summed: the seed notebook's loss {@code l = ½(a - p)²}.
 *
 * <pre>{@code
 * // The notebook's 3-layer network predicts p = 7.188368 for the actual value a = 1:
 * Variable p = Variable.requiringGrad(7.188368);
 * Variable l = new HalfSquaredErrorLoss().forward(p, Tensor.of(1.0));   // ½(1 - 7.188368)² = 19.14...
 * l.backward();
 * p.grad();                                                           // p - a = 6.188368
 * }</pre>
 *
 * <p>Formula, in the notebook's letters ({@code a} = actual = the target, {@code p} = predicted):
 * {@code l_i = ½(a_i - p_i)²}, then the {@link Reduction} (default {@link Reduction#SUM}, so
 * {@code L = Σ_i ½(a_i - p_i)²}; for the notebook's single output this is just {@code ½(a - p)²}).
 *
 * <p>Derivative, exactly as the notebook writes it: <b>{@code dL/dp = (p - a)}</b> — "loss_output =
 * predicted - actual". The ½ is there so that the 2 from the square cancels:
 * {@code d/dp ½(a - p)² = ½·2(a - p)·(-1) = p - a}. With {@link Reduction#MEAN} it is
 * {@code (p_i - a_i)/n}. Note the sign: {@code a - p} is the notebook's "error", and the gradient is
 * its negative.
 *
 * <p>Shapes: prediction and target must have the same shape.
 *
 * <p>Reference: the seed notebook ({@code seeds/002}), "Loss Function (Mean Squared Error):
 * l = 1/2(a - p)^2". PyTorch has no class for it; it equals
 * {@code 0.5 * torch.nn.MSELoss(reduction='sum')(p, a)}, and with {@link Reduction#MEAN} it is
 * half of {@link MSELoss}.
 */
public class HalfSquaredErrorLoss extends Loss {

    /** Makes the loss with the sum reduction, as the notebook's single-output case. */
    public HalfSquaredErrorLoss() {
        this(Reduction.SUM);
    }

    /**
     * Makes the loss with a chosen reduction.
     *
     * @param reduction how the half squared errors are combined
     */
    public HalfSquaredErrorLoss(Reduction reduction) {
        super(reduction);
    }

    /**
     * Returns {@code ½(a_i - p_i)²}, element by element.
     *
     * @param prediction the predicted values {@code p}
     * @param target the actual values {@code a}, of the same shape
     * @return the half squared errors, of the same shape
     * @throws IllegalArgumentException if the shapes differ
     */
    @Override
    protected Variable unreduced(Variable prediction, Variable target) {
        requireSameShape(prediction, target);
        Variable error = target.sub(prediction);   // a - p, the notebook's "Error(Actual-Predicted)"
        return error.pow(2).mul(0.5);
    }
}
