package gradschool.examples.exercises;

import gradschool.autograd.Autograd;
import gradschool.autograd.GradCheck;
import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.examples.exercises.Exercise.Alternative;
import gradschool.examples.exercises.Exercise.Case;
import gradschool.examples.exercises.Exercise.Kind;
import gradschool.examples.seeds.Backpropagation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grades a student's backward rule against gradschool's own op and, when it is wrong, says what kind
 * of mistake it is.
 *
 * <pre>{@code
 * Verdict verdict = Grader.grade(Exercises.named("mul").orElseThrow(), MulBackward.class);
 * System.out.print(verdict.text());   // "mul: ✗ wrong sign", then what differs and where
 * }</pre>
 *
 * <p>For each case of the exercise, in order, the grader runs the student's backward with a random
 * incoming gradient {@code g} (not ones, so that a forgotten chain-rule factor shows) and compares
 * every element of every gradient with autograd's gradient of the reference op. At the first
 * gradient that differs it stops and diagnoses it, in this order: the shape (a broadcast not summed
 * back, a transpose), NaN or infinity, the kink, non-contiguous views, the exercise's known wrong
 * rules (output used for input, only the Jacobian's diagonal), another input's gradient, a transpose
 * of a square gradient, the chain-rule factor (the student's gradient equals the true one for
 * {@code g = 1}), the sign, a constant factor. It then shows the first element that differs, with
 * both values and the inputs there. When every case passes, {@link GradCheck} checks the rule through
 * the engine against finite differences over every element, and, where the rule is meant to be
 * differentiable again, to second order.
 */
public final class Grader {

    /** Relative tolerance of an element-wise comparison with the reference. */
    static final double RTOL = 1e-6;
    /** Absolute tolerance of an element-wise comparison with the reference. */
    static final double ATOL = 1e-9;

    private static final long GRADIENT_SEED = 7_000;

    private Grader() {
    }

    /**
     * Grades one exercise solved by a class.
     *
     * @param exercise     the exercise
     * @param studentClass the student's class: a {@link BackwardExercise}, or a
     *                     {@link HandDerivedGradients} for {@code seed-gradients}
     * @return the verdict
     */
    public static Verdict grade(Exercise exercise, Class<?> studentClass) {
        try {
            if (HandDerivedGradients.class.isAssignableFrom(studentClass)) {
                return gradeHandDerived(exercise, studentClass);
            }
            if (BackwardExercise.class.isAssignableFrom(studentClass)) {
                return gradeBackward(exercise, studentClass);
            }
            return new Verdict(exercise.name(), Mistake.WRONG_CLASS, List.of(studentClass.getName()
                    + " does not extend BackwardExercise (or HandDerivedGradients); './gradschool exercise reset "
                    + exercise.name() + "' restores the starting file"));
        } catch (Stop stop) {
            return stop.verdict;
        }
    }

    /** Ends grading with a verdict (thrown from deep inside, caught in {@link #grade}). */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Verdict verdict;

        Stop(Verdict verdict) {
            super(verdict.mistake().title(), null, false, false);
            this.verdict = verdict;
        }
    }

    private static Stop stop(Exercise exercise, Mistake mistake, List<String> details) {
        return new Stop(new Verdict(exercise.name(), mistake, details));
    }

    // ---------------------------------------------------------------- backward exercises

    private static Verdict gradeBackward(Exercise exercise, Class<?> studentClass) {
        int elements = 0;
        List<String> kinds = new ArrayList<>();
        for (int k = 0; k < exercise.cases().size(); k++) {
            Case c = exercise.cases().get(k);
            elements += gradeCase(exercise, studentClass, c, k);
            if (!kinds.contains(c.kind().text())) {
                kinds.add(c.kind().text());
            }
        }
        Case first = exercise.cases().get(0);
        GradCheck.Fn studentOp = xs -> new GradedOp((BackwardExercise) newInstance(exercise, studentClass, first))
                .apply(xs.toArray(Variable[]::new));
        GradCheck.Report firstOrder = GradCheck.check(studentOp, first.inputs());
        if (!firstOrder.passed()) {
            throw stop(exercise, Mistake.WRONG_VALUES, List.of("your gradients equal gradschool's, but the check "
                    + "against finite differences of your forward pass fails: " + firstOrder,
                    "case: " + first.describe()));
        }
        List<String> details = new ArrayList<>();
        details.add(exercise.cases().size() + " cases (" + String.join(", ", kinds) + "): every element of every "
                + "gradient equals gradschool's own op (" + elements + " elements)");
        details.add("GradCheck against finite differences: passed (" + firstOrder.checkedElements() + " elements)");
        if (exercise.secondOrder()) {
            GradCheck.Report secondOrder = GradCheck.checkSecondOrder(studentOp, first.inputs());
            if (!secondOrder.passed()) {
                throw stop(exercise, Mistake.NOT_DIFFERENTIABLE_AGAIN, List.of(
                        "every gradient is right, but differentiating your backward rule again gives wrong "
                                + "second derivatives: " + secondOrder,
                        "Your rule is probably computed from tensors (…value()…) or wrapped in new variables "
                                + "(Variable.of, Variable.constant), which the engine cannot differentiate. Write it "
                                + "with Variable operations on gradOutput, input(i) and output() (docs/second-order.md).",
                        "case: " + first.describe()));
            }
            details.add("second-order check (gradients of your gradients): passed");
        }
        return new Verdict(exercise.name(), Mistake.PASSED, details);
    }

    /** Grades one case; returns the number of gradient elements compared. */
    private static int gradeCase(Exercise exercise, Class<?> studentClass, Case c, int index) {
        BackwardExercise student = (BackwardExercise) newInstance(exercise, studentClass, c);
        Tensor[] values = c.inputs();
        List<Variable> leaves = new ArrayList<>();
        for (Tensor value : values) {
            leaves.add(Variable.requiringGrad(value));
        }
        Variable reference = c.reference().apply(leaves);
        Tensor y;
        try {
            y = student.runForward(values.clone());
        } catch (RuntimeException e) {
            throw stop(exercise, Mistake.FORWARD_CHANGED, List.of("the forward pass threw " + describe(e),
                    "The forward pass is given in the file; './gradschool exercise reset " + exercise.name()
                            + "' restores it (and erases your backward: copy it first).", "case: " + c.describe()));
        }
        if (!y.shape().equals(reference.shape()) || firstDifference(y, reference.value()) >= 0) {
            throw stop(exercise, Mistake.FORWARD_CHANGED, List.of("the forward pass gives " + y.toStringWithShape()
                    .replace('\n', ' ') + " where gradschool's op gives " + reference.value().toStringWithShape()
                    .replace('\n', ' '), "The forward pass is given in the file; './gradschool exercise reset "
                    + exercise.name() + "' restores it (and erases your backward: copy it first).",
                    "case: " + c.describe()));
        }
        Tensor g = Tensor.randn(reference.shape(), GRADIENT_SEED + index);
        List<Variable> expected = Autograd.grad(List.of(reference), leaves, List.of(g), false);
        Tensor[] before = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            before[i] = values[i].copy();
        }
        Tensor gBefore = g.copy();
        Variable[] returned;
        try (GradMode.Scope off = GradMode.off()) {
            returned = student.runBackward(leaves, Variable.of(y), Variable.of(g));
        } catch (NotDoneYet e) {
            throw stop(exercise, Mistake.NOT_STARTED, List.of("open exercises/" + exercise.relativeFile()
                    + " and replace 'throw new NotDoneYet();' with your backward rule: " + exercise.title(),
                    "The derivation is in " + exercise.docs() + "; then run './gradschool exercise check "
                            + exercise.name() + "'."));
        } catch (RuntimeException | StackOverflowError e) {
            List<String> details = new ArrayList<>();
            details.add("your backward threw " + describe(e));
            if (c.kind() == Kind.VIEW) {
                throw stop(exercise, Mistake.WRONG_ON_VIEWS, List.of(details.get(0), "It works on contiguous tensors "
                        + "but fails on the same values held in non-contiguous views (a stride-2 slice): use the "
                        + "tensors' operations, which work on any view, rather than their storage layout.",
                        "case: " + c.describe()));
            }
            details.add("case: " + c.describe());
            throw stop(exercise, Mistake.CRASHED, details);
        }
        for (int i = 0; i < values.length; i++) {
            if (firstDifference(values[i], before[i]) >= 0) {
                throw stop(exercise, Mistake.CHANGED_IN_PLACE, List.of("your backward changed its input "
                        + c.inputNames().get(i) + " in place: backward must leave its inputs as they are (other "
                        + "ops' gradients need them); compute new tensors instead of …InPlace or copyFrom.",
                        "case: " + c.describe()));
            }
        }
        if (firstDifference(g, gBefore) >= 0) {
            throw stop(exercise, Mistake.CHANGED_IN_PLACE, List.of("your backward changed gradOutput in place: "
                    + "it is shared with the rest of the backward pass; compute a new tensor instead.",
                    "case: " + c.describe()));
        }
        if (returned == null || returned.length != values.length) {
            throw stop(exercise, Mistake.WRONG_COUNT, List.of("backward returned "
                    + (returned == null ? "null" : returned.length + " gradients") + " for " + values.length
                    + " input" + (values.length == 1 ? "" : "s") + " " + c.inputNames()
                    + ": return grads(" + String.join(", ", c.inputNames().stream().map(n -> "dL/d" + n).toList())
                    + "), in argument order", "case: " + c.describe()));
        }
        Tensor[] wanted = new Tensor[values.length];
        Tensor[] got = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            if (returned[i] == null) {
                throw stop(exercise, Mistake.WRONG_COUNT, List.of("backward returned null for dL/d"
                        + c.inputNames().get(i) + ": every input needs its gradient", "case: " + c.describe()));
            }
            wanted[i] = expected.get(i).value();
            got[i] = returned[i].value();
        }
        Context context = new Context(exercise, c, values, y, g, got, wanted, leaves, reference);
        int elements = 0;
        for (int i = 0; i < values.length; i++) {
            if (!got[i].shape().equals(wanted[i].shape()) || firstDifference(got[i], wanted[i]) >= 0) {
                throw diagnose(context, i);
            }
            elements += wanted[i].size();
        }
        return elements;
    }

    /** Everything about one graded case that a diagnosis may look at. */
    private record Context(Exercise exercise, Case c, Tensor[] inputs, Tensor output, Tensor g, Tensor[] got,
                           Tensor[] wanted, List<Variable> leaves, Variable reference) {

        String gradientName(int i) {
            return "dL/d" + c.inputNames().get(i);
        }

        /** The true gradients for g = 1, or null where there is no incoming gradient (the hand-derived case). */
        Tensor[] wantedForOnes() {
            if (g == null) {
                return null;
            }
            List<Variable> ones = Autograd.grad(List.of(reference), leaves, List.of(Tensor.ones(reference.shape())),
                    false);
            return ones.stream().map(Variable::value).toArray(Tensor[]::new);
        }
    }

    // ---------------------------------------------------------------- diagnosis

    /** Says what is wrong with gradient {@code i}, which differs from the reference. */
    private static Stop diagnose(Context x, int i) {
        Tensor got = x.got()[i];
        Tensor wanted = x.wanted()[i];
        String name = x.gradientName(i);
        String input = x.c().inputNames().get(i);
        Shape inputShape = x.inputs()[i].shape();
        List<String> details = new ArrayList<>();
        Mistake mistake = null;

        if (!got.shape().equals(wanted.shape())) {
            if (inputShape.broadcastsTo(got.shape()) && close(got.sumToShape(inputShape), wanted)) {
                mistake = Mistake.BROADCAST_NOT_SUMMED;
                String axes = broadcastAxes(inputShape, got.shape());
                String whose = got.shape().equals(x.output().shape()) ? ", the output's," : ",";
                details.add(name + " has shape " + got.shape() + whose + " but " + input + " has shape "
                        + inputShape + ": the forward pass broadcast " + input + " along " + axes
                        + ", so every copy of an element of " + input + " sent a gradient back, and they add up: "
                        + "sum " + name + " over " + axes + " (gradOutput.sumToShape(input(" + i + ").shape())).");
            } else if (swapsLastTwo(got.shape(), wanted.shape()) && close(got.transpose(-1, -2), wanted)) {
                mistake = Mistake.TRANSPOSED;
                details.add(name + " has shape " + got.shape() + " and is the transpose of the true gradient, which has "
                        + input + "'s shape " + inputShape + ": a gradient always has its input's shape; put the "
                        + "factors in the other order, transposed (for C = A·B: dL/dA = G·Bᵀ, dL/dB = Aᵀ·G).");
            } else {
                mistake = Mistake.WRONG_SHAPE;
                details.add(name + " has shape " + got.shape() + ", but " + input + " has shape " + inputShape
                        + ": a gradient always has its input's shape.");
            }
            details.add("case: " + x.c().describe());
            return new Stop(new Verdict(x.exercise().name(), mistake, details));
        }

        int firstBad = firstDifference(got, wanted);
        if (!allFinite(got) && allFinite(wanted)) {
            mistake = Mistake.NOT_FINITE;
            int bad = firstNonFinite(got);
            details.add(name + " has NaN or infinity where the true gradient is finite"
                    + (x.c().kind() == Kind.EXTREME ? ", at extreme inputs" : "") + ": your formula overflows "
                    + "(e^800 is ∞, and ∞/∞ or 0·∞ is NaN). Write it with quantities that stay finite, such as the "
                    + "output y, which the forward pass computed stably.");
            firstBad = bad;
        } else if (x.c().kind() == Kind.TIES && x.c().special() != null
                && differsOnlyWhere(got, wanted, x.c().special())) {
            mistake = Mistake.WRONG_AT_TIES;
            details.add(name + " is right everywhere except where several elements of a window tie for its maximum: "
                    + "gradschool, like PyTorch, gives the whole gradient of a window to its FIRST maximum in "
                    + "row-major order (argmax), not to every tied element and not split among them.");
        } else if (x.c().kind() == Kind.KINK && x.inputs()[0].shape().equals(got.shape())
                && differsOnlyWhere(got, wanted, x.inputs()[0].eq(0.0))) {
            mistake = Mistake.WRONG_AT_KINK;
            details.add(name + " is right everywhere except at x = 0, the kink, where the derivative is not defined: "
                    + "gradschool's convention is relu'(0) = 0 (as PyTorch's), so the mask is [x > 0], not [x >= 0].");
        } else if (x.c().kind() == Kind.VIEW) {
            mistake = Mistake.WRONG_ON_VIEWS;
            details.add(name + " is right on contiguous tensors but wrong on the same values held in non-contiguous "
                    + "views (a stride-2 slice): read elements through the tensors' operations (get, mul, sum, …), "
                    + "which work on any view, never through assumptions about the storage layout.");
        } else {
            for (Alternative alternative : x.exercise().alternatives()) {
                Tensor rule = alternative.rule().gradient(x.inputs()[0], x.output(), x.g());
                if (rule.shape().equals(got.shape()) && close(got, rule)) {
                    mistake = alternative.mistake();
                    details.add(alternative.advice());
                    break;
                }
            }
        }
        if (mistake == null) {
            for (int j = 0; j < x.wanted().length; j++) {
                if (j != i && x.wanted()[j].shape().equals(got.shape()) && close(got, x.wanted()[j])
                        && !close(wanted, x.wanted()[j])) {
                    mistake = Mistake.OPERANDS_SWAPPED;
                    details.add("your " + name + " equals the true " + x.gradientName(j) + ": the gradient of the "
                            + "other input (for y = a ⊙ b: dL/da = g ⊙ b, the other factor; dL/db = g ⊙ a).");
                    break;
                }
            }
        }
        if (mistake == null && got.rank() >= 2 && swapsLastTwo(got.shape(), got.shape())
                && close(got, wanted.transpose(-1, -2)) && !close(wanted, wanted.transpose(-1, -2))) {
            mistake = Mistake.TRANSPOSED;
            details.add("your " + name + " is the transpose of the true one (the shapes agree only because they are "
                    + "square): for C = A·B, dL/dA = G·Bᵀ and dL/dB = Aᵀ·G.");
        }
        if (mistake == null) {
            Tensor[] forOnes = x.wantedForOnes();
            if (forOnes != null && close(got, forOnes[i]) && !close(wanted, forOnes[i])) {
                mistake = Mistake.CHAIN_RULE_MISSING;
                details.add("your " + name + " is what the true one would be if the incoming gradient g = dL/dy were "
                        + "all ones: you returned the local derivative alone. Multiply by gradOutput — the chain "
                        + "rule, " + name + " = dL/dy · dy/d" + input + ".");
            }
        }
        if (mistake == null) {
            double factor = factor(got, wanted);
            if (!Double.isNaN(factor) && close(got, wanted.mul(factor))) {
                if (Math.abs(factor + 1) < 1e-6) {
                    mistake = Mistake.WRONG_SIGN;
                    details.add("your " + name + " is exactly −1× the true one: check the sign of your derivative.");
                } else {
                    mistake = Mistake.CONSTANT_FACTOR;
                    details.add("your " + name + " is exactly " + describeFactor(factor) + " the true one: a constant "
                            + "factor is off (an exponent not brought down, a 1/n forgotten or doubled, a ½ dropped).");
                }
            }
        }
        if (mistake == null) {
            mistake = Mistake.WRONG_VALUES;
            details.add("your " + name + " differs from the true gradient, in no way the grader recognises: "
                    + "derive dy/d" + input + " again (" + x.exercise().docs() + ").");
        }
        details.add(firstDifferenceLine(x, i, firstBad));
        details.add("case: " + x.c().describe());
        return new Stop(new Verdict(x.exercise().name(), mistake, details));
    }

    /** "first difference: dL/da[1, 2] = 0.84 (yours), 0.42 (true), where a = 0.3, b = 1.4, g = 0.7". */
    private static String firstDifferenceLine(Context x, int i, int flat) {
        Tensor got = x.got()[i];
        int[] index = unravel(flat, got.shape().toArray());
        StringBuilder line = new StringBuilder("first element that differs: ").append(x.gradientName(i))
                .append(Arrays.toString(index)).append(" = ").append(number(got.get(index))).append(" (yours), ")
                .append(number(x.wanted()[i].get(index))).append(" (true)");
        List<String> where = new ArrayList<>();
        for (int k = 0; k < x.inputs().length; k++) {
            if (x.inputs()[k].shape().equals(got.shape())) {
                where.add(x.c().inputNames().get(k) + " = " + number(x.inputs()[k].get(index)));
            }
        }
        if (x.g() != null && x.g().shape().equals(got.shape())) {
            where.add("g = dL/dy = " + number(x.g().get(index)));
        } else if (x.g() != null && x.g().size() == 1) {
            where.add("g = dL/dy = " + number(x.g().item()));
        }
        if (!where.isEmpty()) {
            line.append(", where ").append(String.join(", ", where));
        }
        return line.toString();
    }

    private static String broadcastAxes(Shape input, Shape output) {
        List<Integer> axes = new ArrayList<>();
        int lead = output.rank() - input.rank();
        for (int d = 0; d < output.rank(); d++) {
            if (d < lead || (input.dim(d - lead) == 1 && output.dim(d) != 1)) {
                axes.add(d);
            }
        }
        return (axes.size() == 1 ? "axis " : "axes ") + axes.toString().replace("[", "").replace("]", "");
    }

    private static boolean swapsLastTwo(Shape a, Shape b) {
        if (a.rank() < 2 || a.rank() != b.rank()) {
            return false;
        }
        int r = a.rank();
        for (int d = 0; d < r - 2; d++) {
            if (a.dim(d) != b.dim(d)) {
                return false;
            }
        }
        return a.dim(r - 1) == b.dim(r - 2) && a.dim(r - 2) == b.dim(r - 1);
    }

    /** True if every element where the two differ is marked (non-zero) in {@code where}. */
    private static boolean differsOnlyWhere(Tensor got, Tensor wanted, Tensor where) {
        if (!where.shape().equals(got.shape())) {
            return false;
        }
        double[] a = got.toDoubleArray();
        double[] b = wanted.toDoubleArray();
        double[] marked = where.toDoubleArray();
        for (int e = 0; e < a.length; e++) {
            if (!close(a[e], b[e]) && marked[e] == 0.0) {
                return false;
            }
        }
        return true;
    }

    /** The least-squares c with got ≈ c·wanted, or NaN if wanted is all zeros. */
    private static double factor(Tensor got, Tensor wanted) {
        double[] a = got.toDoubleArray();
        double[] b = wanted.toDoubleArray();
        double ab = 0;
        double bb = 0;
        for (int e = 0; e < a.length; e++) {
            ab += a[e] * b[e];
            bb += b[e] * b[e];
        }
        return bb == 0 ? Double.NaN : ab / bb;
    }

    /** "2×", "½×" style: whole numbers and their inverses exactly, anything else to 4 digits. */
    static String describeFactor(double factor) {
        double rounded = Math.rint(factor);
        if (Math.abs(factor - rounded) < 1e-6 * Math.abs(factor)) {
            return String.format(Locale.ROOT, "%d×", (long) rounded);
        }
        double inverse = Math.rint(1 / factor);
        if (inverse != 0 && Math.abs(1 / factor - inverse) < 1e-6 * Math.abs(1 / factor)) {
            return String.format(Locale.ROOT, "1/%d×", (long) inverse).replace("1/-", "−1/");
        }
        return String.format(Locale.ROOT, "%.4g×", factor);
    }

    // ---------------------------------------------------------------- the hand-derived exercise

    private static Verdict gradeHandDerived(Exercise exercise, Class<?> studentClass) {
        int elements = 0;
        for (Case c : exercise.cases()) {
            HandDerivedGradients student = (HandDerivedGradients) newInstance(exercise, studentClass, c);
            Map<String, Tensor> parameters = new LinkedHashMap<>();
            List<Variable> leaves = new ArrayList<>();
            for (int i = 0; i < c.inputs().length; i++) {
                parameters.put(c.inputNames().get(i), c.inputs()[i].copy());
                leaves.add(Variable.requiringGrad(c.inputs()[i]));
            }
            Variable loss = c.reference().apply(leaves);
            List<Variable> expected = Autograd.grad(loss, leaves, false);
            Map<String, Tensor> returned;
            try {
                returned = student.gradients(Backpropagation.input(), Backpropagation.TARGET, parameters);
            } catch (NotDoneYet e) {
                throw stop(exercise, Mistake.NOT_STARTED, List.of("open exercises/" + exercise.relativeFile()
                        + " and replace 'throw new NotDoneYet();' with the backward pass: " + exercise.title(),
                        "The derivation is in " + exercise.docs() + "; then run './gradschool exercise check "
                                + exercise.name() + "'."));
            } catch (RuntimeException e) {
                throw stop(exercise, Mistake.CRASHED, List.of("your gradients(...) threw " + describe(e),
                        "case: " + c.describe()));
            }
            Tensor[] wanted = new Tensor[leaves.size()];
            Tensor[] got = new Tensor[leaves.size()];
            for (int i = 0; i < leaves.size(); i++) {
                String name = c.inputNames().get(i);
                if (returned == null || returned.get(name) == null) {
                    throw stop(exercise, Mistake.WRONG_COUNT, List.of("the map of gradients has no entry for \"" + name
                            + "\": return one for each of " + HandDerivedGradients.PARAMETERS));
                }
                wanted[i] = expected.get(i).value();
                got[i] = returned.get(name);
            }
            Context context = new Context(exercise, c, c.inputs(), loss.value(), null, got, wanted, leaves, loss);
            for (int i = 0; i < leaves.size(); i++) {
                if (!got[i].shape().equals(wanted[i].shape()) || firstDifference(got[i], wanted[i]) >= 0) {
                    throw diagnose(context, i);
                }
                elements += wanted[i].size();
            }
        }
        return new Verdict(exercise.name(), Mistake.PASSED, List.of("every gradient equals autograd's, at the "
                + "notebook's parameters and at " + (exercise.cases().size() - 1) + " other sets of parameters ("
                + elements + " elements)"));
    }

    // ---------------------------------------------------------------- helpers

    /** Makes the student's object with the case's constructor arguments. */
    private static Object newInstance(Exercise exercise, Class<?> studentClass, Case c) {
        Object[] arguments = c.arguments();
        for (Constructor<?> constructor : studentClass.getDeclaredConstructors()) {
            if (constructor.getParameterCount() != arguments.length) {
                continue;
            }
            try {
                constructor.setAccessible(true);
                return constructor.newInstance(arguments);
            } catch (IllegalArgumentException e) {
                continue; // another constructor with as many parameters may take these types
            } catch (InvocationTargetException e) {
                throw stop(exercise, Mistake.CRASHED, List.of("the constructor threw " + describe(e.getCause())));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw stop(exercise, Mistake.WRONG_CLASS, List.of("cannot make a " + studentClass.getSimpleName()
                        + ": " + e));
            }
        }
        throw stop(exercise, Mistake.WRONG_CLASS, List.of(studentClass.getSimpleName() + " has no constructor taking "
                + Exercises.describeArguments(arguments) + "; './gradschool exercise reset " + exercise.name()
                + "' restores the starting file"));
    }

    /** An exception in one line, with the line of the student's file it came from. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            text.append(": ").append(e.getMessage());
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(Exercises.STUDENT_PACKAGE + ".")) {
                text.append(" (at ").append(frame.getFileName()).append(':').append(frame.getLineNumber()).append(')');
                break;
            }
        }
        return text.toString();
    }

    /** The first element (row-major) where the two differ beyond the tolerances, or -1. */
    static int firstDifference(Tensor got, Tensor wanted) {
        double[] a = got.toDoubleArray();
        double[] b = wanted.toDoubleArray();
        for (int e = 0; e < a.length; e++) {
            if (!close(a[e], b[e])) {
                return e;
            }
        }
        return -1;
    }

    private static boolean close(Tensor got, Tensor wanted) {
        return got.shape().equals(wanted.shape()) && firstDifference(got, wanted) < 0;
    }

    private static boolean close(double got, double wanted) {
        if (Double.isNaN(got) || Double.isNaN(wanted)) {
            return Double.isNaN(got) && Double.isNaN(wanted);
        }
        if (Double.isInfinite(got) || Double.isInfinite(wanted)) {
            return got == wanted;
        }
        return Math.abs(got - wanted) <= ATOL + RTOL * Math.abs(wanted);
    }

    private static boolean allFinite(Tensor t) {
        return firstNonFinite(t) < 0;
    }

    private static int firstNonFinite(Tensor t) {
        double[] a = t.toDoubleArray();
        for (int e = 0; e < a.length; e++) {
            if (!Double.isFinite(a[e])) {
                return e;
            }
        }
        return -1;
    }

    private static int[] unravel(int flat, int[] dims) {
        int[] index = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            index[d] = flat % dims[d];
            flat /= dims[d];
        }
        return index;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value == 0 ? 0.0 : value);   // no "-0.00000"
    }
}
