package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * The Tanh op, the hyperbolic tangent: {@code y = tanh x}; the layer that applies it is
 * {@code gradschool.nn.Tanh}.
 *
 * <p>Derivative: {@code dy/dx = 1 - tanh²x = 1 - y²}, so {@code dL/dx = g·(1 - y²)}. Saves the output.
 * The backward pass computes {@code g·(1 - y·y)} in one loop (the same operations as the composition
 * {@code g.mul(y.mul(y).rsub(1))}, so the same bits); when the backward pass is itself being recorded
 * ({@code createGraph}) it uses those variable ops, so it differentiates again. Shape: unchanged.
 */
public final class Tanh extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].tanh();
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable y = output();
        if (GradMode.isEnabled()) {   // createGraph: record the rule so it differentiates again
            return grads(gradOutput.mul(y.mul(y).rsub(1.0)));
        }
        double[] g = gradOutput.value().toDoubleArray();
        double[] values = y.value().toDoubleArray();
        for (int i = 0; i < g.length; i++) {
            double v = values[i];
            g[i] *= 1.0 - v * v;
        }
        return grads(Variable.of(Tensor.of(y.shape(), g)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = tanh x", "g ⊙ (1 − y²)");
    }
}
