package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * The Softmax op along one axis: {@code y_i = e^(x_i) / Σ_j e^(x_j)}, computed stably; the layer that
 * applies it is {@code gradschool.nn.Softmax}.
 *
 * <p>Derivative: {@code dy_i/dx_j = y_i(δ_ij - y_j)}, so {@code dL/dx = y·(g - Σ_j g_j·y_j)}
 * (the sum along the axis, kept for broadcasting). Saves the output. Shape: unchanged.
 */
public final class Softmax extends Function {

    private final int axis;

    /**
     * Makes the op.
     *
     * @param axis the dimension whose entries sum to 1
     */
    public Softmax(int axis) {
        this.axis = axis;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].softmax(axis);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable y = output();
        return grads(y.mul(gradOutput.sub(gradOutput.mul(y).sum(axis, true))));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = e^x / sum(e^x, axis)", "y ⊙ (g − sum(g ⊙ y, axis))")
                .withNote("sum(…, axis) keeps the axis");
    }

    @Override
    public String toString() {
        return "Softmax(axis=" + axis + ")";
    }
}
