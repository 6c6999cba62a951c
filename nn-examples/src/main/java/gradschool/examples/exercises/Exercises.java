package gradschool.examples.exercises;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.examples.exercises.Exercise.Alternative;
import gradschool.examples.exercises.Exercise.Case;
import gradschool.examples.exercises.Exercise.Kind;
import gradschool.examples.seeds.Backpropagation;
import gradschool.nn.BatchNorm;
import gradschool.nn.CrossEntropyLoss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The exercises, in the order of the docs: the seed notebook's gradients by hand, then one backward
 * rule per op, from {@code mul} to cross-entropy.
 *
 * <p>Each exercise is graded on fixed, seeded inputs (the same every run): a few ordinary shapes,
 * broadcasting where the op broadcasts, the first case again as non-contiguous views, the kink of
 * relu and extreme inputs where a naive formula overflows. The reference is always gradschool's own
 * op, differentiated by autograd.
 */
public final class Exercises {

    /** The package of the student's files. */
    public static final String STUDENT_PACKAGE = "gradschool.exercises";

    private static final List<String> X = List.of("x");
    private static final List<String> AB = List.of("a", "b");
    /** LayerNorm's default ε. */
    private static final double LAYER_NORM_EPS = 1e-5;

    private static final List<Exercise> ALL = List.of(
            seedGradients(), mul(), div(), pow(), exp(), log(), tanh(), sigmoid(), relu(), add(), sum(), mean(),
            matmul(), softmax(), logSoftmax(), crossEntropy(), conv1d(), maxPool(), batchNorm(), layerNorm(),
            attention());

    private Exercises() {
    }

    /**
     * Returns every exercise, in the order to do them.
     *
     * @return the list
     */
    public static List<Exercise> all() {
        return ALL;
    }

    /**
     * Finds an exercise by name, in any case ({@code "MUL"} finds {@code mul}); its class name works too.
     *
     * @param name the name, e.g. {@code "log-softmax"} or {@code "LogSoftmaxBackward"}
     * @return the exercise, or empty
     */
    public static Optional<Exercise> named(String name) {
        return ALL.stream().filter(e -> e.name().equalsIgnoreCase(name) || e.className().equalsIgnoreCase(name))
                .findFirst();
    }

    // ---------------------------------------------------------------- the exercises

    private static Exercise seedGradients() {
        Map<String, Tensor> notebook = Backpropagation.initialParameters();
        List<Case> cases = new ArrayList<>();
        cases.add(seedCase(notebook.values().toArray(Tensor[]::new)));
        List<Tensor> positive = new ArrayList<>();
        List<Tensor> mixed = new ArrayList<>();
        long seed = 80;
        for (Tensor parameter : notebook.values()) {
            positive.add(Tensor.uniform(parameter.shape(), 0.1, 0.9, seed++));
            mixed.add(Tensor.randn(parameter.shape(), seed++).mul(0.6).add(0.2));
        }
        cases.add(seedCase(positive.toArray(Tensor[]::new)));
        cases.add(seedCase(mixed.toArray(Tensor[]::new)));
        return new Exercise("seed-gradients", "SeedGradients",
                "dL/dW and dL/db of the seed notebook's 3-layer network, by hand, with tensors",
                "docs/backprop-by-hand.md", cases, List.of(), false);
    }

    /** The notebook's network as a function of its six parameters, returning the loss ½(a − p)². */
    private static Case seedCase(Tensor[] parameters) {
        Tensor x = Backpropagation.input();
        GradCheck.Fn network = p -> {
            Variable a1 = Variable.of(x).transpose().matmul(p.get(0)).add(p.get(3).transpose()).relu();
            Variable a2 = a1.matmul(p.get(1)).add(p.get(4).transpose()).relu();
            Variable prediction = a2.matmul(p.get(2)).add(p.get(5)).relu();
            return prediction.rsub(Backpropagation.TARGET).pow(2).mul(0.5).sum();
        };
        return new Case(Kind.ORDINARY, parameters, new Object[0], network, HandDerivedGradients.PARAMETERS);
    }

    private static Exercise mul() {
        GradCheck.Fn op = xs -> xs.get(0).mul(xs.get(1));
        return new Exercise("mul", "MulBackward", "dL/da and dL/db of y = a ⊙ b", "docs/derivatives.md",
                withView(List.of(
                        plain(op, AB, randn(1, 3, 4), randn(2, 3, 4)),
                        plain(op, AB, randn(3, 2, 3, 2), randn(4, 2, 3, 2)),
                        plain(op, AB, randn(5, 5), randn(6, 5)))),
                List.of(), true);
    }

