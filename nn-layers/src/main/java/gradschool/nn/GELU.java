package gradschool.nn;

import gradschool.autograd.Variable;

/**
 * The Gaussian error linear unit (Hendrycks &amp; Gimpel, 2016), tanh approximation: {@code y = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))}.
 *
 * <p>Built from variable ops, so autograd derives its derivative. Reference: {@code torch.nn.GELU(approximate='tanh')}. No parameters.
 */
public class GELU extends Layer {

    /** Makes the layer; it has no parameters. */
    public GELU() {
    }

    /**
     * Applies the activation element-wise.
     *
     * @param input any shape
     * @return the same shape
     */
    @Override
    public Variable forward(Variable input) {
        return input.mul(0.5).mul(input.add(input.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI)).tanh().add(1.0));
    }
}
