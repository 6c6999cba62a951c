package gradschool.examples.autograd;

import gradschool.autograd.GraphExport;
import gradschool.autograd.Variable;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * micrograd's own example expression, built with gradschool's {@link Variable}s: its value, every
 * gradient, and the graph drawn as a text tree and as a Graphviz picture.
 *
 * <pre>
 * x = -4
 * z = 2x + 2 + x        = -10
 * q = relu(z) + z·x     =  40
 * h = relu(z·z)         = 100
 * y = h + q + q·x       = -20        dy/dx = 46
 * </pre>
 *
 * <p>The same numbers as micrograd's README ({@code y.data = -20}, {@code x.grad = 46}). The
 * intermediate variables call {@link Variable#retainGrad()} so that the tree shows their gradients
 * too; normally only leaves keep one.
 */
public final class Micrograd implements Lesson {

    /** The file the DOT drawing is written to, under the output folder. */
    public static final String DOT_FILE = "micrograd.dot";
    /** The picture rendered from it when Graphviz is installed. */
    public static final String PNG_FILE = "micrograd.png";

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new Micrograd());
    }

    @Override
    public String name() {
        return "micrograd";
    }

    @Override
    public String description() {
        return "Autograd 1: micrograd's expression, its gradients, and its graph as text and as a picture";
    }

    /** The expression's variables, so that a test or a debugger can look at each one. */
    record Expression(Variable x, Variable z, Variable q, Variable h, Variable y) {
    }

    /** Builds micrograd's expression at x = -4 (the forward pass only). */
    static Expression build() {
        Variable x = Variable.requiringGrad(-4.0).named("x");
        Variable z = x.mul(2).add(2).add(x).named("z").retainGrad();        // z = 2x + 2 + x
        Variable q = z.relu().add(z.mul(x)).named("q").retainGrad();        // q = relu(z) + z·x
        Variable h = z.mul(z).relu().named("h").retainGrad();               // h = relu(z·z)
        Variable y = h.add(q).add(q.mul(x)).named("y");                      // y = h + q + q·x
        return new Expression(x, z, q, h, y);
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        Expression e = build();
        out.println("Forward pass (each op records a Function and its inputs):");
        out.println("  x = " + e.x().item());
        out.println("  z = 2x + 2 + x    = " + e.z().item());
        out.println("  q = relu(z) + z*x = " + e.q().item());
        out.println("  h = relu(z*z)     = " + e.h().item());
        out.println("  y = h + q + q*x   = " + e.y().item());
        out.println("Hover over y in a debugger and you see: " + e.y());

        e.y().backward();
        out.println();
        out.println("Backward pass (y.backward()):");
        out.println("  dy/dh = " + e.h().grad().item());
        out.println("  dy/dq = " + e.q().grad().item() + "   (= 1 + x)");
        out.println("  dy/dz = " + e.z().grad().item() + "   (through h: 1·2z = -20; through q: (1 + x)·(relu'(z) + x) = 12)");
        out.println("  dy/dx = " + e.x().grad().item() + "   (micrograd's README says 46 too)");

        out.println();
        out.println("The graph, output at the top, each node's inputs below it in argument order:");
        out.print(GraphExport.toText(e.y()));

        out.println();
        Path dot = context.output(DOT_FILE);
        GraphExport.writeDot(e.y(), dot);
        out.println("Wrote the graph in Graphviz's DOT language to " + dot);
        Path png = context.output(PNG_FILE);
        if (GraphExport.renderPng(e.y(), png)) {
            out.println("Graphviz is installed: drew it as " + png);
        } else {
            out.println("Graphviz is not installed; to draw the picture, install it and run:");
            out.println("  dot -Tpng " + dot + " -o " + png);
        }
    }
}
