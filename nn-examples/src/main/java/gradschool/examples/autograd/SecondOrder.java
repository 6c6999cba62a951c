package gradschool.examples.autograd;

import gradschool.autograd.Autograd;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;
import java.util.List;

/**
 * Gradients of gradients: {@code d²(x³)/dx² = 6x}, Newton's method on a 1-D function, and a
 * Hessian-vector product checked against finite differences.
 *
 * <p>All three rest on one switch: {@code Autograd.grad(output, inputs, true)} ({@code createGraph})
 * records the backward pass itself, so the gradient it returns is a {@link Variable} with a history,
 * which can be differentiated again.
 */
public final class SecondOrder implements Lesson {

    /** Newton's method stops when a step is smaller than this. */
    public static final double NEWTON_TOLERANCE = 1e-12;
    /** Newton's method gives up after this many steps. */
    public static final int NEWTON_MAX_STEPS = 20;
    /** Where Newton's method starts. */
    public static final double NEWTON_START = 2.0;
    /** The finite-difference step for checking the Hessian-vector product. */
    public static final double EPSILON = 1e-5;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new SecondOrder());
    }

    @Override
    public String name() {
        return "second-order";
    }

    @Override
    public String description() {
        return "Autograd 4: gradients of gradients — d²(x³)/dx², Newton's method, Hessian-vector products";
    }

    /** {@code f(x) = x⁴ − 3x² + x}, the function Newton's method minimises. */
    static Variable f(Variable x) {
        return x.pow(4).sub(x.pow(2).mul(3)).add(x);
    }

    /** The loss whose Hessian-vector product is taken: {@code L(w) = mean((tanh(X·w) − t)²)}. */
    static Variable loss(Variable w) {
        Tensor inputs = Tensor.of(new double[][] {{1, 2, 3}, {2, 5, -1}, {-1.5, 2.7, 3.3}, {0.5, -0.2, 1.0}});
        Tensor targets = Tensor.of(new double[] {1, -1, 0.5, 0});
        return Variable.of(inputs).matmul(w).tanh().sub(Variable.of(targets)).pow(2).mean();
    }

    /** The gradient of {@link #loss} at {@code w}, as a plain tensor. */
    static Tensor lossGradient(Tensor w) {
        Variable leaf = Variable.requiringGrad(w);
        return Autograd.grad(loss(leaf), List.of(leaf), false).get(0).value();
    }

    /** The point {@code w} of the Hessian-vector product. */
    static Tensor hvpPoint() {
        return Tensor.of(new double[] {0.1, -0.2, 0.3});
    }

    /** The direction {@code v} of the Hessian-vector product. */
    static Tensor hvpDirection() {
        return Tensor.of(new double[] {1.0, 0.5, -1.0});
    }

    /** {@code H·v} by autograd: the gradient of {@code (∇L · v)}, which needs the first gradient's graph. */
    static Tensor hessianVectorProduct(Tensor w, Tensor v) {
        Variable leaf = Variable.requiringGrad(w).named("w");
        Variable gradient = Autograd.grad(loss(leaf), List.of(leaf), true).get(0);      // ∇L, with a history
        Variable gradientDotV = gradient.mul(Variable.of(v)).sum();                     // ∇L · v, a scalar
        return Autograd.grad(gradientDotV, List.of(leaf), false).get(0).value();        // d(∇L · v)/dw = H·v
    }

    /** {@code H·v} by central differences of the gradient: {@code (∇L(w + εv) − ∇L(w − εv)) / 2ε}. */
    static Tensor finiteDifferenceHvp(Tensor w, Tensor v) {
        Tensor plus = lossGradient(w.add(v.mul(EPSILON)));
        Tensor minus = lossGradient(w.sub(v.mul(EPSILON)));
        return plus.sub(minus).div(2 * EPSILON);
    }

    @Override
    public void run(LessonContext context) {
        PrintStream out = context.out();

        out.println("1. d²(x³)/dx² = 6x: differentiate once with createGraph = true, then differentiate the result");
        for (double at : new double[] {-1.0, 0.5, 2.0, 3.0}) {
            Variable x = Variable.requiringGrad(at).named("x");
            Variable y = x.pow(3);
            Variable dydx = Autograd.grad(y, List.of(x), true).get(0);        // 3x², itself a graph
            Variable d2ydx2 = Autograd.grad(dydx, List.of(x), false).get(0);  // 6x
            out.printf("   x = %4.1f   dy/dx = %6.2f (3x² = %6.2f)   d²y/dx² = %5.1f (6x = %5.1f)%n",
                    at, dydx.item(), 3 * at * at, d2ydx2.item(), 6 * at);
        }
        out.println();

        out.println("2. Newton's method on f(x) = x⁴ − 3x² + x: x ← x − f'(x) / f''(x), both by autograd");
        double x = NEWTON_START;
        out.printf("   step  %-20s %-22s %-22s %s%n", "x", "f(x)", "f'(x)", "f''(x)");
        for (int step = 0; step <= NEWTON_MAX_STEPS; step++) {
            Variable at = Variable.requiringGrad(x).named("x");
            Variable value = f(at);
            Variable first = Autograd.grad(value, List.of(at), true).get(0);     // f'(x) = 4x³ − 6x + 1
            Variable second = Autograd.grad(first, List.of(at), false).get(0);   // f''(x) = 12x² − 6
            out.printf("   %4d  %-20.16f %-22.16f %-22.15e %.12f%n", step, x, value.item(), first.item(), second.item());
            double newtonStep = first.item() / second.item();
            if (Math.abs(newtonStep) < NEWTON_TOLERANCE || step == NEWTON_MAX_STEPS) {
                out.printf("   stopped after %d Newton steps: the next step would be %.1e; f'(x) ≈ 0 and f''(x) > 0,"
                        + " a local minimum%n", step, Math.abs(newtonStep));
                out.println("   (near the answer the error is squared at each step: f'(x) went 1e-1, 1e-3, 1e-7, 1e-13)");
                break;
            }
            x -= newtonStep;
        }
        out.println();

        out.println("3. A Hessian-vector product H·v of L(w) = mean((tanh(X·w) − t)²), without building H");
        Tensor w = hvpPoint();
        Tensor v = hvpDirection();
        Tensor byAutograd = hessianVectorProduct(w, v);
        Tensor byDifferences = finiteDifferenceHvp(w, v);
        out.println("   w = " + w + ", v = " + v);
        out.println("   H·v by autograd (gradient of ∇L·v):          " + byAutograd);
        out.println("   H·v by central differences of the gradient: " + byDifferences);
        double largest = byAutograd.sub(byDifferences).abs().max().item();
        out.printf("   largest difference: %.1e (ε = %.0e)%n", largest, EPSILON);
    }
}
