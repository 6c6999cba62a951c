package gradschool.autograd;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.List;

/**
 * One differentiable operation: a forward rule on tensors and a backward rule on variables.
 *
 * <p>Every op in gradschool — {@code Add}, {@code MatMul}, {@code ReLU}, … in
 * {@code gradschool.autograd.functions} — is a small subclass. A new instance is made each time the
 * op is applied, so it can keep what its backward rule needs (like PyTorch's {@code ctx}).
 *
 * <pre>{@code
 * // y = x³, written as a custom op (see docs/custom-ops.md):
 * public final class Cube extends Function {
 *     protected Tensor forward(Tensor... x) { return x[0].pow(3); }
 *     protected Variable[] backward(Variable gradOutput) {
 *         Variable x = input(0);
 *         return grads(gradOutput.mul(x.mul(x)).mul(3));  // dy/dx = 3x²
 *     }
 * }
 * Variable y = new Cube().apply(x);
 * }</pre>
 *
 * <h2>The contract</h2>
 * <ul>
 *   <li>{@link #forward} computes the result from the input values. It may keep tensors in fields
 *       for the backward rule.</li>
 *   <li>{@link #backward} receives {@code dL/d(output)} and returns {@code dL/d(input_i)} for every
 *       input, in argument order ({@code null} for an input that needs no gradient). It is written
 *       with {@link Variable} operations, so that when a caller asks for {@code createGraph} the
 *       backward pass is itself recorded and can be differentiated again.</li>
 *   <li>A gradient may have the broadcast shape of the output: the engine sums it back to the
 *       input's shape ({@link Variable#sumToShape}). This is the one place where broadcasting is
 *       undone; ops do not each do it.</li>
 * </ul>
 */
public abstract class Function {

    private Variable[] inputs; // this application's operands, in argument order (null until applied)
    private Variable output;

    /**
     * Makes an op that has not been applied yet; subclasses take their parameters (an axis, an
     * exponent) in their own constructors.
     */
    protected Function() {
    }

