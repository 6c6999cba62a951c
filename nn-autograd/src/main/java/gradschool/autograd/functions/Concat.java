package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Joining along an existing dimension: {@code y = concat([x_0, x_1, …], axis)}, like
 * {@code torch.cat(tensors, dim)}.
 *
 * <p>Derivative: each input gets back its own part of {@code g}: {@code dL/dx_i = slice of g from
 * offset_i to offset_i + size_i along the axis}. Saves nothing: backward reads each input's size
 * along the axis from the input itself. Shape: the inputs' common shape with the axis sizes added up.
 */
public final class Concat extends Function {

    private final int axis;

    /**
     * Makes the op.
     *
     * @param axis the dimension to join along
     */
    public Concat(int axis) {
        this.axis = axis;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return Tensor.concat(Arrays.asList(x), axis);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        int count = inputs().size();
        Variable[] result = new Variable[count];
        int a = gradOutput.shape().normalizeAxis(axis);
        int position = 0;
        for (int i = 0; i < count; i++) {
            int length = input(i).shape().dim(a);
            result[i] = needsGrad(i) ? gradOutput.slice(a, position, position + length) : null;
            position += length;
        }
        return result;
    }

    @Override
    public DerivativeRule derivativeRule() {
        return new DerivativeRule(List.of("x"), "y = concat(…, x, …) along the axis",
                List.of("the part of g where x was placed"), "every input is an x", false);
    }

    @Override
    public String toString() {
        return "Concat(axis=" + axis + ")";
    }
}
