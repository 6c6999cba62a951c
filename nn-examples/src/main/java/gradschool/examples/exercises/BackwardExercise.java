package gradschool.examples.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.List;

/**
 * One exercise of {@code ./gradschool exercise}: an op whose forward pass is written and whose
 * backward rule the student writes, graded against gradschool's own op.
 *
 * <pre>{@code
 * // y = sin x, an op that is not one of the exercises, written as one:
 * public final class SinBackward extends BackwardExercise {
 *     protected Tensor forward(Tensor... x) { return x[0].sin(); }              // y = sin x
 *     protected Variable[] backward(Variable gradOutput) {
 *         return grads(gradOutput.mul(input(0).cos()));                         // dL/dx = g ⊙ cos x
 *     }
 * }
 * }</pre>
 *
 * <p>The methods mirror those of {@link gradschool.autograd.Function}, so a solved exercise reads like
 * gradschool's own op and its backward body could be pasted into one. One difference: here the
 * engine does not sum a broadcast gradient back for you. Each gradient must have its input's shape
 * (the {@code add} exercise is about exactly that step, which gradschool does in
 * {@code Function.backwardChecked}).
 *
 * <p>Write the backward with {@link Variable} operations ({@code gradOutput.mul(input(1))}), not
 * with the tensors inside them: then the grader can differentiate your rule again (the second-order
 * check, see docs/second-order.md).
 */
public abstract class BackwardExercise {

    private List<Variable> inputs = List.of();
    private Variable output;

    /** Makes an exercise; a subclass with parameters (an axis, an exponent) takes them in its constructor. */
    protected BackwardExercise() {
    }

    /**
     * Computes the op's value from its input values (given in every exercise file).
     *
     * @param inputs the input values, in argument order
     * @return the result
     */
    protected abstract Tensor forward(Tensor... inputs);

    /**
     * Returns {@code dL/d(input)} for every input, given {@code dL/d(output)}: the part the student writes.
     *
     * @param gradOutput {@code g = dL/dy}, with the output's shape
     * @return one gradient per input, in argument order, each with its input's shape
     */
    protected abstract Variable[] backward(Variable gradOutput);

    /**
     * Returns input {@code i} of the application being differentiated.
     *
     * @param i the argument position
     * @return the input variable
     */
    protected final Variable input(int i) {
        return inputs.get(i);
    }

    /**
     * Returns the output of the application being differentiated ({@code y}), for rules written
     * with it, like {@code d(e^x)/dx = y}.
     *
     * @return the output variable
     */
    protected final Variable output() {
        return output;
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

    /** Runs the student's forward pass (for the grader, in this package). */
    final Tensor runForward(Tensor... values) {
        return forward(values);
    }

    /** Runs the student's backward pass on the given inputs and output (for the grader). */
    final Variable[] runBackward(List<Variable> applicationInputs, Variable applicationOutput, Variable gradOutput) {
        this.inputs = List.copyOf(applicationInputs);
        this.output = applicationOutput;
        return backward(gradOutput);
    }
}
