package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * The rectified linear unit as a layer: {@code y = max(x, 0)}.
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
