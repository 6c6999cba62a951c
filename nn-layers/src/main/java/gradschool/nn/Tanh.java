package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * The hyperbolic tangent as a layer: {@code y = tanh x}.
 *
 * <p>Derivative {@code 1 - y²}. Reference: {@code torch.nn.Tanh}. No parameters.
 */
public class Tanh extends Layer {

    /** Makes the layer; it has no parameters. */
    public Tanh() {
    }

    /**
     * Applies the activation element-wise.
     *
     * @param input any shape
     * @return the same shape
     */
    @Override
    public Variable forward(Variable input) {
        return input.tanh();
    }
}
