package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.Arrays;

/**
 * A new shape for the same elements in the same row-major order (also flatten, squeeze, unsqueeze).
 *
 * <p>Derivative: each element's gradient goes back to where the element came from, so
 * {@code dL/dx = reshape(g, shape of x)}. Saves the input shape. Shape: as requested (one {@code -1}
 * is inferred).
 */
public final class Reshape extends Function {

    private final int[] dims;

    /**
     * Makes the op for one target shape.
     *
     * @param dims the new shape; one entry may be -1
     */
    public Reshape(int... dims) {
        this.dims = dims.clone();
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].reshape(dims);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.reshape(input(0).shape().toArray()));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = x reshaped", "g reshaped back to x's shape");
    }

    @Override
    public String toString() {
        return "Reshape" + Arrays.toString(dims);
    }
}
