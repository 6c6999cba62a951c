package gradschool.autograd.functions;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * What {@link Max} and {@link Min} share: the result is one of the inputs, so the gradient goes to
 * that element — split evenly when several elements tie: {@code dL/dx_i = g·[x_i = y] / (number of ties)}.
 */
abstract class TieSplittingReduction extends AxisReduction {

    private Tensor weights;

    TieSplittingReduction(int axis, boolean keepDims) {
        super(axis, keepDims);
    }

    /** The reduction itself on tensors: the maximum or the minimum. */
    abstract Tensor extreme(Tensor input);

    @Override
    protected final Tensor forward(Tensor... x) {
        Tensor result = extreme(x[0]);
        Tensor isExtreme = x[0].eq(keptShape(result, x[0]));
        Tensor ties = overAll() ? isExtreme.sum() : isExtreme.sum(x[0].shape().normalizeAxis(axis), true);
        weights = isExtreme.div(ties); // 1/k on each of the k elements equal to the extreme, 0 elsewhere
        return result;
    }

    @Override
    protected final Variable[] backward(Variable gradOutput) {
        return grads(expandBack(gradOutput).mul(Variable.constant(weights)));
    }
}
