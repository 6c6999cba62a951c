package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * The Tanh layer, the hyperbolic tangent: {@code y = tanh x}, computed by the
 * {@link gradschool.autograd.functions.Tanh Tanh op}.
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
