package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Population variance over all elements or along one axis (numpy's {@code var}, ddof = 0):
 * {@code y = (1/n) Σ_i (x_i - m)²} with {@code m} the mean.
 *
 * <p>Derivative: {@code dy/dx_i = 2(x_i - m)/n} (the terms through {@code m} sum to zero), so
 * {@code dL/dx_i = g·2(x_i - m)/n}. Written with variable ops on the input, so it differentiates
 * again. Saves nothing beyond the input. Shape: as {@link Sum}.
 */
public final class Variance extends AxisReduction {

    /** Makes a variance over every element. */
    public Variance() {
        super(ALL, false);
    }

    /**
     * Makes a variance along one axis.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     */
    public Variance(int axis, boolean keepDims) {
        super(axis, keepDims);
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return overAll() ? x[0].variance() : x[0].variance(axis, keepDims);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable x = input(0);
        Variable mean = overAll() ? x.mean() : x.mean(axis, true);
        int n = reducedCount(x.value());
        return grads(expandBack(gradOutput).mul(x.sub(mean)).mul(2.0 / n));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = mean((x − m)²), m = mean(x)", "g ⊙ 2(x − m) / n")
                .withNote("population variance (ddof = 0), n elements; the terms through m add up to zero");
    }
}
