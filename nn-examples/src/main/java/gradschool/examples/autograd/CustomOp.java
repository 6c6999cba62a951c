package gradschool.examples.autograd;

import gradschool.autograd.CreationSite;
import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;
import java.util.List;

/**
 * Writing your own op: a {@link Function} subclass with a forward rule and a backward rule, checked
 * against finite differences with {@link GradCheck} — and a deliberately wrong version that the check
 * catches and names.
 *
 * <p>The op is {@code y = x³}, with {@code dy/dx = 3x²}. {@link Cube} gets it right;
 * {@link CubeWithABug} forgets the 3, the kind of slip that still trains (badly) and is hard to spot
 * by reading the loss curve.
 */
public final class CustomOp implements Lesson {

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new CustomOp());
    }

    @Override
    public String name() {
        return "custom-op";
    }

    @Override
    public String description() {
        return "Autograd 3: write your own op (x³), check it with GradCheck, and catch a wrong backward rule";
    }

    /**
     * Cube, element-wise: {@code y = x³}.
     *
     * <p>Derivative: {@code dy/dx = 3x²}, so {@code dL/dx = g·3x²}. Saves nothing beyond its input
     * ({@link #input(int)} gives it back). Shape: unchanged.
     */
    public static final class Cube extends Function {

        /** Makes the op; a new instance is needed for every use. */
        public Cube() {
        }

        @Override
        protected Tensor forward(Tensor... inputs) {
            Tensor x = inputs[0];
            return x.mul(x).mul(x);                        // y = x³, on plain tensors
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Variable x = input(0);
            return grads(gradOutput.mul(x.mul(x)).mul(3.0)); // dL/dx = g·3x², with Variable ops
        }

        @Override
        public DerivativeRule derivativeRule() {
            return DerivativeRule.unary("y = x³", "g ⊙ 3·x²");
        }
    }

    /**
     * A wrong cube: the forward rule is right ({@code y = x³}) but the backward rule forgets the factor
     * 3 and returns {@code g·x²}. It exists to be caught by {@link GradCheck}.
     */
    public static final class CubeWithABug extends Function {

        /** Makes the op; a new instance is needed for every use. */
        public CubeWithABug() {
        }

        @Override
        protected Tensor forward(Tensor... inputs) {
            Tensor x = inputs[0];
            return x.mul(x).mul(x);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Variable x = input(0);
            return grads(gradOutput.mul(x.mul(x)));           // BUG: should be g·3x²
        }
    }

    /** The point the checks run at. */
    static Tensor point() {
        return Tensor.of(new double[] {-1.5, 0.5, 2.0});
    }

    /** {@code Cube(x)}, as a function for {@link GradCheck}. */
    static Variable cube(List<Variable> inputs) {
        return new Cube().apply(inputs.get(0));
    }

    /** {@code CubeWithABug(x)}, as a function for {@link GradCheck}. */
    static Variable wrongCube(List<Variable> inputs) {
        return new CubeWithABug().apply(inputs.get(0));
    }

    @Override
    public void run(LessonContext context) {
        PrintStream out = context.out();
        Variable x = Variable.requiringGrad(point()).named("x");
        Variable y = new Cube().apply(x).named("y");
        out.println("x      = " + x.value());
        out.println("Cube:  y = x³ = " + y.value());
        y.sum().backward();
        out.println("dΣy/dx = 3x²  = " + x.grad());
        out.println();

        out.println("1. Check the backward rule against central differences (f(x + ε) − f(x − ε)) / 2ε:");
        GradCheck.Report first = GradCheck.check(CustomOp::cube, point());
        out.println("   " + first);
        out.println("   Cube's backward is written with Variable ops, so it can be differentiated again:");
        GradCheck.Report second = GradCheck.checkSecondOrder(CustomOp::cube, point());
        out.println("   " + second);
        out.println();

        out.println("2. The same check on CubeWithABug, whose backward returns g·x² instead of g·3x²:");
        GradCheck.Report wrong = GradCheck.check(CustomOp::wrongCube, point());
        out.println("   " + wrong);
        out.println("   (the analytic value is a third of the numeric one: the missing factor 3)");
        out.println();

        out.println("3. Inside a bigger computation, checkEachOp checks every op on its own and names the wrong one:");
        Variable w = Variable.requiringGrad(Tensor.of(new double[] {0.2, -0.4, 0.1})).named("w");
        Variable input = Variable.requiringGrad(point()).named("x");
        try (CreationSite.Recording sites = CreationSite.recording()) { // each op records the line that applied it
            Variable loss = new CubeWithABug().apply(input).mul(w).tanh().sum().named("loss");
            out.println("   loss = sum(tanh(CubeWithABug(x) ⊙ w)) = " + loss.item());
            GradCheck.Report eachOp = GradCheck.defaults().checkEachOp(loss);
            out.println("   " + eachOp);
        }
    }
}
