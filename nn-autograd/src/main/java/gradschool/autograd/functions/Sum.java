package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Sum over all elements or along one axis: {@code y = Σ_i x_i}.
 *
 * <p>Derivative: {@code dy/dx_i = 1}, so every element receives {@code g} (broadcast back over the
 * summed axis). Saves nothing. Shape: the axis removed (or kept with size 1), or {@code ()} for all.
 */
public final class Sum extends AxisReduction {

    /** Makes a sum over every element. */
    public Sum() {
        super(ALL, false);
    }

    /**
     * Makes a sum along one axis.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     */
    public Sum(int axis, boolean keepDims) {
        super(axis, keepDims);
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return overAll() ? x[0].sum() : x[0].sum(axis, keepDims);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(expandBack(gradOutput));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = sum(x)", "g, copied to every summed element");
    }
}
