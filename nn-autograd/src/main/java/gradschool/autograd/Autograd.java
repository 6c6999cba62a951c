package gradschool.autograd;

import gradschool.core.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The backward pass: reverse-mode automatic differentiation over the graph of {@link Variable}s.
 *
 * <p>The whole algorithm, which {@link #run} implements in one short loop:
 * <ol>
 *   <li>Put the graph reachable from the output in topological order — every variable after the
 *       inputs it was made from. The walk is iterative (a chain of a million ops does not overflow the
 *       stack) and deterministic (inputs are visited in argument order).</li>
 *   <li>Seed the output's gradient ({@code dL/dL = 1} for a scalar loss).</li>
 *   <li>Walk the order backwards. At each variable made by a function, call the function's backward
 *       rule with the variable's gradient, and <em>add</em> ({@code +=}) each result into the
 *       gradient of the corresponding input: a variable used twice receives the sum of both paths.</li>
 *   <li>Leaves that require a gradient keep it in {@link Variable#grad()}, with exactly their shape.</li>
 * </ol>
 */
public final class Autograd {

    private static final ThreadLocal<List<BackwardListener>> LISTENERS =
            ThreadLocal.withInitial(CopyOnWriteArrayList::new);

    private Autograd() {
    }

    /**
     * Runs backward from {@code output} with the given seed gradient, adding into the {@code .grad}
     * of every leaf that requires one (and of every variable that called {@link Variable#retainGrad()}).
     *
     * @param output the variable to differentiate
     * @param seed {@code dL/d(output)}, of the output's shape
     * @param createGraph whether to record the backward pass itself, so gradients can be differentiated again
     */
    public static void backward(Variable output, Tensor seed, boolean createGraph) {
        checkSeed("backward", output, seed);
        run(List.of(output), List.of(Variable.of(seed)), createGraph, true, null);
    }

    /**
     * Returns the gradients of the outputs with respect to the inputs without touching any
     * {@code .grad} — the functional form, like {@code torch.autograd.grad}.
     *
     * <p>With several outputs the result is {@code Σ_o seed_o · d(output_o)/d(input)}. An input that
     * no output depends on gets a gradient of zeros. With {@code createGraph} the returned gradients
     * have a history and can be differentiated again (e.g. {@code d²(x³)/dx² = 6x}).
     *
     * @param outputs the variables to differentiate
     * @param inputs the variables to differentiate with respect to
     * @param seeds one seed per output (null means ones: the plain derivative of a scalar output)
     * @param createGraph whether the returned gradients record how they were computed
     * @return one gradient per input, in order, each of its input's shape
     */
    public static List<Variable> grad(List<Variable> outputs, List<Variable> inputs, List<Tensor> seeds,
                                      boolean createGraph) {
        if (seeds != null && seeds.size() != outputs.size()) {
            throw new IllegalArgumentException("grad: " + outputs.size() + " outputs but " + seeds.size() + " seeds");
        }
        List<Variable> seedVariables = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Tensor seed = seeds == null || seeds.get(i) == null ? Tensor.ones(outputs.get(i).shape()) : seeds.get(i);
            checkSeed("grad", outputs.get(i), seed);
            seedVariables.add(Variable.of(seed));
        }
        Set<Variable> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(inputs);
        Map<Variable, Variable> found = run(outputs, seedVariables, createGraph, false, wanted);
        List<Variable> result = new ArrayList<>();
        for (Variable input : inputs) {
            Variable g = found.get(input);
            result.add(g != null ? g : Variable.of(Tensor.zeros(input.shape())));
        }
        return result;
    }

    /**
     * Returns the gradient of one scalar output with respect to some inputs.
     *
     * @param output a one-element variable
     * @param inputs the variables to differentiate with respect to
     * @param createGraph whether the returned gradients can be differentiated again
     * @return one gradient per input
     */
    public static List<Variable> grad(Variable output, List<Variable> inputs, boolean createGraph) {
        return grad(List.of(output), inputs, null, createGraph);
    }

    /**
     * Registers a listener for backward passes on this thread until the returned scope is closed.
     *
     * @param listener the listener
     * @return a scope that unregisters it
     */
    public static ListenerScope listen(BackwardListener listener) {
        LISTENERS.get().add(listener);
        return new ListenerScope(listener);
    }

    /** Unregisters a listener when closed. */
    public static final class ListenerScope implements AutoCloseable {
        private final BackwardListener listener;

        private ListenerScope(BackwardListener listener) {
            this.listener = listener;
        }

        /** Unregisters the listener. */
        @Override
        public void close() {
            LISTENERS.get().remove(listener);
        }
    }

    private static void checkSeed(String op, Variable output, Tensor seed) {
        if (!output.requiresGrad()) {
            throw new IllegalArgumentException(op + ": the output " + output.describeBriefly()
                    + " does not require grad: nothing that made it requires a gradient "
                    + "(or it was made while GradMode was off)");
        }
        if (!seed.shape().equals(output.shape())) {
            throw new IllegalArgumentException(op + ": the seed gradient has shape " + seed.shape()
                    + " but the output has shape " + output.shape() + "; they must be equal");
        }
    }

    /**
     * The backward pass. Returns the gradients reached for the {@code wanted} variables (if any).
     */
    static Map<Variable, Variable> run(List<Variable> outputs, List<Variable> seeds, boolean createGraph,
                                       boolean accumulateIntoGrad, Set<Variable> wanted) {
        List<Variable> order = topologicalOrder(outputs);
        Map<Variable, Variable> gradients = new IdentityHashMap<>(order.size()); // sized once: the pass never holds more
        for (int i = 0; i < outputs.size(); i++) {
            addInto(gradients, outputs.get(i), seeds.get(i));
        }
        Map<Variable, Variable> found = new IdentityHashMap<>();
        List<BackwardListener> listeners = LISTENERS.get();
        int step = 0;
        // Without createGraph the gradients are plain values: no history, and no creation site (a stack
        // walk each) — the pause is closed by the try just like the grad mode.
        try (GradMode.Scope mode = createGraph ? GradMode.on() : GradMode.off();
             CreationSite.Pause sites = createGraph ? null : CreationSite.pausedOnThisThread()) {
            // Walk from the outputs back towards the leaves.
            for (int i = order.size() - 1; i >= 0; i--) {
                Variable node = order.get(i);
                Variable gradient = gradients.remove(node);
                if (gradient == null) {
                    continue; // no path from the outputs reaches this variable
                }
                if (wanted != null && wanted.contains(node)) {
                    found.put(node, gradient);
                }
                if (accumulateIntoGrad && (node.isLeaf() || node.retainsGrad())) { // debugger-walkthrough: step
                    node.accumulateGrad(gradient);
                }
                if (node.isLeaf()) {
                    continue;
                }
                Function function = node.function();
                Variable[] inputGradients;
                if (AnomalyMode.isEnabled()) {
                    try (AnomalyMode.Scope quiet = AnomalyMode.suspended()) {
                        inputGradients = function.backwardChecked(gradient);
                    }
                    AnomalyMode.checkBackward(function, node, inputGradients); // blame this op's rule
                } else {
                    inputGradients = function.backwardChecked(gradient);
                }
                List<Variable> inputs = function.inputs();
                for (int j = 0; j < inputs.size(); j++) {
                    if (inputGradients[j] != null && inputs.get(j).requiresGrad()) {
                        addInto(gradients, inputs.get(j), inputGradients[j]); // the += of the chain rule
                    }
                }
                if (!listeners.isEmpty()) {
                    report(listeners, step, function, node, gradient, inputGradients, inputs, gradients);
                }
                step++;
            }
        }
        return found;
    }

    private static void addInto(Map<Variable, Variable> gradients, Variable target, Variable gradient) {
        Variable previous = gradients.get(target);
        gradients.put(target, previous == null ? gradient : previous.add(gradient));
    }

    private static void report(List<BackwardListener> listeners, int step, Function function, Variable node,
                               Variable gradient, Variable[] inputGradients, List<Variable> inputs,
                               Map<Variable, Variable> gradients) {
        List<Tensor> sent = new ArrayList<>();
        List<Tensor> totals = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            boolean delivered = inputGradients[j] != null && inputs.get(j).requiresGrad();
            sent.add(delivered ? inputGradients[j].value() : null);
            Variable total = gradients.get(inputs.get(j));
            totals.add(delivered && total != null ? total.value() : null);
        }
        BackwardStep record = new BackwardStep(step, function, node, gradient.value(), sent, totals);
        for (BackwardListener listener : listeners) {
            listener.onStep(record);
        }
    }

    /**
     * Returns the graph that produced {@code output} in topological order: every variable after all
     * of its inputs (the inputs before the ops that use them), ending with {@code output} itself.
     * The backward pass walks this list from the end to the start, so reversed it is the order in
     * which {@code output.backward()} visits the variables.
     *
     * <pre>{@code
     * Variable x = Variable.requiringGrad(2.0).named("x");
     * Variable a = x.mul(3).named("a");
     * Variable b = x.exp().named("b");
     * Variable y = a.add(b).named("y");       // a diamond: x feeds y along two paths
     * Autograd.topologicalOrder(y);           // [x, a, b, y] — x once, before both of its users
     * }</pre>
     *
     * <p>It lists the variables the backward pass can reach: those that require a gradient (inputs
     * that do not, such as data and constants, get no gradient and are left out), each once however
     * many paths lead to it. Ties are broken deterministically, inputs in argument order (a
     * depth-first search). The search is iterative, so a chain of a million ops does not overflow the
     * stack.
     *
     * @param output the variable backward would start from
     * @return a new list, the leaves and intermediate results first and {@code output} last
     */
    public static List<Variable> topologicalOrder(Variable output) {
        if (output == null) {
            throw new IllegalArgumentException("topologicalOrder: the output is null");
        }
        return topologicalOrder(List.of(output));
    }

    /**
     * Returns every variable reachable from the outputs through inputs that require a gradient, each
     * after all of its inputs: an iterative depth-first search, visiting inputs in argument order.
     */
    static List<Variable> topologicalOrder(List<Variable> outputs) {
        List<Variable> order = new ArrayList<>();
        Set<Variable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Visit> stack = new ArrayDeque<>();
        for (Variable output : outputs) {
            if (visited.add(output)) {
                stack.push(new Visit(output));
            }
            while (!stack.isEmpty()) {
                Visit top = stack.peek();
                List<Variable> inputs = top.node.isLeaf() ? List.of() : top.node.function().inputs();
                if (top.nextInput < inputs.size()) {
                    Variable input = inputs.get(top.nextInput++);
                    if (input.requiresGrad() && visited.add(input)) {
                        stack.push(new Visit(input));
                    }
                } else {
                    stack.pop();
                    order.add(top.node); // all of its inputs are already in the order
                }
            }
        }
        return order;
    }

    /** A variable on the search stack and how many of its inputs have been visited. */
    private static final class Visit {
        final Variable node;
        int nextInput;

        Visit(Variable node) {
            this.node = node;
        }
    }
}
