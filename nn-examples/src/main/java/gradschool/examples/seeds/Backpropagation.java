package gradschool.examples.seeds;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed lesson 8: the second notebook's 3-layer network, its backward pass derived by hand, the same
 * gradients from autograd, and gradient descent.
 *
 * <p>The network (inputs as a row, as in the notebook): {@code A1 = relu(xᵀ·W1 + b1ᵀ)},
 * {@code A2 = relu(A1·W2 + b2ᵀ)}, {@code p = relu(A2·W3 + b3)}, loss {@code L = ½(a − p)²} with
 * target {@code a = 1}. Forward: {@code [3.99 3.29 2.59] → [5.4552 6.4972] → 7.188}; error
 * {@code a − p = -6.188368}.
 *
 * <p>The notebook's hand-derived rules, which this lesson evaluates with plain tensors:
 * <pre>
 * dL/dp  = (p − a)·relu'(Z3)                dL/dW3 = A2ᵀ · dL/dp        dL/db3 = sum(dL/dp)
 * dL/dZ2 = (dL/dp · W3ᵀ) ⊙ relu'(Z2)        dL/dW2 = A1ᵀ · dL/dZ2       dL/db2 = sum(dL/dZ2)
 * dL/dZ1 = (dL/dZ2 · W2ᵀ) ⊙ relu'(Z1)       dL/dW1 = x · dL/dZ1         dL/db1 = sum(dL/dZ1)
 * </pre>
 */
public final class Backpropagation implements Lesson {

