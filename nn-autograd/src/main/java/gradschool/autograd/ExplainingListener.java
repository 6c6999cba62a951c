package gradschool.autograd;

import gradschool.core.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link BackwardListener} that explains each step of a backward pass in the words of the seed
 * notebook's hand derivation: the op, the gradient that arrived, the op's local rule, the gradient
 * sent to each input written as a formula, and each input's running total.
 *
 * <pre>{@code
 * try (var explaining = Autograd.listen(new ExplainingListener(System.out))) {
 *     loss.backward();
 * }
 * // …
 * // step 1: MatMul   Z2 = A1 · W2
 * //   incoming  dL/d(Z2) = [[1. 1.]]
 * //   rule      dL/da = g · bᵀ, dL/db = aᵀ · g; …
 * //   dL/d(A1) = dL/d(Z2) · W2ᵀ = [[0.5  0.57 1.19]]
 * //   dL/d(W2) = A1ᵀ · dL/d(Z2) = [[2.99 2.99] [1.29 1.29] [1.59 1.59]]
 * // …
 * }</pre>
 *
 * <p>Variables are called by their {@link Variable#named name} when they have one, otherwise by the op
 * that made them ({@code MatMul}), by their value for a one-element constant ({@code 0.5}), or
 * {@code leaf} and their shape — so name your weights and layer
 * outputs ({@code W1}, {@code Z1}, {@code A1}, …) to get the notebook's formulas. Gradients of inputs
 * that need none (data, constants) are not shown. When an input receives gradients along several
 * paths, a {@code total} line shows the sum so far: the {@code +=} of the chain rule.
 *
 * <p>Every formula comes from the op's {@link Function#derivativeRule()}: the {@code rule} line
 * shows it in symbols ({@code a}, {@code b}, {@code g}), and the lines below it show it again with
 * the variables' names in their place. A custom op that states no rule gets the generic chain rule
 * {@code dL/d(a) = dL/d(y) · ∂(y)/∂(a)}.
 */
public final class ExplainingListener implements BackwardListener {

    /** Tensors with more elements than this are shown by their shape only. */
    public static final int MAX_ELEMENTS_SHOWN = 16;

    private final Appendable out;

    /**
     * Makes a listener that writes its explanations to {@code out}, one line at a time.
     *
     * @param out where to write, e.g. {@code System.out} or a {@link StringBuilder}
     */
    public ExplainingListener(Appendable out) {
        if (out == null) {
            throw new IllegalArgumentException("ExplainingListener: out must not be null");
        }
        this.out = out;
    }

    /**
     * Writes the explanation of one backward step.
     *
     * @param step what happened in that step
     * @throws UncheckedIOException if writing fails
     */
    @Override
    public void onStep(BackwardStep step) {
        Function function = step.function();
        Variable output = step.output();
        List<Variable> inputs = function.inputs();
        DerivativeRule rule = function.derivativeRule();
        String y = label(output);
        String g = "dL/d(" + y + ")";

        StringBuilder text = new StringBuilder();
        if (step.index() == 0) {
            text.append("backward from ").append(y).append(", starting with the seed ")
                    .append(g).append(" = ").append(show(step.gradOutput())).append('\n');
        }
        boolean oneSymbolPerInput = rule.inputs().size() == inputs.size();
        text.append("step ").append(step.index()).append(": ").append(function).append("   ")
                .append(oneSymbolPerInput && !rule.forward().isEmpty()
                        ? fill(rule.forward(), rule, output, inputs, 0)
                        : genericForward(output, inputs))
                .append('\n');
        text.append("  incoming  ").append(g).append(" = ").append(show(step.gradOutput())).append('\n');
        if (rule.isStated()) {
            text.append("  rule      ").append(rule).append('\n');
        }
        for (int i = 0; i < inputs.size(); i++) {
            Tensor sent = step.inputGradients().get(i);
            if (sent == null) {
                continue; // this input needs no gradient (data or a constant)
            }
            Variable input = inputs.get(i);
            int symbol = Math.min(i, rule.inputs().size() - 1); // an op like Concat names one input for all
            String formula = symbol >= 0
                    ? fill(rule.gradients().get(symbol), rule, output, inputs, i)
                    : g + " · ∂(" + y + ")/∂(" + label(input) + ")";
            text.append("  dL/d(").append(label(input)).append(") = ").append(formula)
                    .append(" = ").append(show(sent));
            if (rule.broadcasts() && !input.shape().equals(output.shape())) {
                text.append("   (summed over the broadcast dimensions to ").append(input.shape()).append(')');
            }
            text.append('\n');
            Tensor total = step.accumulated().get(i);
            if (total != null && total != sent) {
                text.append("    total dL/d(").append(label(input)).append(") so far = ").append(show(total))
                        .append("   (gradients from every path add up)\n");
            }
        }
        write(text);
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException("ExplainingListener: could not write the explanation", e);
        }
    }

    /** The variable's name, or its value if it is a one-element constant, or {@link Variable#label()}. */
    private static String label(Variable variable) {
        if (variable.name() == null && variable.isLeaf() && !variable.requiresGrad() && variable.size() == 1) {
            return GraphExport.oneLine(variable.value());
        }
        return variable.label();
    }

    /** {@code y = Op(a, b)}, for an op whose rule states no forward formula for these inputs. */
    private static String genericForward(Variable output, List<Variable> inputs) {
        StringBuilder text = new StringBuilder(label(output)).append(" = ").append(output.function().name()).append('(');
        for (int i = 0; i < inputs.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(label(inputs.get(i)));
        }
        return text.append(')').toString();
    }

    /**
     * Writes one of the rule's formulas with the variables' names in place of its symbols: {@code y}
     * becomes the output's name, {@code g} becomes {@code dL/d(output)}, and each input symbol the
     * input's name. A symbol is replaced only where it stands as a whole word, and a name that is not
     * one word ({@code A1·W2}) is put in parentheses unless the formula already encloses it or it
     * begins the formula (the {@code y} of {@code y = …}).
     *
     * @param current the input whose gradient is being written; an op that names fewer symbols than it
     *                has inputs ({@code Concat}) uses its last symbol for this one
     */
    private static String fill(String formula, DerivativeRule rule, Variable output, List<Variable> inputs, int current) {
        Map<String, String> names = new HashMap<>();
        List<String> symbols = rule.inputs();
        for (int i = 0; i < symbols.size() && i < inputs.size(); i++) {
            names.put(symbols.get(i), label(inputs.get(i)));
        }
        if (!symbols.isEmpty() && symbols.size() < inputs.size() && current < inputs.size()) {
            names.put(symbols.get(symbols.size() - 1), label(inputs.get(current)));
        }
        names.put("y", label(output));
        String g = "dL/d(" + label(output) + ")";

        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < formula.length()) {
            if (!isWordChar(formula.charAt(i))) {
                text.append(formula.charAt(i));
                i++;
                continue;
            }
            int end = i;
            while (end < formula.length() && isWordChar(formula.charAt(end))) {
                end++;
            }
            String word = formula.substring(i, end);
            String name = word.equals("g") ? g : names.get(word);
            if (name == null) {
                text.append(word);
            } else if (i == 0 || word.equals("g") || isOneWord(name) || enclosed(formula, i, end)) {
                text.append(name);
            } else {
                text.append('(').append(name).append(')');
            }
            i = end;
        }
        return text.toString();
    }

    /** Letters and digits make words; marks such as ᵀ and ² and punctuation such as _ do not. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) && Character.getType(c) != Character.MODIFIER_LETTER;
    }

    /**
     * True for a name that reads as one term without parentheses: a word such as {@code W2} or
     * {@code 0.5}, or a word with its arguments such as {@code leaf(2, 3)}.
     */
    private static boolean isOneWord(String name) {
        int open = name.indexOf('(');
        if (open > 0 && name.endsWith(")") && name.indexOf(')') == name.length() - 1) {
            name = name.substring(0, open);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isWordChar(c) && c != '_' && c != '.') {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /** True if the word at {@code [start, end)} is a whole argument: {@code f(x)}, {@code max(x, 0)}. */
    private static boolean enclosed(String formula, int start, int end) {
        char before = start > 0 ? formula.charAt(start - 1) : ' ';
        char after = end < formula.length() ? formula.charAt(end) : ' ';
        return (before == '(' || before == '[') && (after == ')' || after == ']' || after == ',');
    }

    /** A tensor on one line, or just its shape when it is large. */
    private static String show(Tensor tensor) {
        if (tensor.size() > MAX_ELEMENTS_SHOWN) {
            return "[" + tensor.size() + " values of shape " + tensor.shape() + "]";
        }
        return GraphExport.oneLine(tensor);
    }
}