    /**
     * Applies this op to its inputs: runs {@link #forward} and, when gradients are being recorded,
     * returns a result that remembers this function and its inputs.
     *
     * <p>Recording happens when {@link GradMode} is on and at least one input requires a gradient;
     * otherwise the result is a plain value with no history.
     *
     * @param inputs the operands, in the order {@link #backward} returns their gradients
     * @return the result
     * @throws IllegalStateException if this instance was already applied (make a new one per use)
     * @throws IllegalArgumentException if an input is null, or if {@link #forward} rejects the inputs
     *     (shapes that do not fit): then the message ends with the line of the caller's code that
     *     applied the op, e.g. {@code (in MatMul, applied at Lesson.main(Lesson.java:12))}
     */
    public final Variable apply(Variable... inputs) {
        if (this.inputs != null) {
            throw new IllegalStateException(name() + ": a Function instance can be applied only once; "
                    + "create a new instance for each use");
        }
        Tensor[] values = new Tensor[inputs.length];
        boolean anyRequiresGrad = false;
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                throw new IllegalArgumentException(name() + ": input " + i + " of " + inputs.length
                        + " is null; every input must be a Variable");
            }
            values[i] = inputs[i].value();
            anyRequiresGrad |= inputs[i].requiresGrad();
        }
        boolean record = anyRequiresGrad && GradMode.isEnabled();
        this.inputs = record ? inputs.clone() : inputs; // a graph keeps its own copy: the caller may reuse its array
        Tensor result = forwardNamingTheCaller(values);
        if (AnomalyMode.isEnabled()) {
            AnomalyMode.checkForward(this, result);
        }
        if (!record) {
            return new Variable(result, null, false);
        }
        output = new Variable(result, this, true);
        return output;
    }

    /**
     * Runs {@link #forward}; if it rejects its inputs (a shape mismatch, say), rethrows the error with
     * the line of the user's code that applied this op, found on the stack now (no creation site needs
     * to have been recorded). The original error is the cause.
     */
    private Tensor forwardNamingTheCaller(Tensor[] values) {
        try {
            return forward(values);
        } catch (IllegalArgumentException e) {
            CreationSite caller = CreationSite.ofCaller();
            if (caller == null) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage() + " (in " + name() + ", applied at " + caller + ")", e);
        }
    }

    /**
     * Computes the op's value from the input values (no gradients here).
     *
     * @param inputs the input values, in argument order
     * @return the result
     */
    protected abstract Tensor forward(Tensor... inputs);

    /**
     * Returns the gradient of the loss with respect to each input, given the gradient with respect
     * to the output (the chain rule: {@code dL/dx = dL/dy · dy/dx}).
     *
     * @param gradOutput {@code dL/d(output)}, with the output's shape
     * @return one gradient per input, in argument order; {@code null} where {@link #needsGrad} is false
     */
    protected abstract Variable[] backward(Variable gradOutput);

    /**
     * Returns this op's derivative: its forward formula and the gradient each input receives, in
     * symbols — the one place the rule is written besides the op's javadoc.
     *
     * <p>{@link ExplainingListener} writes it out with the variables' names for every backward step,
     * and {@code docs/derivatives.md} lists it for every op. For {@code Mul}:
     * {@code DerivativeRule.binary("y = a ⊙ b", "g ⊙ b", "g ⊙ a").broadcasting()}.
     *
     * @return the rule; {@link DerivativeRule#NOT_STATED} unless the op overrides this
     */
    public DerivativeRule derivativeRule() {
        return DerivativeRule.NOT_STATED;
    }

    /**
     * Calls {@link #backward} and checks and tidies its result: undoes broadcasting by summing each
     * gradient to its input's shape, and rejects a gradient of the wrong shape or count.
     */
    final Variable[] backwardChecked(Variable gradOutput) {
        Variable[] grads = backward(gradOutput);
        if (grads.length != inputs.length) {
            throw new IllegalStateException(name() + ".backward returned " + grads.length
                    + " gradients for " + inputs.length + " inputs");
        }
        for (int i = 0; i < grads.length; i++) {
            if (grads[i] == null) {
                continue;
            }
            Shape want = inputs[i].shape();
            Shape got = grads[i].shape();
            if (!got.equals(want)) {
                if (!want.broadcastsTo(got)) {
                    throw new IllegalStateException(name() + ".backward returned a gradient of shape " + got
                            + " for input " + i + " of shape " + want
                            + ": a gradient must have its input's shape (or a shape it broadcasts to)");
                }
                grads[i] = grads[i].sumToShape(want); // undo broadcasting — the one place it happens
            }
        }
        return grads;
    }

    /**
     * Returns input {@code i} of this application.
     *
     * @param i the argument position
     * @return the input variable
     */
    protected final Variable input(int i) {
        return inputs[i];
    }

    /** Returns how many inputs this application has (0 before the op is applied). */
    final int inputCount() {
        return inputs == null ? 0 : inputs.length;
    }

    /**
     * Returns the variable this application produced (useful when the derivative is expressed through
     * the output, e.g. {@code d(e^x)/dx = e^x}).
     *
     * @return the output variable
     */
    protected final Variable output() {
        return output;
    }

    /**
     * Tells whether input {@code i} needs a gradient; backward may return {@code null} for it if not.
     *
     * @param i the argument position
     * @return true if that input requires a gradient
     */
    protected final boolean needsGrad(int i) {
        return inputs[i].requiresGrad();
    }

    /**
     * Wraps gradients into the array that {@link #backward} returns.
     *
     * @param gradients one per input, in argument order
     * @return the same, as an array
     */
    protected static Variable[] grads(Variable... gradients) {
        return gradients;
    }

    /**
     * Returns the inputs of this application in argument order.
     *
     * @return a new immutable list (empty before the op is applied)
     */
    public final List<Variable> inputs() {
        return inputs == null ? List.of() : List.of(inputs);
    }

    /**
     * Returns the op's name, by default the simple class name ({@code "MatMul"}).
     *
     * @return the name
     */
    public String name() {
        return getClass().getSimpleName();
    }

    /**
     * Returns the op's name with its parameters, e.g. {@code "Sum(axis=1, keepDims=true)"}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return name();
    }
}
