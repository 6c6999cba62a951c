package gradschool.examples.autograd;

import gradschool.autograd.GraphExport;
import gradschool.autograd.Variable;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * micrograd's two example expressions, built with gradschool's {@link Variable}s: their values, every
 * gradient, and the first one's graph drawn as a text tree and as a Graphviz picture.
 *
 * <p>The first is the expression of {@code test_sanity_check} in micrograd's {@code test/test_engine.py}
 * (which checks micrograd against PyTorch on it):
 * <pre>
 * x = -4
 * z = 2x + 2 + x        = -10
 * q = relu(z) + z·x     =  40
 * h = relu(z·z)         = 100
 * y = h + q + q·x       = -20        dy/dx = 46
 * </pre>
 * The intermediate variables call {@link Variable#retainGrad()} so that the tree shows their
 * gradients too; normally only leaves keep one.
 *
 * <p>The second is the example in micrograd's {@code README.md} (also {@code test_more_ops}), written
 * there with Python's {@code +=}, which makes a new value each time, as {@code c = c + …} does here:
 * <pre>
 * a = -4, b = 2
 * c = a + b;  d = a·b + b³
 * c = c + (c + 1);  c = c + (1 + c − a)
 * d = d + (2d + relu(b + a));  d = d + (3d + relu(b − a))
 * e = c − d;  f = e²;  g = f / 2 + 10 / f    = 24.7041    dg/da = 138.8338    dg/db = 645.5773
 * </pre>
 * The README prints these three numbers to 4 decimals, and so does this lesson.
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

    /** The README example's inputs and result. */
    record ReadmeExample(Variable a, Variable b, Variable g) {
    }

    /** Builds micrograd's README example at a = -4, b = 2 (the forward pass only). */
    static ReadmeExample buildReadmeExample() {
        Variable a = Variable.requiringGrad(-4.0).named("a");
        Variable b = Variable.requiringGrad(2.0).named("b");
        Variable c = a.add(b);                                   // c = a + b
        Variable d = a.mul(b).add(b.pow(3));                     // d = a * b + b**3
        c = c.add(c.add(1));                                     // c += c + 1
        c = c.add(c.add(1).sub(a));                              // c += 1 + c + (-a)
        d = d.add(d.mul(2).add(b.add(a).relu()));                // d += d * 2 + (b + a).relu()
        d = d.add(d.mul(3).add(b.sub(a).relu()));                // d += 3 * d + (b - a).relu()
        Variable e = c.sub(d);                                   // e = c - d
        Variable f = e.pow(2);                                   // f = e**2
        Variable g = f.div(2.0);                                 // g = f / 2.0
        g = g.add(f.rdiv(10.0)).named("g");                      // g += 10.0 / f
        return new ReadmeExample(a, b, g);
    }

    /** Builds the test_engine.py expression at x = -4 (the forward pass only). */
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
        out.println("  dy/dx = " + e.x().grad().item() + "   (micrograd gets 46 too: test_engine.py checks it against PyTorch)");

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

        out.println();
        out.println("A second case, the example in micrograd's README (a = -4, b = 2):");
        ReadmeExample readme = buildReadmeExample();
        out.println(String.format(Locale.ROOT, "  g     = %.4f   (the README: 24.7041)", readme.g().item()));
        readme.g().backward();
        out.println(String.format(Locale.ROOT, "  dg/da = %.4f   (the README: 138.8338)", readme.a().grad().item()));
        out.println(String.format(Locale.ROOT, "  dg/db = %.4f   (the README: 645.5773)", readme.b().grad().item()));
    }
}
