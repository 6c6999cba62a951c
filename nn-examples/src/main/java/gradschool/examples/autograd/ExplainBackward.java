package gradschool.examples.autograd;

import gradschool.autograd.Autograd;
import gradschool.autograd.ExplainingListener;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;

/**
 * A small two-layer network whose backward pass is told step by step, in the words of the seed
 * notebook's hand derivation, by an {@link ExplainingListener}.
 *
 * <p>The network takes the seed notebook's input and first layer and adds one output neuron:
 * <pre>
 * Z1 = x · W1 + b1        x = [[1 2 3]], W1 and b1 as in the notebook   → [[3.99 3.29 2.59]]
 * A1 = relu(Z1)
 * Z2 = A1 · W2 + b2       W2 = [[0.3] [0.34] [0.44]], b2 = [2.0] (the notebook's first layer-2 neuron)
 * e  = a − Z2             the error, for the target a = 1
 * L  = sum(½ e²)
 * </pre>
 *
 * <p>Every variable is {@link Variable#named named}, so the listener writes
 * {@code dL/d(W2) = A1ᵀ · dL/d(A1·W2)} rather than {@code dL/d(leaf(3, 1))}.
 */
public final class ExplainBackward implements Lesson {

    /** The target output {@code a}. */
    public static final double TARGET = 1.0;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new ExplainBackward());
    }

    @Override
    public String name() {
        return "explain-backward";
    }

    @Override
    public String description() {
        return "Autograd 2: a 2-layer network's backward pass told step by step in the notebook's words";
    }

    private static Tensor column(double... values) {
        return Tensor.of(values).unsqueeze(1);
    }

    /** The network's variables. */
    record Network(Variable x, Variable w1, Variable b1, Variable w2, Variable b2,
                   Variable z1, Variable a1, Variable z2, Variable loss) {
    }

    /** Builds the parameters and runs the forward pass. */
    static Network forward() {
        Variable x = Variable.of(Tensor.of(new double[][] {{1, 2, 3}})).named("x");                  // (1, 3)
        Variable w1 = Variable.requiringGrad(
                Tensor.hstack(column(.3, .34, .67), column(.2, .23, .21), column(.4, .43, .11))).named("W1"); // (3, 3)
        Variable b1 = Variable.requiringGrad(Tensor.of(new double[][] {{1, 2, 1}})).named("b1");        // (1, 3)
        Variable w2 = Variable.requiringGrad(column(.3, .34, .44)).named("W2");                        // (3, 1)
        Variable b2 = Variable.requiringGrad(Tensor.of(new double[] {2.0})).named("b2");               // (1,)

        Variable z1 = x.matmul(w1).named("x·W1").add(b1).named("Z1");
        Variable a1 = z1.relu().named("A1");
        Variable z2 = a1.matmul(w2).named("A1·W2").add(b2).named("Z2");
        Variable error = z2.rsub(TARGET).named("e");                                   // e = a − Z2
        Variable loss = error.pow(2).named("e²").mul(0.5).named("½e²").sum().named("L"); // L = sum(½ e²)
        return new Network(x, w1, b1, w2, b2, z1, a1, z2, loss);
    }

    @Override
    public void run(LessonContext context) {
        PrintStream out = context.out();
        Network net = forward();
        out.println("Forward pass:");
        out.println("  Z1 = x·W1 + b1  = " + net.z1().value());
        out.println("  A1 = relu(Z1)   = " + net.a1().value());
        out.println("  Z2 = A1·W2 + b2 = " + net.z2().value());
        out.println("  e  = a − Z2     = " + net.z2().value().neg().add(TARGET) + "   (target a = " + TARGET + ")");
        out.println("  L  = sum(½e²)   = " + net.loss().item());
        out.println();
        out.println("Backward pass, as the ExplainingListener tells it (the op nearest the loss first):");
        try (Autograd.ListenerScope explaining = Autograd.listen(new ExplainingListener(out))) {
            net.loss().backward();
        }
        out.println();
        out.println("What the weights received (each leaf keeps its .grad, with its own shape):");
        out.println("dL/dW1 =");
        out.println(net.w1().grad());
        out.println("dL/db1 = " + net.b1().grad());
        out.println("dL/dW2 =");
        out.println(net.w2().grad());
        out.println("dL/db2 = " + net.b2().grad());
    }
}