    private static Exercise div() {
        GradCheck.Fn op = xs -> xs.get(0).div(xs.get(1));
        return new Exercise("div", "DivBackward", "dL/da and dL/db of y = a / b", "docs/derivatives.md",
                withView(List.of(
                        plain(op, AB, randn(11, 3, 4), awayFromZero(12, 3, 4)),
                        plain(op, AB, randn(13, 2, 3, 2), awayFromZero(14, 2, 3, 2)),
                        plain(op, AB, randn(15, 5), awayFromZero(16, 5)))),
                List.of(), true);
    }

    private static Exercise pow() {
        List<Case> cases = new ArrayList<>();
        for (double p : new double[] {3, 0.5, -2}) {
            GradCheck.Fn op = xs -> xs.get(0).pow(p);
            Tensor x = p == 3 ? randn(20, 3, 4) : uniform(21, 0.5, 2, 2, 3);
            cases.add(new Case(Kind.ORDINARY, new Tensor[] {x}, new Object[] {p}, op, X));
        }
        return new Exercise("pow", "PowBackward", "dL/dx of y = x^p, for a constant p", "docs/derivatives.md",
                withView(cases), List.of(), true);
    }

    private static Exercise exp() {
        GradCheck.Fn op = xs -> xs.get(0).exp();
        return new Exercise("exp", "ExpBackward", "dL/dx of y = e^x", "docs/derivatives.md",
                withView(List.of(plain(op, X, randn(30, 3, 4)), plain(op, X, randn(31, 2, 3, 2)))),
                List.of(), true);
    }

    private static Exercise log() {
        GradCheck.Fn op = xs -> xs.get(0).log();
        return new Exercise("log", "LogBackward", "dL/dx of y = ln x", "docs/derivatives.md",
                withView(List.of(plain(op, X, uniform(40, 0.2, 3, 3, 4)), plain(op, X, uniform(41, 0.2, 3, 2, 3, 2)))),
                List.of(), true);
    }

    private static Exercise tanh() {
        GradCheck.Fn op = xs -> xs.get(0).tanh();
        List<Case> cases = withView(List.of(plain(op, X, randn(50, 3, 4).mul(1.5)), plain(op, X, randn(51, 2, 3, 2))));
        cases.add(extreme(op, Tensor.of(new double[][] {{-800, -40, -1, 0.5}, {3, 40, 800, -20}})));
        return new Exercise("tanh", "TanhBackward", "dL/dx of y = tanh x", "docs/derivatives.md", cases, List.of(
                new Alternative(Mistake.OUTPUT_FOR_INPUT, "your dL/dx is g ⊙ (1 − tanh²(y)): you applied tanh to the "
                        + "output y, which is already tanh x. The derivative is 1 − tanh²(x) = 1 − y².",
                        (x, y, g) -> g.mul(y.tanh().pow(2).neg().add(1))),
                new Alternative(Mistake.OUTPUT_FOR_INPUT, "your dL/dx is g ⊙ (1 − x²): you used the input x where the "
                        + "output y = tanh x belongs. The derivative is 1 − y².",
                        (x, y, g) -> g.mul(x.pow(2).neg().add(1)))),
                true);
    }

    private static Exercise sigmoid() {
        GradCheck.Fn op = xs -> xs.get(0).sigmoid();
        List<Case> cases = withView(List.of(plain(op, X, randn(60, 3, 4).mul(2)), plain(op, X, randn(61, 2, 3, 2))));
        cases.add(extreme(op, Tensor.of(new double[][] {{-800, -40, -1, 0.5}, {3, 40, 800, -20}})));
        return new Exercise("sigmoid", "SigmoidBackward", "dL/dx of y = σ(x) = 1 / (1 + e^−x)", "docs/derivatives.md",
                cases, List.of(
                new Alternative(Mistake.OUTPUT_FOR_INPUT, "your dL/dx is g ⊙ σ(y)(1 − σ(y)): you applied σ to the "
                        + "output y, which is already σ(x). The derivative is σ(x)(1 − σ(x)) = y(1 − y).",
                        (x, y, g) -> g.mul(y.sigmoid()).mul(y.sigmoid().neg().add(1))),
                new Alternative(Mistake.OUTPUT_FOR_INPUT, "your dL/dx is g ⊙ x(1 − x): you used the input x where the "
                        + "output y = σ(x) belongs. The derivative is y(1 − y).",
                        (x, y, g) -> g.mul(x).mul(x.neg().add(1)))),
                true);
    }

