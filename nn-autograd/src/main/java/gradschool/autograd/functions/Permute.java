package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.Arrays;

/**
 * Reordering of dimensions (transpose is the 2-D case): {@code y = permute(x, order)}, a view.
 *
 * <p>Derivative: moving elements around moves their gradients back, so
 * {@code dL/dx = permute(g, inverse(order))}. Saves the order. Shape: dimension {@code i} of the
 * result is dimension {@code order[i]} of the input.
 */
public final class Permute extends Function {

    private final int[] order;

    /**
     * Makes the op for one permutation.
     *
     * @param order a permutation of the axes
     */
    public Permute(int... order) {
        this.order = order.clone();
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].permute(order);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        int rank = order.length;
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            inverse[order[i] < 0 ? order[i] + rank : order[i]] = i;
        }
        return grads(gradOutput.permute(inverse));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = x with its axes permuted", "g with its axes permuted back");
    }

    @Override
    public String toString() {
        return "Permute" + Arrays.toString(order);
    }
}
