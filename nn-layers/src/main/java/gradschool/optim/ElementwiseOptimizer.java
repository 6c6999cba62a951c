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
 * {@link #updateParameter(int, double[], double[]) updateParameter(index, p, g)} with the parameter's
 * values and gradient copied into flat, row-major arrays (reused from step to step), and copies the
 * new values back; so a subclass writes its rule as one plain loop with the paper's variable names:
 *
 * <pre>{@code
 * for (int i = 0; i < p.length; i++) {
 *     p[i] = p[i] - learningRate() * g[i];   // p ← p − lr·g
 * }
 * }</pre>
 *
 * <p>{@code p} and {@code g} are copies, not views, whatever the parameter's layout: writing into
 * {@code p} changes the parameter only because {@code step()} copies {@code p} back into it after
 * {@code updateParameter} returns, and writing into {@code g} changes nothing but the copy. Both arrays
 * are reused for the next step, so a subclass must not keep them. A subclass keeps its per-parameter
 * state (momentum buffers, running averages) in its own {@code double[]} arrays indexed by
 * {@code index}, allocated on the parameter's first step and reused after that: a step allocates
 * nothing in proportion to the parameters' size.
 */
public abstract class ElementwiseOptimizer extends Optimizer {

    /** Reused per-parameter buffers for the values and gradients, so a step allocates nothing. */
    private final double[][] values;
    private final double[][] gradients;

    /**
     * Makes an optimizer for a list of parameters.
     *
     * @param parameters the parameters to update (usually {@code model.parameters()})
     * @param learningRate the initial learning rate, {@code > 0}
     */
    protected ElementwiseOptimizer(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
        this.values = new double[parameters.size()][];
        this.gradients = new double[parameters.size()][];
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
            // Copy the values and the gradient into flat arrays, apply the rule, copy the values back:
            // two bulk copies, so each rule is a plain loop over doubles.
            double[] p = buffer(values, index, value.size());
            double[] g = buffer(gradients, index, value.size());
            value.copyInto(p);
            gradient.copyInto(g);
            updateParameter(index, p, g);
            value.copyFrom(p);
        }
    }

    private double[] buffer(double[][] buffers, int index, int size) {
        if (buffers[index] == null || buffers[index].length != size) {
            buffers[index] = new double[size];
        }
        return buffers[index];
    }

    /**
     * Applies the update rule to one parameter, in place.
     *
     * @param index the parameter's position in {@link #parameters()}, the key for its state
     * @param p a copy of the parameter's values in row-major order; write the new values into it
     * @param g a copy of the parameter's gradient in the same order
     */
    protected abstract void updateParameter(int index, double[] p, double[] g);
}
