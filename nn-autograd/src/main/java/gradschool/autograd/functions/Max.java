package gradschool.autograd.functions;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Maximum over all elements or along one axis: {@code y = max_i x_i}.
 *
 * <p>Derivative: the gradient goes to the element that is the maximum; when several tie, it is
 * split evenly among them: {@code dL/dx_i = g·[x_i = y] / (number of ties)}. Saves that weight
 * tensor. Shape: as {@link Sum}.
 */
public final class Max extends AxisReduction {

    private Tensor weights;

    /** Makes a maximum over every element. */
    public Max() {
        super(ALL, false);
    }

    /**
     * Makes a maximum along one axis.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     */
    public Max(int axis, boolean keepDims) {
        super(axis, keepDims);
    }

    @Override
    protected Tensor forward(Tensor... x) {
        Tensor result = overAll() ? x[0].max() : x[0].max(axis, keepDims);
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
        return "the maximum element receives g; ties split it evenly";
    }
}
