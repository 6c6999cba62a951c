package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.SpecialFunctions;
import gradschool.core.Tensor;

/**
 * The error function: {@code y = erf x = 2/√π ∫₀ˣ e^(−t²) dt} (computed by
 * {@link SpecialFunctions#erf}); the exact GELU is built from it.
 *
 * <p>Derivative: {@code dy/dx = 2/√π·e^(−x²)}, so {@code dL/dx = g·2/√π·e^(−x²)}. Saves the input.
 * Shape: unchanged. The rule is written with {@link Variable#exp()}, so a recorded backward pass can be
 * differentiated again ({@code d²(erf x)/dx² = −2x·2/√π·e^(−x²)}).
 */
public final class Erf extends Function {

    /** {@code 2/√π}, the slope of erf at 0. */
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].erf();
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable x = input(0);
        return grads(gradOutput.mul(x.mul(x).neg().exp().mul(TWO_OVER_SQRT_PI)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = erf x", "g ⊙ 2/√π·e^(−x²)");
    }
}
