package gradschool.autograd;

import gradschool.core.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One step of a backward pass, as reported to a {@link BackwardListener}: the function whose backward
 * rule ran, the gradient that arrived at its output, the gradient it sent to each input, and each
 * input's gradient total after adding it.
 *
 * @param index the step's position in the pass, starting at 0 (the op nearest the loss)
 * @param function the function whose backward rule ran
 * @param output the variable the function produced in the forward pass
 * @param gradOutput {@code dL/d(output)}, the gradient that arrived
 * @param inputGradients the gradient this step sent to each input (in argument order; null where none
 *     was sent); an unmodifiable list
 * @param accumulated each input's gradient total after this step added into it (null where nothing was
 *     added); an unmodifiable list
 */
public record BackwardStep(int index, Function function, Variable output, Tensor gradOutput,
                           List<Tensor> inputGradients, List<Tensor> accumulated) {

    /**
     * Makes a step record; the lists are copied (they may hold nulls, so not with {@code List.copyOf}).
     *
     * @param index the step number
     * @param function the function
     * @param output its output variable
     * @param gradOutput the incoming gradient
     * @param inputGradients the gradient sent to each input, or null
     * @param accumulated each input's running total, or null
     */
    public BackwardStep {
        inputGradients = Collections.unmodifiableList(new ArrayList<>(inputGradients));
        accumulated = Collections.unmodifiableList(new ArrayList<>(accumulated));
    }

    /**
     * The step that ran {@code node}'s backward rule: what was sent to each input that takes a
     * gradient, and that input's running total in {@code gradients} afterwards.
     */
    static BackwardStep of(int index, Variable node, Variable gradient, Variable[] inputGradients,
                           Gradients gradients) {
        List<Variable> inputs = node.inputs();
        List<Tensor> sent = new ArrayList<>();
        List<Tensor> totals = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            boolean delivered = inputGradients[j] != null && inputs.get(j).requiresGrad();
            Tensor sentNow = delivered ? inputGradients[j].value() : null;
            sent.add(sentNow);
            Variable total = gradients.get(inputs.get(j));
            totals.add(delivered && total != null ? snapshot(total.value(), sentNow) : null);
        }
        return new BackwardStep(index, node.function(), node, gradient.value(), sent, totals);
    }

    /**
     * The running total as it is now: a copy, because the pass may add later gradients into it in
     * place — unless it is the very tensor just sent (the first gradient to arrive), which no one changes.
     */
    private static Tensor snapshot(Tensor total, Tensor sent) {
        return total == sent ? total : total.copy();
    }

    /**
     * Returns a one-line summary, e.g. {@code "step 0: MatMul (1, 2) → (1, 3), (3, 2)"}.
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
