package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * The ReLU op: {@code y = max(x, 0)}, the seed's {@code np.maximum(0, z)}; the layer that applies it
 * is {@code gradschool.nn.ReLU}.
 *
 * <p>Derivative: {@code dy/dx = 1} where {@code x > 0} and {@code 0} where {@code x <= 0} (by
 * convention {@code relu'(0) = 0}); so {@code dL/dx = g·[x > 0]}. Saves the mask {@code [x > 0]}.
 * Shape: unchanged.
 */
public final class ReLU extends Function {

    private Tensor positive;

    @Override
    protected Tensor forward(Tensor... x) {
        positive = x[0].gt(0.0);
        return x[0].relu();
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.mul(Variable.constant(positive)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = max(x, 0)", "g ⊙ [x > 0]").withNote("relu'(0) = 0 by convention");
    }
}
