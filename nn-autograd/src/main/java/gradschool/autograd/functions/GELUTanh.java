package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * The tanh approximation of the GELU as one op (GPT-2's and BERT's form, PyTorch's
 * {@code approximate='tanh'}): {@code y = ½x(1 + t)} with {@code t = tanh(u)},
 * {@code u = √(2/π)(x + 0.044715x³)}; the layer that applies it is {@code gradschool.nn.GELU}.
 *
 * <p>Derivative: {@code dy/dx = ½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 3·0.044715x²)}, so {@code dL/dx = g·dy/dx}.
 * The forward pass computes it next to the value and saves it; it cubes by {@code x·x·x}, as ATen's
 * kernel does ({@code Math.pow} costs about twenty multiplications), and tanh is {@link Tensor#tanh()}'s,
 * so the values are those of the composition of {@link Mul}, {@link Add} and {@link Tanh} it replaces, bit
 * for bit. When the backward pass is itself being recorded ({@code createGraph}), the rule
 * is applied with variable ops on x, so it differentiates again. Shape: unchanged.
 */
public final class GELUTanh extends Function {

    private static final double SQRT_TWO_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double CUBIC = 0.044715;

    private double[] slope;

    @Override
    protected Tensor forward(Tensor... x) {
        double[] values = x[0].toDoubleArray();
        double[] inner = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            inner[i] = (v + v * v * v * CUBIC) * SQRT_TWO_OVER_PI;
        }
        double[] t = Tensor.of(x[0].shape(), inner).tanh().toDoubleArray();
        slope = inner;                                                        // reused: u is not needed again
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            slope[i] = 0.5 * (1 + t[i]) + 0.5 * v * (1 - t[i] * t[i]) * SQRT_TWO_OVER_PI * (1 + 3 * CUBIC * v * v);
            values[i] = (v * 0.5) * (t[i] + 1.0);
        }
        return Tensor.of(x[0].shape(), values);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        if (GradMode.isEnabled()) {   // createGraph: the rule with variable ops, to differentiate again
            Variable x = input(0);
            Variable t = x.add(x.pow(3).mul(CUBIC)).mul(SQRT_TWO_OVER_PI).tanh();
            Variable du = x.mul(x).mul(3 * CUBIC).add(1.0).mul(SQRT_TWO_OVER_PI);      // du/dx
            Variable slopeVariable = t.add(1.0).mul(0.5).add(x.mul(0.5).mul(t.mul(t).rsub(1.0)).mul(du));
            return grads(gradOutput.mul(slopeVariable));
        }
        double[] g = gradOutput.value().toDoubleArray();
        for (int i = 0; i < g.length; i++) {
            g[i] *= slope[i];
        }
        return grads(Variable.of(Tensor.of(input(0).shape(), g)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = ½x(1 + tanh(u)), u = √(2/π)(x + 0.044715·x³)",
                "g ⊙ (½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 3·0.044715·x²))").withNote("t = tanh(u)");
    }
}