    private static Exercise relu() {
        GradCheck.Fn op = xs -> xs.get(0).relu();
        List<Case> cases = withView(List.of(plain(op, X, randn(70, 3, 4)), plain(op, X, randn(71, 2, 3, 2))));
        cases.add(new Case(Kind.KINK, new Tensor[] {Tensor.of(new double[][] {{-1, 0, 2, 0}, {0, -0.5, 0, 1.5}})},
                new Object[0], op, X));
        return new Exercise("relu", "ReluBackward", "dL/dx of y = max(x, 0), with gradschool's relu'(0) = 0",
                "docs/derivatives.md", cases, List.of(), true);
    }

    private static Exercise add() {
        GradCheck.Fn op = xs -> xs.get(0).add(xs.get(1));
        List<Case> cases = withView(List.of(plain(op, AB, randn(80, 3, 4), randn(81, 3, 4))));
        cases.add(new Case(Kind.BROADCAST, new Tensor[] {randn(82, 3, 4), randn(83, 4)}, new Object[0], op, AB));
        cases.add(new Case(Kind.BROADCAST, new Tensor[] {randn(84, 2, 3, 4), randn(85, 3, 1)}, new Object[0], op, AB));
        cases.add(new Case(Kind.BROADCAST, new Tensor[] {randn(86, 3, 1), randn(87, 1, 4)}, new Object[0], op, AB));
        return new Exercise("add", "AddBackward", "dL/da and dL/db of y = a + b, with broadcasting undone",
                "docs/autograd.md", cases, List.of(), true);
    }

    private static Exercise sum() {
        return reduction("sum", "SumBackward", "dL/dx of y = sum(x, axis)", 90, (x, axis, keep) -> x.sum(axis, keep));
    }

    private static Exercise mean() {
        return reduction("mean", "MeanBackward", "dL/dx of y = mean(x, axis)", 95, (x, axis, keep) -> x.mean(axis, keep));
    }

    /** A reduction along an axis of a variable, for the reference. */
    @FunctionalInterface
    private interface AxisOp {
        Variable apply(Variable x, int axis, boolean keepDims);
    }

    private static Exercise reduction(String name, String className, String title, long seed, AxisOp op) {
        Object[][] settings = {{1, false}, {0, true}, {-1, false}, {1, true}};
        int[][] shapes = {{3, 4}, {3, 4}, {2, 3, 4}, {2, 3, 4}};
        List<Case> cases = new ArrayList<>();
        for (int c = 0; c < settings.length; c++) {
            int axis = (Integer) settings[c][0];
            boolean keep = (Boolean) settings[c][1];
            cases.add(new Case(Kind.ORDINARY, new Tensor[] {randn(seed + c, shapes[c])}, settings[c],
                    xs -> op.apply(xs.get(0), axis, keep), X));
        }
        return new Exercise(name, className, title, "docs/tensors.md", withView(cases), List.of(), true);
    }

    private static Exercise matmul() {
        GradCheck.Fn op = xs -> xs.get(0).matmul(xs.get(1));
        return new Exercise("matmul", "MatMulBackward", "dL/dA and dL/dB of C = A · B (both operands)",
                "docs/backprop-by-hand.md",
                withView(List.of(
                        plain(op, List.of("A", "B"), randn(100, 2, 3), randn(101, 3, 4)),
                        plain(op, List.of("A", "B"), randn(102, 3, 3), randn(103, 3, 3)),
                        plain(op, List.of("A", "B"), randn(104, 2, 2, 3), randn(105, 2, 3, 4)))),
                List.of(), true);
    }

    private static Exercise softmax() {
        List<Case> cases = softmaxCases(110, (x, axis) -> x.softmax(axis));
        return new Exercise("softmax", "SoftmaxBackward", "dL/dx of y = softmax(x, axis)", "docs/derivatives.md",
                cases, List.of(new Alternative(Mistake.DIAGONAL_ONLY, "your dL/dx is g ⊙ y ⊙ (1 − y): that is only "
                        + "dy_i/dx_i, the diagonal of the Jacobian. Every y_j depends on x_i too "
                        + "(dy_j/dx_i = −y_j·y_i), so dL/dx = y ⊙ (g − sum(g ⊙ y, axis)).",
                        (x, y, g) -> g.mul(y).mul(y.neg().add(1)))), true);
    }

