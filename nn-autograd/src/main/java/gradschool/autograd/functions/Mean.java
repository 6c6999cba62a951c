package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Mean over all elements or along one axis: {@code y = (1/n) Σ_i x_i}.
 *
 * <p>Derivative: {@code dy/dx_i = 1/n}, so every element receives {@code g/n}. Saves nothing: {@code n} is read from the input's shape.
 * Shape: as {@link Sum}.
 */
public final class Mean extends AxisReduction {

    /** Makes a mean over every element. */
    public Mean() {
        super(ALL, false);
    }

    /**
     * Makes a mean along one axis.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     */
    public Mean(int axis, boolean keepDims) {
        super(axis, keepDims);
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return overAll() ? x[0].mean() : x[0].mean(axis, keepDims);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(expandBack(gradOutput).div(reducedCount(input(0).value())));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = mean(x)", "g / n, copied to every averaged element")
                .withNote("n is the number of averaged elements");
    }
}
