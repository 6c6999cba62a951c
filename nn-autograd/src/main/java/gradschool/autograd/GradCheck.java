package gradschool.autograd;

import gradschool.core.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Checks gradients against central finite differences, in double precision.
 *
 * <pre>{@code
 * GradCheck.check(xs -> xs.get(0).tanh().mul(xs.get(1)), Tensor.randn(Shape.of(2, 3), 1), Tensor.randn(Shape.of(3), 2))
 *          .assertPassed();
 * }</pre>
 *
 * <p>For a function {@code f} of some tensors, the check builds the scalar
 * {@code L = Σ seed·f(x)} with a fixed random {@code seed} of f's output shape (so every output
 * element matters), computes {@code dL/dx} by autograd, and compares every element of every input's
 * gradient with the central difference {@code (L(x + ε) - L(x - ε)) / 2ε}. An element passes when
 * {@code |analytic - numeric| <= atol + rtol·|numeric|}. On failure the {@link Report} names the worst
 * element with both values.
 *
 * <p>{@link #checkSecondOrder} does the same for the gradient itself (gradients of gradients), and
 * {@link #checkEachOp} checks every op of an existing graph on its own, so that a wrong custom
 * {@link Function} is named rather than "the gradient is wrong somewhere".
 */
public final class GradCheck {

    /** The default finite-difference step. */
    public static final double DEFAULT_EPSILON = 1e-6;
    /** The default relative tolerance. */
    public static final double DEFAULT_RTOL = 1e-5;
    /** The default absolute tolerance. */
    public static final double DEFAULT_ATOL = 1e-7;

    private static final long SEED = 20_241_122L;

    private final double epsilon;
    private final double rtol;
    private final double atol;

    private GradCheck(double epsilon, double rtol, double atol) {
        this.epsilon = epsilon;
        this.rtol = rtol;
        this.atol = atol;
    }

    /**
     * Returns a checker with the given step and tolerances.
     *
     * @param epsilon the finite-difference step ε
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @return a checker
     */
    public static GradCheck withTolerances(double epsilon, double rtol, double atol) {
        return new GradCheck(epsilon, rtol, atol);
    }

    /**
     * Returns a checker with the defaults: ε = 1e-6, rtol = 1e-5, atol = 1e-7.
     *
     * @return a checker
     */
    public static GradCheck defaults() {
        return new GradCheck(DEFAULT_EPSILON, DEFAULT_RTOL, DEFAULT_ATOL);
    }

    /** A differentiable function of several variables, for checking. */
    @FunctionalInterface
    public interface Fn {
        /**
         * Computes the output from the inputs using variable operations.
         *
         * @param inputs the inputs, in the order given to the check
         * @return the output (any shape)
         */
        Variable apply(List<Variable> inputs);
    }

    /**
     * Checks the first derivatives of {@code f} with the default tolerances.
     *
     * @param f the function
     * @param inputs the point to check at
     * @return the report
     */
    public static Report check(Fn f, Tensor... inputs) {
        return defaults().checkGradients(f, inputs);
    }

    /**
     * Checks the second derivatives of {@code f} with the default tolerances.
     *
     * @param f the function
     * @param inputs the point to check at
     * @return the report
     */
    public static Report checkSecondOrder(Fn f, Tensor... inputs) {
        return defaults().checkSecondDerivatives(f, inputs);
    }

    /**
     * Checks the first derivatives of {@code f}: autograd against central differences over every
     * element of every input. If the check fails, every op of {@code f}'s graph is then checked on
     * its own ({@link #checkEachOp}) and the report's label names the first wrong one and where it
     * was applied.
     *
     * @param f the function
     * @param inputs the point to check at (not modified)
     * @return the report
     */
    public Report checkGradients(Fn f, Tensor... inputs) {
        Fn scalar = projected(f, inputs);
        List<Variable> leaves = leaves(inputs);
        Variable loss;
        try (CreationSite.Recording sites = CreationSite.recording()) { // so that checkEachOp can say where
            loss = scalar.apply(leaves);
        }
        List<Variable> analytic = Autograd.grad(loss, leaves, false);
        Report report = compare("f", scalar, inputs, analytic);
        if (report.passed()) {
            return report;
        }
        Report wrongOp = checkEachOp(loss); // "the gradient is wrong somewhere" is not enough: say where
        return wrongOp.passed() ? report : report.relabeled("f, whose op " + wrongOp.label() + " fails its own check");
    }

    /**
     * Checks the second derivatives of {@code f}: the gradient of {@code Σ v·(dL/dx)} (with fixed
     * random {@code v}), computed by differentiating the recorded backward pass, against central
     * differences of the first-order gradient.
     *
     * @param f the function
     * @param inputs the point to check at
     * @return the report
     */
    public Report checkSecondDerivatives(Fn f, Tensor... inputs) {
        Fn first = projected(f, inputs);
        Random random = new Random(SEED + 1);
        List<Tensor> directions = new ArrayList<>();
        for (Tensor input : inputs) {
            directions.add(Tensor.randn(random, input.shape().toArray()));
        }
        Fn gradientProjection = xs -> {
            List<Variable> grads = Autograd.grad(first.apply(xs), xs, true);
            Variable total = Variable.of(0.0);
            for (int i = 0; i < grads.size(); i++) {
                total = total.add(grads.get(i).mul(Variable.of(directions.get(i))).sum());
            }
            return total;
        };
        List<Variable> leaves = leaves(inputs);
        Variable value = gradientProjection.apply(leaves);
        if (!value.requiresGrad()) {
            // The gradient does not depend on the inputs at all (f is linear): its derivative is 0.
            List<Variable> zeros = new ArrayList<>();
            for (Tensor input : inputs) {
                zeros.add(Variable.of(Tensor.zeros(input.shape())));
            }
            return compare("d(Σ v·grad f)", gradientProjection, inputs, zeros);
        }
        List<Variable> analytic = Autograd.grad(value, leaves, false);
        return compare("d(Σ v·grad f)", gradientProjection, inputs, analytic);
    }

    /**
     * Checks every op in the graph that produced {@code output} on its own: for each function, its
     * backward rule against central differences of its forward rule, at the values it saw. Returns
     * the first failing op's report, or a passing report if all pass.
     *
     * <p>Each op's forward rule is re-run on perturbed copies of its inputs and then once more on the
     * original inputs, so that what it saved for backward is as before.
     *
     * <p>A failing op is named with the line of your code that applied it when the graph was built
     * inside {@link CreationSite#recording()} (or in anomaly mode); {@link #checkGradients} does that
     * for the graph it builds itself.
     *
     * @param output the result of a computation
     * @return the report: the first failing op and where it was applied, or, if all pass, a passing
     *     report that counts the ops and elements checked
     */
    public Report checkEachOp(Variable output) {
        List<Variable> order = Autograd.topologicalOrder(List.of(output));
        int ops = 0;
        int elements = 0;
        for (Variable node : order) {
            if (node.isLeaf()) {
                continue;
            }
            Report report = checkOneOp(node);
            if (!report.passed()) {
                return report;
            }
            ops++;
            elements += report.checkedElements();
        }
        return new Report("each of the " + ops + " ops on its own", true, elements, 0, 0, -1, -1);
    }

    /**
     * Returns the central-difference gradient of a scalar function of one tensor: element by element,
     * {@code (f(x + ε·e_k) - f(x - ε·e_k)) / 2ε}, where {@code e_k} is 1 at element {@code k} and 0
     * elsewhere — the numerical gradient students compute by hand, and the one {@link #check} compares
     * autograd against.
     *
     * <pre>{@code
     * Tensor x = Tensor.of(new double[] {1, 2, 3});
     * Tensor g = GradCheck.numericalGradient(t -> t.pow(2).sum().item(), x, 1e-6);   // ≈ 2x = [2. 4. 6.]
     * }</pre>
     *
     * <p>{@code f} is called {@code 2·x.size()} times, each time on a perturbed contiguous copy of
     * {@code x}; {@code x} itself is not modified, and may be any view (transposed, sliced, broadcast).
     * The error is of order {@code ε²} (times the third derivative) plus rounding of order
     * {@code |f|·1e-16/ε}, so {@code ε = 1e-6} ({@link #DEFAULT_EPSILON}) suits functions of size
     * about 1 in double precision.
     *
     * @param f the function, returning a number for a tensor of {@code x}'s shape
     * @param x the point at which to differentiate (not modified)
     * @param epsilon the step ε, positive and finite
     * @return a new tensor of {@code x}'s shape: element {@code k} is {@code ≈ df/dx_k}
     * @throws IllegalArgumentException if {@code f} or {@code x} is null or {@code epsilon} is not
     *     positive and finite
     */
    public static Tensor numericalGradient(ToDoubleFunction<Tensor> f, Tensor x, double epsilon) {
        if (f == null || x == null) {
            throw new IllegalArgumentException("numericalGradient: the " + (f == null ? "function f" : "point x")
                    + " is null");
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("numericalGradient: the step epsilon must be positive and finite, got "
                    + epsilon);
        }
        Tensor[] point = {x};
        double[] gradient = new double[x.size()];
        for (int e = 0; e < gradient.length; e++) {
            gradient[e] = centralDifference(point, 0, e, perturbed -> f.applyAsDouble(perturbed[0]), epsilon);
        }
        return Tensor.of(x.shape(), gradient);
    }

    private Report checkOneOp(Variable node) {
        Function function = node.function();
        List<Variable> inputs = function.inputs();
        Tensor[] values = new Tensor[inputs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = inputs.get(i).value();
        }
        Tensor seed = Tensor.randn(new Random(SEED), node.shape().toArray());
        Variable[] analytic;
        try (GradMode.Scope off = GradMode.off()) {
            analytic = function.backwardChecked(Variable.of(seed));
        }
        String where = node.creationSite() == null
                ? " (to see where it was applied, build the graph inside CreationSite.recording())"
                : " applied at " + node.creationSite();
        String label = function + where;
        Worst worst = new Worst();
        try {
            for (int i = 0; i < values.length; i++) {
                if (!inputs.get(i).requiresGrad() || analytic[i] == null) {
                    continue;
                }
                double[] analyticValues = analytic[i].value().toDoubleArray();
                for (int e = 0; e < values[i].size(); e++) {
                    double numeric = centralDifference(values, i, e,
                            perturbed -> function.forward(perturbed).mul(seed).sum().item());
                    worst.consider(i, e, analyticValues[e], numeric);
                }
            }
        } finally {
            function.forward(values); // restore what the op saved for backward
        }
        return worst.report(label);
    }

    /** Wraps f as a scalar: Σ seed·f(x) with a fixed random seed of f's output shape. */
    private static Fn projected(Fn f, Tensor[] inputs) {
        Variable probe;
        try (GradMode.Scope off = GradMode.off()) {
            probe = f.apply(leaves(inputs));
        }
        Tensor seed = Tensor.randn(new Random(SEED), probe.shape().toArray());
        return xs -> f.apply(xs).mul(Variable.of(seed)).sum();
    }

    private Report compare(String label, Fn scalar, Tensor[] inputs, List<Variable> analytic) {
        Worst worst = new Worst();
        for (int i = 0; i < inputs.length; i++) {
            double[] analyticValues = analytic.get(i).value().toDoubleArray();
            for (int e = 0; e < inputs[i].size(); e++) {
                double numeric = centralDifference(inputs, i, e, perturbed -> scalar.apply(leaves(perturbed)).item());
                worst.consider(i, e, analyticValues[e], numeric);
            }
        }
        return worst.report(label);
    }

    /** The central difference for one element of input {@code i}, with this checker's ε. */
    private double centralDifference(Tensor[] inputs, int i, int element, ScalarOf evaluate) {
        return centralDifference(inputs, i, element, evaluate, epsilon);
    }

    /**
     * {@code (L(x + ε e) - L(x - ε e)) / 2ε} for one element {@code e} of input {@code i}: perturbs a
     * contiguous copy of that input, so the caller's tensors are never written to.
     */
    private static double centralDifference(Tensor[] inputs, int i, int element, ScalarOf evaluate,
                                            double epsilon) {
        Tensor[] perturbed = inputs.clone();
        Tensor copy = inputs[i].copy();
        perturbed[i] = copy;
        int[] index = unravel(element, copy.shape().toArray());
        double original = copy.get(index);
        copy.setInPlace(original + epsilon, index);
        double plus = evaluate.at(perturbed);
        copy.setInPlace(original - epsilon, index);
        double minus = evaluate.at(perturbed);
        return (plus - minus) / (2 * epsilon);
    }

    private static int[] unravel(int flat, int[] dims) {
        int[] index = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            index[d] = flat % dims[d];
            flat /= dims[d];
        }
        return index;
    }

    private static List<Variable> leaves(Tensor[] inputs) {
        List<Variable> leaves = new ArrayList<>();
        for (Tensor input : inputs) {
            leaves.add(Variable.requiringGrad(input));
        }
        return Collections.unmodifiableList(leaves);
    }

    /** Evaluates a scalar at perturbed inputs. */
    private interface ScalarOf {
        double at(Tensor[] inputs);
    }

    /** Tracks the element with the largest tolerance-relative error. */
    private final class Worst {
        boolean passed = true;
        double ratio = -1;
        int input = -1;
        int element = -1;
        double analytic;
        double numeric;
        int checked;

        void consider(int inputIndex, int elementIndex, double analyticValue, double numericValue) {
            checked++;
            double error = Math.abs(analyticValue - numericValue);
            double allowed = atol + rtol * Math.abs(numericValue);
            boolean ok = error <= allowed;
            double r = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error / allowed;
            if (!ok) {
                passed = false;
            }
            if (r > ratio) {
                ratio = r;
                input = inputIndex;
                element = elementIndex;
                analytic = analyticValue;
                numeric = numericValue;
            }
        }

        Report report(String label) {
            return new Report(label, passed, checked, analytic, numeric, input, element);
        }
    }

    /**
     * The outcome of a gradient check.
     *
     * @param label what was checked: "f" (with the first wrong op, if one is found), or the op and where
     *     it was applied
     * @param passed whether every element was within tolerance
     * @param checkedElements how many gradient elements were compared
     * @param worstAnalytic the autograd value at the worst element
     * @param worstNumeric the finite-difference value at the worst element
     * @param worstInput which input holds the worst element, or -1 if none was compared
     * @param worstElement the worst element's position in that input (row-major), or -1
     */
    public record Report(String label, boolean passed, int checkedElements, double worstAnalytic,
                         double worstNumeric, int worstInput, int worstElement) {

        /** The same result under another label. */
        Report relabeled(String newLabel) {
            return new Report(newLabel, passed, checkedElements, worstAnalytic, worstNumeric, worstInput, worstElement);
        }

        /**
         * Throws an {@link AssertionError} describing the worst element if the check failed.
         *
         * @return this report, if it passed
         */
        public Report assertPassed() {
            if (!passed) {
                throw new AssertionError(toString());
            }
            return this;
        }

        /**
         * Describes the result, e.g. {@code "gradient check FAILED for Cube: worst at input 0, element 3:
         * analytic 12.0, numeric 27.0 (27 elements checked)"}.
         *
         * @return the text
         */
        @Override
        public String toString() {
            String worst = worstInput < 0 ? "" : ": worst at input " + worstInput + ", element " + worstElement
                    + ": analytic " + worstAnalytic + ", numeric " + worstNumeric;
            return "gradient check " + (passed ? "passed" : "FAILED") + " for " + label + worst
                    + " (" + checkedElements + " elements checked)";
        }
    }
}