    private static Exercise logSoftmax() {
        List<Case> cases = softmaxCases(120, (x, axis) -> x.logSoftmax(axis));
        return new Exercise("log-softmax", "LogSoftmaxBackward", "dL/dx of y = x − log sum(e^x, axis)",
                "docs/derivatives.md", cases, List.of(new Alternative(Mistake.DIAGONAL_ONLY, "your dL/dx is "
                        + "g ⊙ (1 − softmax(x)): that is only dy_i/dx_i, the diagonal of the Jacobian. Every y_j "
                        + "depends on x_i (dy_j/dx_i = −softmax(x)_i), so dL/dx = g − softmax(x) ⊙ sum(g, axis).",
                        (x, y, g) -> g.mul(y.exp().neg().add(1)))), true);
    }

    /** A softmax-like op along an axis, for the reference. */
    @FunctionalInterface
    private interface SoftmaxOp {
        Variable apply(Variable x, int axis);
    }

    private static List<Case> softmaxCases(long seed, SoftmaxOp op) {
        int[] axes = {1, 0, -1};
        int[][] shapes = {{3, 4}, {3, 4}, {2, 3, 4}};
        List<Case> cases = new ArrayList<>();
        for (int c = 0; c < axes.length; c++) {
            int axis = axes[c];
            cases.add(new Case(Kind.ORDINARY, new Tensor[] {randn(seed + c, shapes[c]).mul(2)}, new Object[] {axis},
                    xs -> op.apply(xs.get(0), axis), X));
        }
        cases = withView(cases);
        Tensor large = Tensor.of(new double[][] {{1000, 1001, 1002, 999}, {-1000, -999, 0, 5}, {800, -800, 3, 2}});
        cases.add(new Case(Kind.EXTREME, new Tensor[] {large}, new Object[] {1}, xs -> op.apply(xs.get(0), 1), X));
        return cases;
    }

    private static Exercise crossEntropy() {
        List<Case> cases = new ArrayList<>();
        cases.add(crossEntropyCase(Kind.ORDINARY, randn(130, 4, 3).mul(2), new int[] {0, 2, 1, 2}));
        cases.add(crossEntropyCase(Kind.ORDINARY, randn(131, 5, 4).mul(2), new int[] {3, 0, 0, 1, 2}));
        cases = withView(cases);
        cases.add(crossEntropyCase(Kind.EXTREME, Tensor.of(new double[][] {{1000, 1001, 999}, {-800, 800, 0}}),
                new int[] {0, 0}));
        return new Exercise("cross-entropy", "CrossEntropyBackward",
                "dL/dx of the mean cross-entropy of logits x against class targets", "docs/training.md",
                cases, List.of(), true);
    }

    private static Case crossEntropyCase(Kind kind, Tensor logits, int[] targets) {
        double[] classes = Arrays.stream(targets).asDoubleStream().toArray();
        Tensor target = Tensor.of(classes);
        return new Case(kind, new Tensor[] {logits}, new Object[] {targets.clone()},
                xs -> new CrossEntropyLoss().forward(xs.get(0), target), X);
    }

    private static Exercise conv1d() {
        List<String> names = List.of("x", "w", "b");
        List<Case> cases = new ArrayList<>();
        int[][][] shapes = {{{2, 3, 7}, {4, 3, 3}, {4}}, {{2, 3, 6}, {4, 3, 3}, {4}}, {{1, 2, 5}, {3, 2, 2}, {3}}};
        int[] paddings = {0, 1, 0};
        for (int c = 0; c < shapes.length; c++) {
            int padding = paddings[c];
            cases.add(new Case(Kind.ORDINARY, new Tensor[] {randn(150 + 3 * c, shapes[c][0]),
                randn(151 + 3 * c, shapes[c][1]), randn(152 + 3 * c, shapes[c][2])}, new Object[] {padding},
                xs -> xs.get(0).conv1d(xs.get(1), xs.get(2), 1, padding, 1), names));
        }
        return new Exercise("conv1d", "Conv1dBackward", "dL/dx, dL/dw and dL/db of a 1-D convolution (stride 1, zero padding)",
                "docs/convolution.md", withView(cases), List.of(), true);
    }

