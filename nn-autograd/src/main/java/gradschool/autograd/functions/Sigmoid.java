package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * The Sigmoid op: {@code y = σ(x) = 1 / (1 + e^-x)}, exact for large |x| ({@link Tensor#sigmoid()});
 * the layer that applies it is {@code gradschool.nn.Sigmoid}.
 *
 * <p>Derivative: {@code dy/dx = σ(x)·(1 - σ(x)) = y·(1 - y)}, so {@code dL/dx = g·y·(1 - y)}.
 * Saves the output. Shape: unchanged.
 */
public final class Sigmoid extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].sigmoid();
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable y = output();
        return grads(gradOutput.mul(y).mul(y.rsub(1.0)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = σ(x) = 1 / (1 + e^−x)", "g ⊙ y ⊙ (1 − y)");
    }
}
