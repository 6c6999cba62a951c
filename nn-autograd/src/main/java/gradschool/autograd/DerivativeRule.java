package gradschool.autograd;

import java.util.List;

/**
 * An op's derivative, stated once: its forward formula and the gradient each input receives.
 *
 * <pre>{@code
 * // in Mul:
 * public DerivativeRule derivativeRule() {
 *     return DerivativeRule.binary("y = a ⊙ b", "g ⊙ b", "g ⊙ a").broadcasting();
 * }
 * }</pre>
 *
 * <p>The formulas are written in symbols: {@code y} is the output, {@code g} the incoming gradient
 * {@code dL/dy}, and the inputs are called by {@link #inputs()} — {@code x} for one input
 * ({@link #unary}), {@code a} and {@code b} for two ({@link #binary}). Other letters ({@code p},
 * {@code n}, {@code s}) are the op's parameters and constants. A symbol counts only as a whole word:
 * the {@code x} of {@code max(x, 0)} is the input, the one in {@code exp} is not.
 *
 * <p>This is the one place a derivative is written down besides the op's javadoc:
 * {@link ExplainingListener} writes each formula with the variables' names in place of the symbols
 * ({@code dL/d(A1) = dL/d(Z2) · W2ᵀ}), and {@code docs/derivatives.md} shows the formulas as written
 * (a test checks that its table lists every op with this text).
 *
 * @param inputs     the symbol of each input, in argument order; an op that takes any number of
 *                   inputs ({@code Concat}) names one, which stands for each of them
 * @param forward    the forward formula, e.g. {@code "y = a ⊙ b"}
 * @param gradients  {@code dL/d(input)} for each input, in argument order, e.g. {@code "g ⊙ b"}
 * @param note       a remark in words (a convention at a kink, a tie rule), or empty
 * @param broadcasts true if the op broadcasts its inputs, so that the engine may sum an input's
 *                   gradient back to the input's shape
 */
public record DerivativeRule(List<String> inputs, String forward, List<String> gradients, String note,
                             boolean broadcasts) {

    /** The rule of an op that states none: {@link Function#derivativeRule()}'s default. */
    public static final DerivativeRule NOT_STATED = new DerivativeRule(List.of(), "", List.of(), "", false);

    /**
     * Checks the parts and copies the lists.
     *
     * @param inputs     the input symbols
     * @param forward    the forward formula
     * @param gradients  one gradient formula per input symbol
     * @param note       a remark in words, or empty
     * @param broadcasts true if the op broadcasts its inputs
     * @throws IllegalArgumentException if a part is null or there is not one gradient per input symbol
     */
    public DerivativeRule {
        if (inputs == null || forward == null || gradients == null || note == null) {
            throw new IllegalArgumentException("DerivativeRule: inputs, forward, gradients and note must not be null");
        }
        inputs = List.copyOf(inputs);
        gradients = List.copyOf(gradients);
        if (inputs.size() != gradients.size()) {
            throw new IllegalArgumentException("DerivativeRule: " + inputs.size() + " input symbols " + inputs
                    + " but " + gradients.size() + " gradients " + gradients + "; give one gradient per input");
        }
    }

    /**
     * Makes the rule of a one-input op, whose input is called {@code x}.
     *
     * @param forward  e.g. {@code "y = e^x"}
     * @param gradient {@code dL/dx}, e.g. {@code "g ⊙ y"}
     * @return the rule
     */
    public static DerivativeRule unary(String forward, String gradient) {
        return new DerivativeRule(List.of("x"), forward, List.of(gradient), "", false);
    }

    /**
     * Makes the rule of a two-input op, whose inputs are called {@code a} and {@code b}.
     *
     * @param forward   e.g. {@code "y = a ⊙ b"}
     * @param gradientA {@code dL/da}
     * @param gradientB {@code dL/db}
     * @return the rule
     */
    public static DerivativeRule binary(String forward, String gradientA, String gradientB) {
        return new DerivativeRule(List.of("a", "b"), forward, List.of(gradientA, gradientB), "", false);
    }

    /**
     * Returns this rule with a remark in words.
     *
     * @param text e.g. {@code "relu'(0) = 0 by convention"}
     * @return a copy with that note
     */
    public DerivativeRule withNote(String text) {
        return new DerivativeRule(inputs, forward, gradients, text, broadcasts);
    }

    /**
     * Returns this rule marked as broadcasting its inputs.
     *
     * @return a copy with {@link #broadcasts()} true
     */
    public DerivativeRule broadcasting() {
        return new DerivativeRule(inputs, forward, gradients, note, true);
    }

    /**
     * Tells whether the op states a rule at all.
     *
     * @return false only for {@link #NOT_STATED}-like rules with no formulas
     */
    public boolean isStated() {
        return !forward.isEmpty() || !gradients.isEmpty();
    }

    /**
     * Returns the gradient of every input as one line, e.g. {@code "dL/da = g ⊙ b, dL/db = g ⊙ a"}.
     *
     * @return the gradients, without the note
     */
    public String gradientsText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            text.append(i == 0 ? "" : ", ").append("dL/d").append(inputs.get(i)).append(" = ").append(gradients.get(i));
        }
        return text.toString();
    }

    /**
     * Returns the rule on one line: the gradients, then the note after a semicolon.
     *
     * @return e.g. {@code "dL/dx = g ⊙ [x > 0]; relu'(0) = 0 by convention"}
     */
    @Override
    public String toString() {
        String gradientText = gradientsText();
        if (note.isEmpty()) {
            return gradientText;
        }
        return gradientText.isEmpty() ? note : gradientText + "; " + note;
    }
}