    private static Exercise maxPool() {
        List<Case> cases = new ArrayList<>();
        cases.add(maxPoolCase(Kind.ORDINARY, randn(140, 2, 3, 4, 4), 2));
        cases.add(maxPoolCase(Kind.ORDINARY, randn(141, 1, 2, 6, 6), 3));
        cases.add(maxPoolCase(Kind.ORDINARY, randn(142, 2, 2, 4, 6), 2));
        cases = withView(cases);
        Tensor ties = Tensor.of(new double[][][][] {{{
            {1, 3, 0, 0},
            {3, 2, 0, -1},
            {5, 5, 2, 4},
            {5, 1, 4, 4}}}});
        Case tied = maxPoolCase(Kind.TIES, ties, 2);
        cases.add(new Case(Kind.TIES, tied.inputs(), tied.arguments(), tied.reference(), X, tiedMaxima(ties, 2)));
        return new Exercise("max-pool", "MaxPoolBackward", "dL/dx of 2-D max pooling with k × k windows (stride k)",
                "docs/convolution.md", cases, List.of(), true);
    }

    private static Case maxPoolCase(Kind kind, Tensor x, int kernel) {
        return new Case(kind, new Tensor[] {x}, new Object[] {kernel}, xs -> xs.get(0).maxPool2d(kernel), X);
    }

    /** 1 at every element that ties with another for its window's maximum, for (N, C, H, W) and k × k windows. */
    private static Tensor tiedMaxima(Tensor x, int k) {
        int[] d = x.shape().toArray();
        Tensor marks = Tensor.zeros(d);
        for (int n = 0; n < d[0]; n++) {
            for (int c = 0; c < d[1]; c++) {
                for (int i = 0; i < d[2]; i += k) {
                    for (int j = 0; j < d[3]; j += k) {
                        double max = Double.NEGATIVE_INFINITY;
                        int count = 0;
                        for (int a = 0; a < k; a++) {
                            for (int b = 0; b < k; b++) {
                                double v = x.get(n, c, i + a, j + b);
                                count = v > max ? 1 : v == max ? count + 1 : count;
                                max = Math.max(max, v);
                            }
                        }
                        for (int a = 0; a < k && count > 1; a++) {
                            for (int b = 0; b < k; b++) {
                                if (x.get(n, c, i + a, j + b) == max) {
                                    marks.setInPlace(1.0, n, c, i + a, j + b);
                                }
                            }
                        }
                    }
                }
            }
        }
        return marks;
    }

    private static Exercise batchNorm() {
        List<String> names = List.of("x", "γ", "β");
        int[][] shapes = {{4, 3}, {6, 2}, {3, 5}};
        List<Case> cases = new ArrayList<>();
        for (int c = 0; c < shapes.length; c++) {
            int channels = shapes[c][1];
            cases.add(new Case(Kind.ORDINARY, new Tensor[] {randn(160 + 3 * c, shapes[c]).mul(2).add(0.5),
                randn(161 + 3 * c, channels).add(1), randn(162 + 3 * c, channels)}, new Object[0],
                Exercises::batchNormTraining, names));
        }
        return new Exercise("batch-norm", "BatchNormBackward",
                "dL/dx, dL/dγ and dL/dβ of batch normalization over (N, C), in training mode",
                "docs/convolution.md", withView(cases), List.of(), true);
    }

    /** BatchNorm1d's training-mode forward pass (biased variance, ε = 1e-5) on x (N, C), γ (C), β (C). */
    private static Variable batchNormTraining(List<Variable> xs) {
        Variable centered = xs.get(0).sub(xs.get(0).mean(0, true));
        Variable variance = centered.mul(centered).mean(0, true);
        return centered.div(variance.add(BatchNorm.DEFAULT_EPS).sqrt()).mul(xs.get(1)).add(xs.get(2));
    }

    private static Exercise layerNorm() {
        List<String> names = List.of("x", "w", "b");
        int[][] shapes = {{4, 5}, {2, 3, 4}, {3, 6}};
        List<Case> cases = new ArrayList<>();
        for (int c = 0; c < shapes.length; c++) {
            int features = shapes[c][shapes[c].length - 1];
            cases.add(new Case(Kind.ORDINARY, new Tensor[] {randn(170 + 3 * c, shapes[c]).mul(2).add(0.5),
                randn(171 + 3 * c, features).add(1), randn(172 + 3 * c, features)}, new Object[0],
                Exercises::layerNormOverLast, names));
        }
        return new Exercise("layer-norm", "LayerNormBackward",
                "dL/dx, dL/dw and dL/db of layer normalization over the last dimension",
                "docs/convolution.md", withView(cases), List.of(), true);
    }

