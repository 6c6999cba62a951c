package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * The ReLU layer, the rectified linear unit: {@code y = max(x, 0)}, computed by the
 * {@link gradschool.autograd.functions.ReLU ReLU op}.
 *
 * <p>Derivative 1 where {@code x > 0}, else 0. Reference: {@code torch.nn.ReLU}. No parameters.
 */
public class ReLU extends Layer {

    /** Makes the layer; it has no parameters. */
    public ReLU() {
    }

    /**
     * Applies the activation element-wise.
     *
     * @param input any shape
     * @return the same shape
     */
    @Override
    public Variable forward(Variable input) {
        return input.relu();
    }
}
