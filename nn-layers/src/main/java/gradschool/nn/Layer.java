package gradschool.nn;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of a network: it owns parameters and sub-layers and maps an input to an output.
 *
 * <pre>{@code
 * class TwoLayer extends Layer {
 *     final Linear hidden = registerLayer("hidden", new Linear(784, 128));
 *     final Linear output = registerLayer("output", new Linear(128, 10));
 *     public Variable forward(Variable x) {
 *         return output.forward(hidden.forward(x).relu());
 *     }
 * }
 * new TwoLayer().namedParameters().keySet();   // [hidden.weight, hidden.bias, output.weight, output.bias]
 * }</pre>
 *
 * <p>Registration is explicit — {@link #registerParameter} and {@link #registerLayer} — so that
 * nothing happens by reflection: what a layer owns is exactly what its constructor registered, in
 * that order. {@link #parameters()} lists its own parameters first, then each child's, depth first.
 *
 * <p>A layer may also own <em>buffers</em> ({@link #registerBuffer}): tensors that belong to its state
 * but are not learned by gradient descent, such as {@link BatchNorm}'s running mean and variance.
 * They have no gradient, are not in {@link #parameters()} (so no optimizer touches them), and are
 * saved and loaded with the parameters by {@link LayerState} under dotted paths
 * ({@code "1.running_mean"}), as PyTorch's {@code register_buffer} and {@code state_dict} do.
 *
 * <p>PyTorch calls this class {@code nn.Layer}. gradschool calls it {@code Layer} (as Keras does)
 * because every Java file implicitly imports {@code java.lang.*}, which has a class {@code Layer}:
 * with {@code import gradschool.nn.*;} a class of ours named {@code Layer} would be ambiguous and
 * {@code class Net extends Layer} would not compile. A whole network is a {@code Layer} too: layers
 * nest.
 */
public abstract class Layer {

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Layer> children = new LinkedHashMap<>();
    private boolean training = true;

    /**
     * Computes the layer's output.
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
     * @param name a name unique within this layer, without dots
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
     * Registers a sub-layer under a name.
     *
     * @param name a name unique within this layer, without dots
     * @param layer the sub-layer
     * @param <L> the layer's type
     * @return the layer, for assigning to a field
     * @throws IllegalArgumentException if the name is empty, has a dot, or is already used
     */
    protected final <L extends Layer> L registerLayer(String name, L layer) {
        checkName(name);
        children.put(name, layer);
        return layer;
    }

    /**
     * Registers a buffer under a name: a tensor of the layer's state that is not a parameter (no
     * gradient, not optimized) but is saved and loaded with the parameters, such as a running mean.
     * The layer updates the tensor in place ({@link Tensor#copyFrom}), so the registered object stays
     * the one that {@link #namedBuffers()} and {@link LayerState} see.
     *
     * @param name a name unique within this layer, without dots
     * @param buffer the tensor (not copied)
     * @return the tensor, for assigning to a field
     * @throws IllegalArgumentException if the name is empty, has a dot, or is already used, or the
     *     buffer is null
     */
    protected final Tensor registerBuffer(String name, Tensor buffer) {
        checkName(name);
        if (buffer == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the buffer '" + name + "' is null");
        }
        buffers.put(name, buffer);
        return buffer;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": a parameter, buffer or layer name must be non-empty and have no dots, got '" + name + "'");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the name '" + name
                    + "' is already registered");
        }
    }

    /**
     * Returns every parameter of this layer and its descendants: its own in registration order,
     * then each child's, depth first.
     *
     * @return an immutable list, a snapshot: parameters registered later are not in it
     */
    public final List<Parameter> parameters() {
        return collectParameters().values().asList();
    }

    /**
     * Returns every parameter keyed by its dotted path ({@code "0.weight"}, {@code "encoder.fc1.bias"}),
     * in the order of {@link #parameters()}.
     *
     * @return an immutable ordered map, a snapshot: parameters registered later are not in it
     */
    public final Map<String, Parameter> namedParameters() {
        return collectParameters();
    }

    private ImmutableMap<String, Parameter> collectParameters() {
        ImmutableMap.Builder<String, Parameter> result = ImmutableMap.builder();
        collectParameters("", result);
        return result.buildOrThrow();   // no duplicates: names are unique in a layer and have no dots
    }

    private void collectParameters(String prefix, ImmutableMap.Builder<String, Parameter> result) {
        parameters.forEach((name, parameter) -> result.put(prefix + name, parameter));
        children.forEach((name, child) -> child.collectParameters(prefix + name + ".", result));
    }

    /**
     * Returns every buffer of this layer and its descendants (its own in registration order, then
     * each child's, depth first). Buffers are not parameters: see {@link #registerBuffer}.
     *
     * @return an immutable list, a snapshot: buffers registered later are not in it
     */
    public final List<Tensor> buffers() {
        return ImmutableList.copyOf(collectBuffers().values());
    }

    /**
     * Returns every buffer keyed by its dotted path ({@code "1.running_mean"},
     * {@code "features.bn.running_var"}), in the order of {@link #buffers()}.
     *
     * @return an immutable ordered map, a snapshot: buffers registered later are not in it
     */
    public final Map<String, Tensor> namedBuffers() {
        return collectBuffers();
    }

    private ImmutableMap<String, Tensor> collectBuffers() {
        ImmutableMap.Builder<String, Tensor> result = ImmutableMap.builder();
        collectBuffers("", result);
        return result.buildOrThrow();
    }

    private void collectBuffers(String prefix, ImmutableMap.Builder<String, Tensor> result) {
        buffers.forEach((name, buffer) -> result.put(prefix + name, buffer));
        children.forEach((name, child) -> child.collectBuffers(prefix + name + ".", result));
    }

    /**
     * Returns the direct sub-layers by name, in registration order.
     *
     * @return an unmodifiable ordered map
     */
    public final Map<String, Layer> children() {
        return Collections.unmodifiableMap(children);
    }

    /**
     * Returns the parameters registered directly on this layer (not its children's), by name.
     *
     * @return an unmodifiable ordered map
     */
    public final Map<String, Parameter> ownParameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * Returns the buffers registered directly on this layer (not its children's), by name.
     *
     * @return an unmodifiable ordered map
     */
    public final Map<String, Tensor> ownBuffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /**
     * Puts this layer and every descendant in training mode (dropout active, batch normalization
     * using and updating batch statistics).
     *
     * @return this layer
     */
    public final Layer train() {
        setTraining(true);
        return this;
    }

    /**
     * Puts this layer and every descendant in evaluation mode (dropout off, batch normalization
     * using its running statistics).
     *
     * @return this layer
     */
    public final Layer eval() {
        setTraining(false);
        return this;
    }

    private void setTraining(boolean mode) {
        training = mode;
        children.values().forEach(child -> child.setTraining(mode));
    }

    /**
     * Tells whether this layer is in training mode.
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
     * Returns what goes inside the parentheses of this layer's line in {@link #toString()}, e.g.
     * {@code "in=784, out=128"}. Subclasses with settings override it.
     *
     * @return the settings, or an empty string
     */
    protected String describeSettings() {
        return "";
    }

    /**
     * Prints the layer tree with each layer's settings, parameter shapes and counts, and its buffers, e.g.
     * <pre>
     * Sequential
     *   (0) Linear(in=2, out=16)   weight (16, 2), bias (16,)   48
     *   (1) BatchNorm1d(16, eps=1.0E-5, momentum=0.1)   weight (16,), bias (16,)   32   buffers running_mean (16,), running_var (16,)
     *   (2) ReLU
     *   ...
     * Total: 6,922 parameters, 32 numbers in buffers
     * </pre>
     * The buffer total is shown only when there are buffers.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        appendTree(text, null, 0);
        text.append(String.format("Total: %,d parameters", parameterCount()));
        long bufferCount = 0;
        for (Tensor buffer : buffers()) {
            bufferCount += buffer.size();
        }
        if (bufferCount > 0) {
            text.append(String.format(", %,d numbers in buffers", bufferCount));
        }
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
        if (!buffers.isEmpty()) {
            StringBuilder shapes = new StringBuilder();
            buffers.forEach((bufferName, buffer) ->
                    shapes.append(shapes.length() == 0 ? "" : ", ").append(bufferName).append(' ').append(buffer.shape()));
            text.append("   buffers ").append(shapes);
        }
        text.append('\n');
        children.forEach((childName, child) -> child.appendTree(text, childName, depth + 1));
    }
}