    /** LayerNorm's forward pass over the last dimension (biased variance, ε = 1e-5) on x (…, D), w (D), b (D). */
    private static Variable layerNormOverLast(List<Variable> xs) {
        Variable centered = xs.get(0).sub(xs.get(0).mean(-1, true));
        Variable variance = centered.mul(centered).mean(-1, true);
        return centered.div(variance.add(LAYER_NORM_EPS).sqrt()).mul(xs.get(1)).add(xs.get(2));
    }

    private static Exercise attention() {
        List<String> names = List.of("q", "k", "v");
        int[][] shapes = {{4, 4}, {2, 3, 4}, {5, 2}};
        List<Case> cases = new ArrayList<>();
        for (int c = 0; c < shapes.length; c++) {
            cases.add(new Case(Kind.ORDINARY, new Tensor[] {randn(180 + 3 * c, shapes[c]),
                randn(181 + 3 * c, shapes[c]), randn(182 + 3 * c, shapes[c])}, new Object[0],
                Exercises::causalAttention, names));
        }
        return new Exercise("attention", "AttentionBackward",
                "dL/dq, dL/dk and dL/dv of single-head causal attention softmax(mask(q·kᵀ/√hs))·v",
                "docs/derivatives.md", withView(cases), List.of(), true);
    }

    /** CausalSelfAttention's core for one head: softmax(mask(q·kᵀ/√hs))·v, on (T, hs) or (B, T, hs). */
    private static Variable causalAttention(List<Variable> xs) {
        Variable q = xs.get(0);
        int steps = q.shape().dim(-2);
        Tensor positions = Tensor.arange(steps);
        Tensor future = positions.reshape(1, steps).gt(positions.reshape(steps, 1));   // column j after row t
        return q.matmul(xs.get(1).transpose(-1, -2)).mul(1 / Math.sqrt(q.shape().dim(-1)))
                .maskedFill(future, Double.NEGATIVE_INFINITY).softmax(-1).matmul(xs.get(2));
    }

    // ---------------------------------------------------------------- building cases

    private static Case plain(GradCheck.Fn op, List<String> names, Tensor... inputs) {
        return new Case(Kind.ORDINARY, inputs, new Object[0], op, names);
    }

    private static Case extreme(GradCheck.Fn op, Tensor x) {
        return new Case(Kind.EXTREME, new Tensor[] {x}, new Object[0], op, X);
    }

    /** The cases, then the first one again with every input held in a non-contiguous view. */
    private static List<Case> withView(List<Case> cases) {
        List<Case> result = new ArrayList<>(cases);
        Case first = cases.get(0);
        Tensor[] views = new Tensor[first.inputs().length];
        for (int i = 0; i < views.length; i++) {
            views[i] = nonContiguous(first.inputs()[i]);
        }
        result.add(new Case(Kind.VIEW, views, first.arguments(), first.reference(), first.inputNames()));
        return result;
    }

    /**
     * Returns a non-contiguous view holding the same values: every other element of a larger
     * storage along the last axis, the gaps filled with a large number (so code that reads the
     * storage as if it were contiguous gets visibly wrong values).
     *
     * @param values the values, of rank at least 1
     * @return a view with the same shape and elements, not contiguous
     */
    static Tensor nonContiguous(Tensor values) {
        int[] dims = values.shape().toArray();
        int[] storage = dims.clone();
        storage[storage.length - 1] *= 2;
        Tensor view = Tensor.full(Shape.of(storage), 1.0e6).slice(-1, 0, storage[storage.length - 1], 2);
        view.copyFrom(values.toDoubleArray());
        return view;
    }

    private static Tensor randn(long seed, int... dims) {
        return Tensor.randn(Shape.of(dims), seed);
    }

    private static Tensor uniform(long seed, double low, double high, int... dims) {
        return Tensor.uniform(Shape.of(dims), low, high, seed);
    }

    /** Values in ±[0.5, 2], for a divisor. */
    private static Tensor awayFromZero(long seed, int... dims) {
        return uniform(seed, 0.5, 2, dims).mul(randn(seed + 1000, dims).sign());
    }

    /** The arguments of a student's constructor, as text: {@code (1, false)}. */
    static String describeArguments(Object[] arguments) {
        List<String> parts = new ArrayList<>();
        for (Object argument : arguments) {
            parts.add(argument instanceof int[] ints ? "new int[] " + Arrays.toString(ints).replace('[', '{')
                    .replace(']', '}') : argument instanceof Double d ? String.format(Locale.ROOT, "%s", d)
                    : String.valueOf(argument));
        }
        return "(" + String.join(", ", parts) + ")";
    }
}
