package gradschool.autograd.functions;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Minimum over all elements or along one axis: {@code y = min_i x_i}.
 *
 * <p>Derivative: the gradient goes to the element that is the minimum; when several tie, it is
 * split evenly among them: {@code dL/dx_i = g·[x_i = y] / (number of ties)}. Saves that weight
 * tensor. Shape: as {@link Sum}.
 */
public final class Min extends AxisReduction {

    private Tensor weights;

    /** Makes a minimum over every element. */
    public Min() {
        super(ALL, false);
    }

    /**
     * Makes a minimum along one axis.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     */
    public Min(int axis, boolean keepDims) {
        super(axis, keepDims);
    }

    @Override
    protected Tensor forward(Tensor... x) {
        Tensor result = overAll() ? x[0].min() : x[0].min(axis, keepDims);
        weights = tieWeights(x[0], keptShape(result, x[0]));
        return result;
    }

    /** {@code [x = extreme] / count}: 1/k on each of the k elements equal to the extreme, 0 elsewhere. */
    Tensor tieWeights(Tensor input, Tensor extreme) {
        Tensor isExtreme = input.eq(extreme);
        Tensor count = overAll() ? isExtreme.sum() : isExtreme.sum(input.shape().normalizeAxis(axis), true);
        return isExtreme.div(count);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(expandBack(gradOutput).mul(Variable.of(weights)));
    }

    @Override
    public String derivativeRule() {
        return "the minimum element receives g; ties split it evenly";
    }
}