    /** The learning rate of the gradient-descent part. */
    public static final double LEARNING_RATE = 0.01;
    /** How many gradient-descent steps to take. */
    public static final int STEPS = 40;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new Backpropagation());
    }

    @Override
    public String name() {
        return "backpropagation";
    }

    @Override
    public String description() {
        return "Seed 8: backprop by hand, the same gradients by autograd, then gradient descent";
    }

    private static Tensor column(double... values) {
        return Tensor.of(values).unsqueeze(1);
    }

    /**
     * Returns the notebook's weights and biases, built as it builds them (a new copy each call).
     *
     * @return W1, W2, W3, b1, b2, b3, in that order
     */
    public static Map<String, Tensor> initialParameters() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("W1", Tensor.hstack(column(.3, .34, .67), column(.2, .23, .21), column(.4, .43, .11)));  // (3, 3)
        p.put("W2", Tensor.hstack(column(.3, .34, .44), column(.2, .23, .75)));                      // (3, 2)
        p.put("W3", column(.33, .66));                                                              // (2, 1)
        p.put("b1", column(1, 2, 1));                                                               // (3, 1)
        p.put("b2", column(2, 3));                                                                  // (2, 1)
        p.put("b3", Tensor.of(new double[] {1.1}));                                                 // (1,)
        return p;
    }

    /**
     * Returns the input column x = [[1], [2], [3]].
     *
     * @return a (3, 1) tensor
     */
    public static Tensor input() {
        return column(1, 2, 3);
    }

    /** The target a. */
    public static final double TARGET = 1.0;

    /** The forward pass on variables, so autograd can go backward through it. */
    static Variable[] forward(Variable x, Map<String, Variable> p) {
        Variable a1 = x.transpose().matmul(p.get("W1")).add(p.get("b1").transpose()).relu();   // (1, 3)
        Variable a2 = a1.matmul(p.get("W2")).add(p.get("b2").transpose()).relu();              // (1, 2)
        Variable prediction = a2.matmul(p.get("W3")).add(p.get("b3")).relu();                  // (1, 1)
        Variable loss = prediction.rsub(TARGET).pow(2).mul(0.5).sum();                        // ½(a − p)²
        return new Variable[] {a1, a2, prediction, loss};
    }

    /** The notebook's hand-derived gradients, evaluated with plain tensors. */
    static Map<String, Tensor> handGradients(Map<String, Tensor> p) {
        Tensor x = input();
        Tensor z1 = x.transpose().matmul(p.get("W1")).add(p.get("b1").transpose());
        Tensor a1 = z1.relu();
        Tensor z2 = a1.matmul(p.get("W2")).add(p.get("b2").transpose());
        Tensor a2 = z2.relu();
        Tensor z3 = a2.matmul(p.get("W3")).add(p.get("b3"));
        Tensor prediction = z3.relu();

        Tensor dLdp = prediction.sub(TARGET).mul(z3.gt(0.0));               // (p − a)·relu'(Z3)
        Tensor dLdZ2 = dLdp.matmul(p.get("W3").transpose()).mul(z2.gt(0.0)); // (dL/dp · W3ᵀ) ⊙ relu'(Z2)
        Tensor dLdZ1 = dLdZ2.matmul(p.get("W2").transpose()).mul(z1.gt(0.0));
        Map<String, Tensor> g = new LinkedHashMap<>();
        g.put("W1", x.matmul(dLdZ1));                  // x · dL/dZ1      (3, 3)
        g.put("W2", a1.transpose().matmul(dLdZ2));     // A1ᵀ · dL/dZ2    (3, 2)
        g.put("W3", a2.transpose().matmul(dLdp));      // A2ᵀ · dL/dp     (2, 1)
        g.put("b1", dLdZ1.transpose());                // sum over the batch of one, as a column
        g.put("b2", dLdZ2.transpose());
        g.put("b3", dLdp.sum(0, false));
        return g;
    }

    @Override
    public void run(LessonContext context) {
        PrintStream out = context.out();
        Map<String, Tensor> initial = initialParameters();
        Map<String, Variable> parameters = new LinkedHashMap<>();
        initial.forEach((name, value) -> parameters.put(name, Variable.requiringGrad(value.copy()).named(name)));
        Variable x = Variable.of(input()).named("x");

        out.println("================== Forward Pass ==================");
        Variable[] forward = forward(x, parameters);
        out.println("1st Layer output:");
        out.println(forward[0].value());
        out.println("2nd Layer output:");
        out.println(forward[1].value());
        out.println("Final Layer output:");
        out.println(forward[2].value().squeeze().round(3));
        out.println("Error (Actual - Predicted): " + forward[2].value().neg().add(TARGET));

        out.println("================== Backward Pass ==================");
        Map<String, Tensor> byHand = handGradients(initial);
        forward[3].backward();
        boolean allEqual = true;
        for (String name : byHand.keySet()) {
            Tensor hand = byHand.get(name);
            Tensor auto = parameters.get(name).grad();
            boolean equal = hand.allClose(auto, 0, 1e-12);
            allEqual &= equal;
            out.println("dL/d" + name + " by hand:");
            out.println(hand);
            out.println("dL/d" + name + " by autograd:" + (equal ? "  (equal)" : "  (DIFFERENT)"));
            out.println(auto);
        }
        out.println(allEqual ? "Every gradient from autograd equals the hand-derived one."
                : "Some gradients differ!");

        out.println("================== Gradient Descent ==================");
        out.println("w = w - lr · dL/dw, lr = " + LEARNING_RATE);
        for (int step = 1; step <= STEPS; step++) {
            parameters.values().forEach(Variable::zeroGrad);
            Variable[] pass = forward(x, parameters);
            pass[3].backward();
            for (Variable p : parameters.values()) {
                p.value().addScaledInPlace(-LEARNING_RATE, p.grad());
            }
            if (step == 1 || step % 5 == 0) {
                out.printf("step %2d: prediction %.6f, loss %.6f%n", step, pass[2].item(), pass[3].item());
            }
        }
        Variable[] last = forward(x, parameters);
        out.printf("after %d steps: prediction %.6f (target %.1f), loss %.3e%n", STEPS, last[2].item(), TARGET,
                last[3].item());
    }
}
