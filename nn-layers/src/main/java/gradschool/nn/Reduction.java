package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * How a {@link Loss} turns the per-element (or per-sample) losses {@code l_i} into its result, as
 * PyTorch's {@code reduction=} argument.
 *
 * <pre>{@code
 * new MSELoss(Reduction.SUM).forward(prediction, target);   // Σ_i (p_i - t_i)²
 * }</pre>
 *
 * <p>The reduction is part of the loss, so it is differentiated too: with {@link #MEAN} every
 * {@code l_i} receives the gradient {@code 1/n}, with {@link #SUM} it receives {@code 1}, and with
 * {@link #NONE} the caller chooses (for example {@code losses.backward(seed)}).
 */
public enum Reduction {

    /** The average {@code (1/n) Σ_i l_i}, a scalar; PyTorch's {@code 'mean'} and everyone's default. */
    MEAN,

    /** The total {@code Σ_i l_i}, a scalar; PyTorch's {@code 'sum'}. */
    SUM,

    /** No reduction: the losses {@code l_i} themselves, one per element or per sample; PyTorch's {@code 'none'}. */
    NONE;

    /**
     * Applies this reduction to unreduced losses.
     *
     * @param losses the losses {@code l_i}, any shape
     * @return a scalar for {@link #MEAN} and {@link #SUM}; {@code losses} itself for {@link #NONE}
     */
    public Variable reduce(Variable losses) {
        switch (this) {
            case MEAN:
                return losses.mean();
            case SUM:
                return losses.sum();
            case NONE:
                return losses;
            default:
                throw new AssertionError("unknown reduction " + this);
        }
    }
}
