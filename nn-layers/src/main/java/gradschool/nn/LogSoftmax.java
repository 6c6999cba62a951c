package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * The LogSoftmax layer, along one axis: {@code y_i = x_i - log Σ_j e^(x_j)}, computed stably by the
 * {@link gradschool.autograd.functions.LogSoftmax LogSoftmax op}.
 *
 * <p>The default axis is the last ({@code -1}): the classes of a {@code (batch, classes)} input.
 * No parameters. Reference: {@code torch.nn.LogSoftmax}.
 */
public class LogSoftmax extends Layer {

    private final int axis;

    /** Makes the layer over the last axis. */
    public LogSoftmax() {
        this(-1);
    }

    /**
     * Makes the layer over a given axis.
     *
     * @param axis the dimension
     */
    public LogSoftmax(int axis) {
        this.axis = axis;
    }

    /**
     * Applies it along the axis.
     *
     * @param input any shape with that axis
     * @return the same shape
     */
    @Override
    public Variable forward(Variable input) {
        return input.logSoftmax(axis);
    }

    @Override
    protected String describeSettings() {
        return "axis=" + axis;
    }
}
