package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.Objects;

/**
 * A loss function: a number that says how far a prediction is from its target, built only from
 * {@link Variable} operations so that autograd can differentiate it (twice, if asked).
 *
 * <pre>{@code
 * Loss loss = new MSELoss();
 * Variable l = loss.forward(model.forward(x), targets);   // a scalar
 * l.backward();                                           // dL/dW for every parameter W
 * }</pre>
 *
 * <p>Every loss works in two steps, which a student can step through separately:
 * <ol>
 *   <li>{@link #unreduced} computes one loss {@code l_i} per element (for element-wise losses such
 *       as {@link MSELoss}) or per sample (for classification losses such as
 *       {@link CrossEntropyLoss}), after checking the inputs;</li>
 *   <li>{@link #reduce}, with the {@link Reduction}, turns those into the result: their mean (the
 *       default), their sum, or the losses themselves. (With an ignore index, the classification losses'
 *       mean is over the targets that are not ignored.)</li>
 * </ol>
 *
 * <p>There is no hand-written backward pass here: the gradient of every loss is whatever autograd
 * derives from the operations in {@link #unreduced}; each subclass's javadoc writes that derivative
 * out so you can compare it with {@code prediction.grad()}.
 *
 * <p>Bad input — shapes that do not match, class indices out of range — gets an
 * {@link IllegalArgumentException} whose message starts with the loss's name and states the rule.
 * Unlike PyTorch, element-wise losses never broadcast a target to the prediction's shape: a
 * {@code (n, 1)} prediction against an {@code (n,)} target would silently compare every prediction
 * with every target, so it is an error here.
 */
public abstract class Loss {

    private final Reduction reduction;

    /**
     * Makes a loss with the given reduction.
     *
     * @param reduction how the per-element losses are combined
     */
    protected Loss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    /**
     * Computes the loss of a prediction against a target.
     *
     * @param prediction what the model produced (gradients flow back into it)
     * @param target what it should have produced
     * @return a scalar for {@link Reduction#MEAN} and {@link Reduction#SUM}; the per-element or
     *     per-sample losses for {@link Reduction#NONE}
     * @throws IllegalArgumentException if the inputs do not fit this loss (see the subclass)
     */
    public final Variable forward(Variable prediction, Variable target) {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(target, "target");
        return reduce(unreduced(prediction, target), target);
    }

    /**
     * Computes the loss of a prediction against plain data: the target is wrapped in a variable that
     * needs no gradient.
     *
     * @param prediction what the model produced
     * @param target what it should have produced
     * @return the loss, as {@link #forward(Variable, Variable)}
     * @throws IllegalArgumentException if the inputs do not fit this loss (see the subclass)
     */
    public final Variable forward(Variable prediction, Tensor target) {
        Objects.requireNonNull(target, "target");
        return forward(prediction, Variable.of(target));
    }

    /**
     * Checks the inputs and computes the losses {@code l_i} before reduction.
     *
     * @param prediction what the model produced
     * @param target what it should have produced
     * @return one loss per element or per sample
     * @throws IllegalArgumentException if the inputs do not fit this loss
     */
    protected abstract Variable unreduced(Variable prediction, Variable target);

    /**
     * Combines the losses {@code l_i} from {@link #unreduced} with this loss's {@link Reduction}.
     *
     * <p>{@link CrossEntropyLoss} and {@link NLLLoss} override it: with an ignore index, their mean
     * divides by the number of targets that are not ignored, as PyTorch's does.
     *
     * @param losses the losses {@code l_i}
     * @param target the target, as given to {@link #forward(Variable, Variable)}
     * @return the reduced loss
     */
    protected Variable reduce(Variable losses, Variable target) {
        return reduction.reduce(losses);
    }

    /**
     * Returns how the per-element losses are combined.
     *
     * @return the reduction
     */
    public Reduction reduction() {
        return reduction;
    }

    /**
     * Returns the loss's name, used at the start of its error messages.
     *
     * @return the simple class name, e.g. {@code "MSELoss"}
     */
    public String name() {
        return getClass().getSimpleName();
    }

    /**
     * Checks that an element-wise loss compares tensors of the same shape.
     *
     * @param prediction the prediction
     * @param target the target
     * @throws IllegalArgumentException if the shapes differ
     */
    protected final void requireSameShape(Variable prediction, Variable target) {
        if (!prediction.shape().equals(target.shape())) {
            throw new IllegalArgumentException(name() + ": prediction shape " + prediction.shape()
                    + " and target shape " + target.shape() + " differ; this loss compares the two "
                    + "element by element, so their shapes must be equal (reshape one of them; "
                    + "targets are not broadcast)");
        }
    }

    /**
     * Describes the loss, e.g. {@code MSELoss(reduction=MEAN)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return name() + "(reduction=" + reduction + ")";
    }
}
