package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of a network: it owns parameters and sub-modules and maps an input to an output.
 *
 * <pre>{@code
 * class TwoLayer extends Module {
 *     final Linear hidden = registerModule("hidden", new Linear(784, 128));
 *     final Linear output = registerModule("output", new Linear(128, 10));
 *     public Variable forward(Variable x) {
 *         return output.forward(hidden.forward(x).relu());
 *     }
 * }
 * new TwoLayer().namedParameters().keySet();   // [hidden.weight, hidden.bias, output.weight, output.bias]
 * }</pre>
 *
 * <p>Registration is explicit — {@link #registerParameter} and {@link #registerModule} — so that
 * nothing happens by reflection: what a module owns is exactly what its constructor registered, in
 * that order. {@link #parameters()} lists its own parameters first, then each child's, depth first.
 */
public abstract class Module {

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /**
     * Computes the module's output.
     *
     * @param input the input (for layers, a batch with samples along dimension 0)
     * @return the output
     */
    public abstract Variable forward(Variable input);

    /**
     * Computes the output for plain data: wraps it in a variable that needs no gradient.
     *
     * @param input the input
     * @return the output
     */
    public final Variable forward(Tensor input) {
        return forward(Variable.of(input));
    }

    /**
     * Registers a parameter under a name, so that optimizers, saving and printing find it.
     *
     * @param name a name unique within this module, without dots
     * @param parameter the parameter
     * @param <P> the parameter's type
     * @return the parameter, for assigning to a field
     * @throws IllegalArgumentException if the name is empty, has a dot, or is already used
     */
    protected final <P extends Parameter> P registerParameter(String name, P parameter) {
        checkName(name);
        if (parameter.name() == null) {
            parameter.named(name);
        }
        parameters.put(name, parameter);
        return parameter;
    }

    /**
     * Registers a sub-module under a name.
     *
     * @param name a name unique within this module, without dots
     * @param module the sub-module
     * @param <M> the module's type
     * @return the module, for assigning to a field
     * @throws IllegalArgumentException if the name is empty, has a dot, or is already used
     */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": a parameter or module name must be non-empty and have no dots, got '" + name + "'");
        }
        if (parameters.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the name '" + name
                    + "' is already registered");
        }
    }

    /**
     * Returns every parameter of this module and its descendants: its own in registration order,
     * then each child's, depth first.
     *
     * @return the parameters
     */
    public final List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /**
     * Returns every parameter keyed by its dotted path ({@code "0.weight"}, {@code "encoder.fc1.bias"}),
     * in the order of {@link #parameters()}.
     *
     * @return an ordered map
     */
    public final Map<String, Parameter> namedParameters() {
        Map<String, Parameter> result = new LinkedHashMap<>();
        collectParameters("", result);
        return result;
    }

    private void collectParameters(String prefix, Map<String, Parameter> result) {
        parameters.forEach((name, parameter) -> result.put(prefix + name, parameter));
        children.forEach((name, child) -> child.collectParameters(prefix + name + ".", result));
    }

    /**
     * Returns the direct sub-modules by name, in registration order.
     *
     * @return an unmodifiable ordered map
     */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /**
     * Returns the parameters registered directly on this module (not its children's), by name.
     *
     * @return an unmodifiable ordered map
     */
    public final Map<String, Parameter> ownParameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * Puts this module and every descendant in training mode (dropout active).
     *
     * @return this module
     */
    public final Module train() {
        setTraining(true);
        return this;
    }

    /**
     * Puts this module and every descendant in evaluation mode (dropout off).
     *
     * @return this module
     */
    public final Module eval() {
        setTraining(false);
        return this;
    }

    private void setTraining(boolean mode) {
        training = mode;
        children.values().forEach(child -> child.setTraining(mode));
    }

    /**
     * Tells whether this module is in training mode.
     *
     * @return true after {@link #train()} (the default), false after {@link #eval()}
     */
    public final boolean isTraining() {
        return training;
    }

    /**
     * Forgets the gradients of every parameter: afterwards each {@code grad()} is null, not zeros (as
     * PyTorch's {@code zero_grad()}, which sets {@code .grad} to {@code None}), until the next backward
     * pass reaches it. Read a gradient with {@link Variable#gradOrZeros()} if you want zeros.
     */
    public final void zeroGrad() {
        parameters().forEach(Variable::zeroGrad);
    }

    /**
     * Returns the total number of learnable numbers.
     *
     * @return the sum of the parameters' sizes
     */
    public final long parameterCount() {
        long count = 0;
        for (Parameter parameter : parameters()) {
            count += parameter.size();
        }
        return count;
    }

    /**
     * Returns what goes inside the parentheses of this module's line in {@link #toString()}, e.g.
     * {@code "in=784, out=128"}. Subclasses with settings override it.
     *
     * @return the settings, or an empty string
     */
    protected String describeSettings() {
        return "";
    }

    /**
     * Prints the module tree with each layer's settings, parameter shapes and counts, e.g.
     * <pre>
     * Sequential                                    (6,922 parameters)
     *   (0) Linear(in=2, out=16)   weight (16, 2), bias (16,)   48
     *   (1) ReLU
     *   ...
     * </pre>
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        appendTree(text, null, 0);
        text.append(String.format("Total: %,d parameters", parameterCount()));
        return text.toString();
    }

    private void appendTree(StringBuilder text, String name, int depth) {
        text.append("  ".repeat(depth));
        if (name != null) {
            text.append('(').append(name).append(") ");
        }
        text.append(getClass().getSimpleName());
        String settings = describeSettings();
        if (!settings.isEmpty()) {
            text.append('(').append(settings).append(')');
        }
        if (!parameters.isEmpty()) {
            StringBuilder shapes = new StringBuilder();
            long own = 0;
            for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
                shapes.append(shapes.length() == 0 ? "" : ", ").append(entry.getKey()).append(' ')
                        .append(entry.getValue().shape());
                own += entry.getValue().size();
            }
            text.append("   ").append(shapes).append(String.format("   %,d", own));
        }
        text.append('\n');
        children.forEach((childName, child) -> child.appendTree(text, childName, depth + 1));
    }
}
