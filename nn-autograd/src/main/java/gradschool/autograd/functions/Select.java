package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * One index along one dimension, that dimension removed: {@code y = x[i]} (or {@code x[:, i]}, …), a view.
 *
 * <p>Derivative: the selected elements receive {@code g}, the others 0 — {@code g} with the
 * dimension put back, written into slice {@code [i, i+1)} of zeros. Saves the input shape. Shape: the
 * input's without that dimension.
 */
public final class Select extends Function {

    private final int axis;
    private final int index;

    /**
     * Makes the op.
     *
     * @param axis the dimension
     * @param index the index (negative counts from the end)
     */
    public Select(int axis, int index) {
        this.axis = axis;
        this.index = index;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].select(axis, index);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable x = input(0);
        int a = x.shape().normalizeAxis(axis);
        int i = index < 0 ? index + x.shape().dim(a) : index;
        return grads(new Slice.SliceScatter(x.shape(), a, i, i + 1, 1).apply(gradOutput.unsqueeze(a)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = x[index] along the axis", "g put back at index, zeros elsewhere");
    }

    @Override
    public String toString() {
        return "Select(axis=" + axis + ", index=" + index + ")";
    }
}
