package gradschool.autograd;

import gradschool.core.Tensor;
import java.util.Collections;
import java.util.List;

/**
 * One step of a backward pass, as reported to a {@link BackwardListener}: the function whose backward
 * rule ran, the gradient that arrived at its output, the gradient it sent to each input, and each
 * input's gradient total after adding it.
 */
public final class BackwardStep {

    private final int index;
    private final Function function;
    private final Variable output;
    private final Tensor gradOutput;
    private final List<Tensor> inputGradients;
    private final List<Tensor> accumulated;

    BackwardStep(int index, Function function, Variable output, Tensor gradOutput,
                 List<Tensor> inputGradients, List<Tensor> accumulated) {
        this.index = index;
        this.function = function;
        this.output = output;
        this.gradOutput = gradOutput;
        this.inputGradients = Collections.unmodifiableList(inputGradients);
        this.accumulated = Collections.unmodifiableList(accumulated);
    }

    /**
     * Returns the step's position in the pass, starting at 0 (the op nearest the loss).
     *
     * @return the step number
     */
    public int index() {
        return index;
    }

    /**
     * Returns the function whose backward rule ran.
     *
     * @return the function
     */
    public Function function() {
        return function;
    }

    /**
     * Returns the variable the function produced in the forward pass.
     *
     * @return the output variable
     */
    public Variable output() {
        return output;
    }

    /**
     * Returns {@code dL/d(output)}, the gradient that arrived.
     *
     * @return the incoming gradient
     */
    public Tensor gradOutput() {
        return gradOutput;
    }

    /**
     * Returns the gradient this step sent to each input (in argument order; null where none was sent).
     *
     * @return the gradients
     */
    public List<Tensor> inputGradients() {
        return inputGradients;
    }

    /**
     * Returns each input's gradient total after this step added into it (null where nothing was added).
     *
     * @return the running totals
     */
    public List<Tensor> accumulated() {
        return accumulated;
    }

    /**
     * Returns a one-line summary, e.g. {@code "step 0: MatMul (1, 2) → inputs (1, 3), (3, 2)"}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("step " + index + ": " + function + " " + gradOutput.shape() + " →");
        for (int i = 0; i < inputGradients.size(); i++) {
            text.append(i == 0 ? " " : ", ").append(inputGradients.get(i) == null ? "-" : inputGradients.get(i).shape());
        }
        return text.toString();
    }
}
