package gradschool.nn;

import gradschool.autograd.Variable;
import java.util.Objects;

/**
 * The Gaussian error linear unit (Hendrycks &amp; Gimpel, 2016): {@code y = x·Φ(x)}, where Φ is the
 * standard normal CDF, exactly or by its tanh approximation.
 *
 * <pre>{@code
 * Layer exact = new GELU();                              // ½x(1 + erf(x/√2)), PyTorch's default
 * Layer tanh = new GELU(GELU.Approximate.TANH);          // GPT-2's and BERT's form
 * }</pre>
 *
 * <ul>
 *   <li>{@link Approximate#NONE} (the default, as {@code torch.nn.GELU()} with
 *       {@code approximate='none'}): {@code y = ½x(1 + erf(x/√2))}, with
 *       {@link gradschool.core.SpecialFunctions#erf}. Derivative
 *       {@code Φ(x) + x·φ(x) = ½(1 + erf(x/√2)) + x·e^(−x²/2)/√(2π)}.
 *   <li>{@link Approximate#TANH} ({@code torch.nn.GELU(approximate='tanh')}):
 *       {@code y = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))}, within about 5e-4 of the exact form
 *       (the largest gap, 4.7e-4, is near |x| ≈ 2.7).
 * </ul>
 *
 * <p>Each form is one op, {@link gradschool.autograd.functions.GELU} ({@link Variable#gelu()}) and
 * {@link gradschool.autograd.functions.GELUTanh} ({@link Variable#geluTanh()}): the forward loop
 * computes the value and the derivative together, and the backward pass multiplies. Their values are,
 * bit for bit, those of the compositions of autograd ops they replaced ({@code GELUTest} and
 * {@code GELUOpProperties} check it, and the gradients, against these):
 * <pre>{@code
 * Variable exact = x.mul(0.5).mul(x.mul(Math.sqrt(0.5)).erf().add(1.0));
 * Variable inner = x.add(x.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
 * Variable tanhForm = x.mul(0.5).mul(inner.tanh().add(1.0));
 * }</pre>
 * The tanh form's derivative is {@code ½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 3·0.044715x²)}, {@code t} the
 * tanh. A recorded backward pass ({@code createGraph}) can be differentiated again. Like PyTorch, the exact
 * form computes {@code 1 + erf(x/√2)}, which loses its relative accuracy for very negative x (it is 0
 * below x ≈ −8.3, where the true value is below 1e-16·|x|). No parameters.
 */
public class GELU extends Layer {

    /** Which formula the layer computes; the names are PyTorch's {@code approximate} argument. */
    public enum Approximate {
        /** The exact form {@code ½x(1 + erf(x/√2))}: PyTorch's {@code approximate='none'}. */
        NONE,
        /** The tanh form {@code ½x(1 + tanh(√(2/π)(x + 0.044715x³)))}: PyTorch's {@code approximate='tanh'}. */
        TANH
    }

    private final Approximate approximate;

    /** Makes the exact GELU, {@code ½x(1 + erf(x/√2))}, PyTorch's default; it has no parameters. */
    public GELU() {
        this(Approximate.NONE);
    }

    /**
     * Makes a GELU that computes the given form.
     *
     * @param approximate {@link Approximate#NONE} for the exact form, {@link Approximate#TANH} for the tanh one
     */
    public GELU(Approximate approximate) {
        this.approximate = Objects.requireNonNull(approximate, "GELU: approximate must be NONE or TANH, not null");
    }

    /**
     * Returns which form this layer computes.
     *
     * @return NONE (exact) or TANH
     */
    public Approximate approximate() {
        return approximate;
    }

    /**
     * Applies the activation element-wise.
     *
     * @param input any shape
     * @return the same shape
     */
    @Override
    public Variable forward(Variable input) {
        return approximate == Approximate.TANH ? input.geluTanh() : input.gelu();
    }

    @Override
    protected String describeSettings() {
        return "approximate=" + approximate.name().toLowerCase(java.util.Locale.ROOT);
    }
}
