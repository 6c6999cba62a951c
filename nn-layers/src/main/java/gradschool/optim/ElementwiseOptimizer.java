package gradschool.optim;

import gradschool.core.Tensor;
import gradschool.nn.Parameter;
import java.util.List;

/**
 * An optimizer whose rule updates every number of every parameter on its own: all the optimizers in
 * this package (SGD, Adagrad, RMSprop, Adam, AdamW) are of this kind.
 *
 * <p>{@link #step()} walks the parameters in order. For each parameter whose gradient is not null it
 * checks that the gradient has the parameter's shape, then calls
 * {@link #updateParameter(int, Tensor, Tensor) updateParameter(index, p, g)} with both tensors seen as
 * flat, row-major 1-D tensors, so that a subclass writes its rule as one plain loop with the paper's
 * variable names:
 *
 * <pre>{@code
 * for (int i = 0; i < p.size(); i++) {
 *     p.setInPlace(p.get(i) - learningRate() * g.get(i), i);   // p ← p − lr·g
 * }
 * }</pre>
 *
 * <p>{@code p} is a view of the parameter's value, so writing into it updates the parameter in place
 * (if the value is not contiguous, the subclass works on a contiguous copy that is copied back
 * afterwards). A subclass keeps its per-parameter state (momentum buffers, running averages) in plain
 * {@code double[]} arrays indexed by {@code index}, allocated on the parameter's first step and reused
 * after that: a step allocates nothing in proportion to the parameters' size.
 */
public abstract class ElementwiseOptimizer extends Optimizer {

    /**
     * Makes an optimizer for a list of parameters.
     *
     * @param parameters the parameters to update (usually {@code model.parameters()})
     * @param learningRate the initial learning rate, {@code > 0}
     */
    protected ElementwiseOptimizer(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
    }

    /**
     * Updates every parameter that has a gradient, in place; parameters whose gradient is null (the
     * last backward pass did not reach them) are left alone, and so is their state.
     *
     * @throws IllegalStateException naming the parameter if its gradient's shape differs from its own
     */
    @Override
    public final void step() {
        List<Parameter> parameters = parameters();
        for (int index = 0; index < parameters.size(); index++) {
            Parameter parameter = parameters.get(index);
            Tensor gradient = parameter.grad();
            if (gradient == null) {
                continue;
            }
            Tensor value = parameter.value();
            if (!gradient.shape().equals(value.shape())) {
                throw new IllegalStateException(getClass().getSimpleName() + ": parameter " + index
                        + (parameter.name() == null ? "" : " ('" + parameter.name() + "')") + " has shape "
                        + value.shape() + " but its gradient has shape " + gradient.shape()
                        + "; a gradient must have its parameter's shape");
            }
            Tensor p = value.flatten();      // a view when the value is contiguous, else a copy
            Tensor g = gradient.flatten();
            updateParameter(index, p, g);
            if (!p.sharesStorageWith(value)) {
                value.copyFrom(p.reshape(value.shape()));
            }
        }
    }

    /**
     * Applies the update rule to one parameter, in place.
     *
     * @param index the parameter's position in {@link #parameters()}, the key for its state
     * @param p the parameter's value as a flat 1-D tensor; write the new values into it
     * @param g the parameter's gradient as a flat 1-D tensor of the same size; do not modify it
     */
    protected abstract void updateParameter(int index, Tensor p, Tensor g);
}
