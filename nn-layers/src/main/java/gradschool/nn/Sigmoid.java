package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * The Sigmoid layer, the logistic sigmoid: {@code y = 1 / (1 + e^-x)}, computed by the
 * {@link gradschool.autograd.functions.Sigmoid Sigmoid op}.
 *
 * <p>Derivative {@code y(1 - y)}. Reference: {@code torch.nn.Sigmoid}. No parameters.
 */
public class Sigmoid extends Layer {

    /** Makes the layer; it has no parameters. */
    public Sigmoid() {
    }

    /**
     * Applies the activation element-wise.
     *
     * @param input any shape
     * @return the same shape
     */
    @Override
    public Variable forward(Variable input) {
        return input.sigmoid();
    }
}
