package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * The Softmax layer, along one axis: {@code y_i = e^(x_i) / Σ_j e^(x_j)}, computed by the
 * {@link gradschool.autograd.functions.Softmax Softmax op}.
 *
 * <p>The default axis is the last ({@code -1}): the classes of a {@code (batch, classes)} input.
 * No parameters. Reference: {@code torch.nn.Softmax}.
 */
public class Softmax extends Layer {

    private final int axis;

    /** Makes the layer over the last axis. */
    public Softmax() {
        this(-1);
    }

    /**
     * Makes the layer over a given axis.
     *
     * @param axis the dimension
     */
    public Softmax(int axis) {
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
        return input.softmax(axis);
    }

    @Override
    protected String describeSettings() {
        return "axis=" + axis;
    }
}
