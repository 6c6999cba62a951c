package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * Flattens each sample: {@code (batch, d1, d2, …)} becomes {@code (batch, d1·d2·…)}.
 *
 * <p>Derivative: a reshape back. No parameters. Reference: {@code torch.nn.Flatten}.
 */
public class Flatten extends Layer {

    /** Makes the layer; it has no parameters. */
    public Flatten() {
    }

    /**
     * Reshapes to {@code (batch, -1)}.
     *
     * @param input rank at least 1
     * @return rank 2
     */
    @Override
    public Variable forward(Variable input) {
        if (input.rank() == 0) {
            throw new IllegalArgumentException("Flatten: needs a batch dimension, got a scalar");
        }
        return input.reshape(input.shape().dim(0), -1);
    }
}
