package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * The LogSoftmax op along one axis: {@code y_i = x_i - log Σ_j e^(x_j)}, computed stably
 * ({@code logSoftmax([1000, 1001, 1002])} is finite); the layer that applies it is
 * {@code gradschool.nn.LogSoftmax}.
 *
 * <p>Derivative: {@code dy_i/dx_j = δ_ij - softmax(x)_j}, so {@code dL/dx = g - e^y·Σ_j g_j}
 * (the sum along the axis, kept). Saves the output. Shape: unchanged.
 */
public final class LogSoftmax extends Function {

    private final int axis;

    /**
     * Makes the op.
     *
     * @param axis the dimension
     */
    public LogSoftmax(int axis) {
        this.axis = axis;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].logSoftmax(axis);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable softmax = output().exp();
        return grads(gradOutput.sub(softmax.mul(gradOutput.sum(axis, true))));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = x − log sum(e^x, axis)", "g − e^y ⊙ sum(g, axis)")
                .withNote("e^y = softmax(x); sum(…, axis) keeps the axis");
    }

    @Override
    public String toString() {
        return "LogSoftmax(axis=" + axis + ")";
    }
}
