package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * The Tanh op, the hyperbolic tangent: {@code y = tanh x}; the layer that applies it is
 * {@code gradschool.nn.Tanh}.
 *
 * <p>Derivative: {@code dy/dx = 1 - tanh²x = 1 - y²}, so {@code dL/dx = g·(1 - y²)}. Saves the output.
 * Shape: unchanged.
 */
public final class Tanh extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].tanh();
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable y = output();
        return grads(gradOutput.mul(y.mul(y).rsub(1.0)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = tanh x", "g ⊙ (1 − y²)");
    }
}
