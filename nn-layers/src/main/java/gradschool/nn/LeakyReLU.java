package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * The LeakyReLU layer: {@code y = x} for {@code x > 0}, else {@code slope·x}, computed by the
 * {@link gradschool.autograd.functions.LeakyReLU LeakyReLU op}.
 *
 * <p>Default slope 0.01. Derivative 1 or {@code slope}. No parameters. Reference: {@code torch.nn.LeakyReLU}.
 */
public class LeakyReLU extends Layer {

    private final double slope;

    /** Makes the layer with slope 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    /**
     * Makes the layer with a given negative slope.
     *
     * @param slope the slope for negative inputs
     */
    public LeakyReLU(double slope) {
        this.slope = slope;
    }

    /**
     * Applies the activation element-wise.
     *
     * @param input any shape
     * @return the same shape
     */
    @Override
    public Variable forward(Variable input) {
        return input.leakyRelu(slope);
    }

    @Override
    protected String describeSettings() {
        return "slope=" + slope;
    }
}
