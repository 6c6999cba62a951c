package gradschool.autograd;

import gradschool.core.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The backward pass: reverse-mode automatic differentiation over the graph of {@link Variable}s.
 *
 * <p>The whole algorithm is {@link #backpropagate}, one short loop (micrograd's {@code backward()}
 * with an iterative sort):
 * <ol>
 *   <li>Put the graph reachable from the output in topological order — every variable after the
 *       inputs it was made from. The walk is iterative (a chain of a million ops does not overflow the
 *       stack) and deterministic (inputs are visited in argument order).</li>
 *   <li>Seed the output's gradient ({@code dL/dL = 1} for a scalar loss).</li>
 *   <li>Walk the order backwards. At each variable made by a function, call the function's backward
 *       rule with the variable's gradient, and <em>add</em> ({@code +=}) each result into the
 *       gradient of the corresponding input: a variable used twice receives the sum of both paths.</li>
 * </ol>
 * The gradients it computes wait on the variables until the pass is over ({@link Gradients}, which
 * adds them up in place, as micrograd's {@code +=} does, unless the pass itself is being recorded);
 * {@link #backward} then adds the leaves' gradients into their {@link Variable#grad()}; {@link #grad}
 * returns the ones asked for and touches no {@code .grad}.
 */
public final class Autograd {

    private static final ThreadLocal<List<BackwardListener>> LISTENERS =
            ThreadLocal.withInitial(CopyOnWriteArrayList::new);

    private Autograd() {
    }

    /**
     * The backward pass: puts into {@code gradients} {@code dL/d(v)} for every variable {@code v} that
     * the outputs depend on through variables that require a gradient (the outputs themselves
     * included), given {@code dL/d(output)} for each output.
     *
     * <p>Gradients arrive at a variable from every op that used it; because the walk visits the
     * variables in reverse topological order, all of them have arrived, and been added up, before the
     * variable's own backward rule runs.
     */
    static void backpropagate(List<Variable> outputs, List<Variable> seeds, Gradients gradients) {
        List<Variable> order = topologicalOrder(outputs, gradients::reach);  // every variable after its inputs
        for (int i = 0; i < outputs.size(); i++) {
            gradients.addInto(outputs.get(i), seeds.get(i));                // the seed: dL/d(output)
        }
        StepReports reports = StepReports.toListenersOfThisThread();
        for (int i = order.size() - 1; i >= 0; i--) {                        // from the outputs back to the leaves
            Variable node = order.get(i);
            Variable gradient = gradients.get(node);                          // complete: its users came first
            if (node.isLeaf() || gradient == null) { // debugger-walkthrough: step
                continue;                                                      // a leaf has no rule to call
            }
            Variable[] inputGradients = applyBackwardRule(node, gradient);     // dL/d(input j), one per input
            Function function = node.function();
            for (int j = 0; j < inputGradients.length; j++) {
                Variable input = function.input(j);
                if (inputGradients[j] != null && input.requiresGrad()) {
                    gradients.addInto(input, inputGradients[j]);               // the += of the chain rule
                }
            }
            reports.afterStep(node, gradient, inputGradients, gradients);
        }
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
        try (GradMode.Scope mode = gradModeForBackward(createGraph); Gradients gradients = new Gradients()) {
            backpropagate(List.of(output), List.of(Variable.of(seed)), gradients);
            for (Variable variable : gradients.reached()) {
                Variable gradient = gradients.get(variable);
                if (gradient != null && (variable.isLeaf() || variable.retainsGrad())) {
                    variable.accumulateGrad(gradient); // .grad += dL/d(variable)
                }
            }
        }
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
        List<Variable> result = new ArrayList<>();
        try (GradMode.Scope mode = gradModeForBackward(createGraph); Gradients gradients = new Gradients()) {
            backpropagate(outputs, seedVariables, gradients);
            for (Variable input : inputs) {
                Variable g = gradients.get(input);
                result.add(g != null ? g : Variable.of(Tensor.zeros(input.shape())));
            }
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
     * The grad mode the backward rules run in: on with {@code createGraph} (the backward pass is itself
     * recorded, so its gradients can be differentiated again), otherwise off (plain values, no history).
     */
    private static GradMode.Scope gradModeForBackward(boolean createGraph) {
        return createGraph ? GradMode.on() : GradMode.off();
    }

    /**
     * Calls the backward rule of the function that made {@code node}. In {@link AnomalyMode} the rule's
     * own ops are not checked one by one; its results are checked together, blaming this op.
     */
    private static Variable[] applyBackwardRule(Variable node, Variable gradient) {
        Function function = node.function();
        if (!AnomalyMode.isEnabled()) {
            return function.backwardChecked(gradient);
        }
        Variable[] inputGradients;
        try (AnomalyMode.Scope quiet = AnomalyMode.suspended()) {
            inputGradients = function.backwardChecked(gradient);
        }
        AnomalyMode.checkBackward(function, node, inputGradients);
        return inputGradients;
    }

    /** Tells this thread's {@link BackwardListener}s about each step of one backward pass, numbering them. */
    private static final class StepReports {
        private final List<BackwardListener> listeners;
        private int step;

        private StepReports(List<BackwardListener> listeners) {
            this.listeners = listeners;
        }

        static StepReports toListenersOfThisThread() {
            return new StepReports(LISTENERS.get());
        }

        /** Reports the step that just ran {@code node}'s backward rule, if anyone listens. */
        void afterStep(Variable node, Variable gradient, Variable[] inputGradients, Gradients gradients) {
            if (!listeners.isEmpty()) {
                BackwardStep record = BackwardStep.of(step, node, gradient, inputGradients, gradients);
                for (BackwardListener listener : listeners) {
                    listener.onStep(record);
                }
            }
            step++;
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
        Set<Variable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        return topologicalOrder(outputs, visited::add);
    }

    /**
     * The depth-first search itself; {@code firstVisit} marks a variable as visited and tells whether
     * it was new (a set's {@code add}, or {@link Gradients#reach}, which marks the variable itself).
     */
    private static List<Variable> topologicalOrder(List<Variable> outputs, Predicate<Variable> firstVisit) {
        List<Variable> order = new ArrayList<>();
        SearchStack stack = new SearchStack();
        for (Variable output : outputs) {
            if (firstVisit.test(output)) {
                stack.push(output);
            }
            while (!stack.isEmpty()) {
                Variable input = stack.nextInputOfTop(); // null once all of the top's inputs are visited
                if (input == null) {
                    order.add(stack.pop());              // all of its inputs are already in the order
                } else if (input.requiresGrad() && firstVisit.test(input)) {
                    stack.push(input);
                }
            }
        }
        return order;
    }

    /**
     * The stack of the depth-first search: the variables being visited, innermost last, and for each
     * how many of its inputs have been looked at. Two arrays that grow as needed, rather than an
     * object per variable.
     */
    private static final class SearchStack {
        private Variable[] nodes = new Variable[16];
        private int[] nextInput = new int[16];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void push(Variable node) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, 2 * size);
                nextInput = Arrays.copyOf(nextInput, 2 * size);
            }
            nodes[size] = node;
            nextInput[size] = 0;
            size++;
        }

        /** Returns the next input of the variable on top that has not been looked at, or null if none is left. */
        Variable nextInputOfTop() {
            Function function = nodes[size - 1].function();
            if (function == null || nextInput[size - 1] == function.inputCount()) {
                return null; // a leaf, or every input looked at
            }
            return function.input(nextInput[size - 1]++);
        }

        Variable pop() {
            Variable top = nodes[--size];
            nodes[size] = null;
            return top;
        }
    }
}
