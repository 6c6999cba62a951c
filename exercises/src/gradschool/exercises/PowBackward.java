package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code pow}: the backward rule of a power with a constant exponent, {@code y = x^p}.
 *
 * <p>Check it with {@code ./gradschool exercise check pow} (it is graded with p = 3, 0.5 and −2).
 * Docs: docs/derivatives.md and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>The power rule: {@code d(x^p)/dx = p·x^(p−1)}. The exponent comes down as a factor.</li>
 *   <li>{@code p} is a constant (the field {@code exponent}), not an input: there is one gradient to return.</li>
 *   <li>{@code Variable} has {@code pow(double)} and {@code mul(double)}.</li>
 * </ul>
 */
public final class PowBackward extends BackwardExercise {

    private final double exponent;

    /**
     * Makes the op for one exponent.
     *
     * @param exponent the constant p
     */
    public PowBackward(double exponent) {
        this.exponent = exponent;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].pow(exponent);   // y = x^p
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx).
        throw new NotDoneYet();
    }
}
