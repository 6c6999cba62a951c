package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Log-sum-exp along one axis, computed stably: {@code y = log Σ_i e^(x_i)}.
 *
 * <p>Derivative: {@code dy/dx_i = e^(x_i) / Σ_j e^(x_j) = softmax(x)_i = e^(x_i - y)}, so
 * {@code dL/dx_i = g·e^(x_i - y)}. Written with variable ops on the input and output, so it
 * differentiates again. Saves the output. Shape: as {@link Sum}.
 */
public final class LogSumExp extends AxisReduction {

    /**
     * Makes the op along one axis.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     */
    public LogSumExp(int axis, boolean keepDims) {
        super(axis, keepDims);
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].logSumExp(axis, keepDims);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable x = input(0);
        Variable y = keepDims ? output() : output().unsqueeze(x.shape().normalizeAxis(axis));
        return grads(expandBack(gradOutput).mul(x.sub(y).exp()));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = log sum(e^x)", "g ⊙ e^(x − y)")
                .withNote("e^(x − y) = softmax(x)");
    }
}
