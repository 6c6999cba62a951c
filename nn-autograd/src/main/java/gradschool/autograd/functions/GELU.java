package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.SpecialFunctions;
import gradschool.core.Tensor;

/**
 * The exact Gaussian error linear unit as one op: {@code y = x·Φ(x) = ½x(1 + erf(x/√2))}, Φ the
 * standard normal CDF (erf by {@link SpecialFunctions#erf}); the layer that applies it is
 * {@code gradschool.nn.GELU}, and {@link GELUTanh} is its tanh approximation.
 *
 * <p>Derivative: {@code dy/dx = Φ(x) + x·φ(x) = ½(1 + erf(x/√2)) + x·e^(−x²/2)/√(2π)}, so
 * {@code dL/dx = g·(Φ(x) + x·φ(x))}. The forward pass computes the derivative in the same loop, next
 * to the value (one erf and one exp per element), and saves it. As PyTorch, it computes
 * {@code 1 + erf(x/√2)}, which is 0 below x ≈ −8.3 (where the true value is below 1e-16·|x|); the values
 * are those of the composition {@code x.mul(0.5).mul(x.mul(1/√2).erf().add(1))}, bit for bit. When the
 * backward pass is itself being recorded ({@code createGraph}), the rule is applied with variable ops
 * ({@link Erf}, {@link Exp}) on x, so it differentiates again. Shape: unchanged.
 */
public final class GELU extends Function {

    private static final double SQRT_HALF = Math.sqrt(0.5);
    /** 1/√(2π), the standard normal density at 0. */
    private static final double INV_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

    private double[] slope;

    @Override
    protected Tensor forward(Tensor... x) {
        double[] values = x[0].toDoubleArray();
        slope = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            double onePlusErf = SpecialFunctions.erf(v * SQRT_HALF) + 1.0;     // 2·Φ(x)
            slope[i] = 0.5 * onePlusErf + v * Math.exp(-0.5 * v * v) * INV_SQRT_TWO_PI;
            values[i] = (v * 0.5) * onePlusErf;
        }
        return Tensor.of(x[0].shape(), values);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        if (GradMode.isEnabled()) {   // createGraph: Φ(x) + x·φ(x) with variable ops, to differentiate again
            Variable x = input(0);
            Variable cdf = x.mul(SQRT_HALF).erf().add(1.0).mul(0.5);
            Variable density = x.mul(x).mul(-0.5).exp().mul(INV_SQRT_TWO_PI);
            return grads(gradOutput.mul(cdf.add(x.mul(density))));
        }
        double[] g = gradOutput.value().toDoubleArray();
        for (int i = 0; i < g.length; i++) {
            g[i] *= slope[i];
        }
        return grads(Variable.of(Tensor.of(input(0).shape(), g)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = x·Φ(x) = ½x(1 + erf(x/√2))", "g ⊙ (Φ(x) + x·φ(x))")
                .withNote("Φ(x) = ½(1 + erf(x/√2)), φ(x) = e^(−x²/2)/√(2π)");
    }
}
