package gradschool.autograd;

import gradschool.core.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * //   rule      d(A·B)/dA = G·Bᵀ, d(A·B)/dB = Aᵀ·G
 * //   dL/d(A1) = dL/d(Z2) · (W2)ᵀ = [[0.5  0.57 1.19]]
 * //   dL/d(W2) = (A1)ᵀ · dL/d(Z2) = [[2.99 2.99] [1.29 1.29] [1.59 1.59]]
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
 * <p>Formulas are written out for the common ops; any other op gets the generic chain rule
 * {@code dL/d(a) = dL/d(y) · ∂(y)/∂(a)} next to its {@link Function#derivativeRule()}.
 */
public final class ExplainingListener implements BackwardListener {

    /** Tensors with more elements than this are shown by their shape only. */
    public static final int MAX_ELEMENTS_SHOWN = 16;

    /** Ops that broadcast their inputs, so the engine may have summed a gradient back to its input's shape. */
    private static final Set<String> BROADCASTING = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Maximum", "Minimum", "Where");

    /**
     * How each common op is written: the forward formula and the gradient sent to each input. In the
     * templates {@code {y}} is the output, {@code {a}} and {@code {b}} the inputs, {@code {g}} is
     * {@code dL/d(y)} and {@code {sa}} the first input's shape.
     */
    private static final Map<String, Template> TEMPLATES = Map.ofEntries(
            Map.entry("Add", new Template("{y} = {a} + {b}", "{g}", "{g}")),
            Map.entry("Sub", new Template("{y} = {a} − {b}", "{g}", "−{g}")),
            Map.entry("Mul", new Template("{y} = {a} ⊙ {b}", "{g} ⊙ ({b})", "{g} ⊙ ({a})")),
            Map.entry("Div", new Template("{y} = {a} / {b}", "{g} / ({b})", "−{g} ⊙ ({a}) / ({b})²")),
            Map.entry("MatMul", new Template("{y} = {a} · {b}", "{g} · ({b})ᵀ", "({a})ᵀ · {g}")),
            Map.entry("Neg", new Template("{y} = −{a}", "−{g}")),
            Map.entry("Relu", new Template("{y} = relu({a})", "{g} ⊙ relu'({a})")),
            Map.entry("LeakyRelu", new Template("{y} = leakyRelu({a})", "{g} ⊙ leakyRelu'({a})")),
            Map.entry("Sigmoid", new Template("{y} = σ({a})", "{g} ⊙ ({y}) ⊙ (1 − ({y}))")),
            Map.entry("Tanh", new Template("{y} = tanh({a})", "{g} ⊙ (1 − ({y})²)")),
            Map.entry("Exp", new Template("{y} = exp({a})", "{g} ⊙ ({y})")),
            Map.entry("Log", new Template("{y} = ln({a})", "{g} / ({a})")),
            Map.entry("Sqrt", new Template("{y} = √({a})", "{g} / (2·({y}))")),
            Map.entry("PowScalar", new Template("{y} = ({a})^p", "{g} ⊙ p·({a})^(p−1)")),
            Map.entry("Sum", new Template("{y} = sum({a})", "{g}, copied back over the summed elements to {sa}")),
            Map.entry("Mean", new Template("{y} = mean({a})", "{g} / n, copied back over the averaged elements to {sa}")),
            Map.entry("Permute", new Template("{y} = ({a}) with its axes permuted", "{g} with the axes permuted back")),
            Map.entry("Reshape", new Template("{y} = ({a}) reshaped", "{g} reshaped back to {sa}")));

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
        Template template = TEMPLATES.get(function.name());
        String y = label(output);
        String g = "dL/d(" + y + ")";

        StringBuilder text = new StringBuilder();
        if (step.index() == 0) {
            text.append("backward from ").append(y).append(", starting with the seed ")
                    .append(g).append(" = ").append(show(step.gradOutput())).append('\n');
        }
        text.append("step ").append(step.index()).append(": ").append(function).append("   ")
                .append(template != null ? fill(template.forward, output, inputs, g) : genericForward(output, inputs))
                .append('\n');
        text.append("  incoming  ").append(g).append(" = ").append(show(step.gradOutput())).append('\n');
        String rule = function.derivativeRule();
        if (!rule.isEmpty()) {
            text.append("  rule      ").append(rule).append('\n');
        }
        for (int i = 0; i < inputs.size(); i++) {
            Tensor sent = step.inputGradients().get(i);
            if (sent == null) {
                continue; // this input needs no gradient (data or a constant)
            }
            Variable input = inputs.get(i);
            String formula = template != null && i < template.gradients.length
                    ? fill(template.gradients[i], output, inputs, g)
                    : g + " · ∂(" + y + ")/∂(" + label(input) + ")";
            text.append("  dL/d(").append(label(input)).append(") = ").append(formula)
                    .append(" = ").append(show(sent));
            if (BROADCASTING.contains(function.name()) && !input.shape().equals(output.shape())) {
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

    /** {@code y = Op(a, b)} for an op without a template. */
    private static String genericForward(Variable output, List<Variable> inputs) {
        StringBuilder text = new StringBuilder(label(output)).append(" = ").append(output.function().name()).append('(');
        for (int i = 0; i < inputs.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(label(inputs.get(i)));
        }
        return text.append(')').toString();
    }

    /** Replaces the placeholders of a template in one pass (so a name containing "{a}" stays as it is). */
    private static String fill(String template, Variable output, List<Variable> inputs, String g) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int close = template.charAt(i) == '{' ? template.indexOf('}', i) : -1;
            String key = close > i ? template.substring(i + 1, close) : null;
            String value = key == null ? null : switch (key) {
                case "y" -> label(output);
                case "a" -> label(inputs.get(0));
                case "b" -> inputs.size() > 1 ? label(inputs.get(1)) : "?";
                case "g" -> g;
                case "sa" -> inputs.get(0).shape().toString();
                default -> null;
            };
            if (value != null) {
                text.append(value);
                i = close + 1;
            } else {
                text.append(template.charAt(i));
                i++;
            }
        }
        return text.toString();
    }

    /** A tensor on one line, or just its shape when it is large. */
    private static String show(Tensor tensor) {
        if (tensor.size() > MAX_ELEMENTS_SHOWN) {
            return "[" + tensor.size() + " values of shape " + tensor.shape() + "]";
        }
        return GraphExport.oneLine(tensor);
    }

    /** How one op is written: its forward formula and the formula for each input's gradient. */
    private static final class Template {
        final String forward;
        final String[] gradients;

        Template(String forward, String... gradients) {
            this.forward = forward;
            this.gradients = gradients;
        }
    }
}
