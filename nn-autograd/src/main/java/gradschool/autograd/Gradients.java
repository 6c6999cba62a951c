package gradschool.autograd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The gradients of one backward pass: {@code dL/d(v)} for every variable {@code v} the pass reaches,
 * kept on the variables themselves while the pass runs — as micrograd keeps {@code grad} on each
 * {@code Value} — and forgotten when the pass is closed.
 *
 * <pre>{@code
 * try (Gradients gradients = new Gradients()) {
 *     Autograd.backpropagate(List.of(loss), List.of(Variable.of(1.0)), gradients);
 *     gradients.get(w);                  // dL/dw
 * }                                      // the variables forget this pass
 * }</pre>
 *
 * <p>Why not a map from variable to gradient? Looking a variable up in an identity hash map costs
 * more than a small op; the backward pass looks up every variable two or three times. A variable
 * holds at most one pass's gradient: if a second pass reaches a variable while a first one still
 * walks it (a backward pass started from a listener or on another thread), the second one fails with
 * an {@link IllegalStateException} rather than mixing the two passes' sums.
 */
final class Gradients implements AutoCloseable {

    private final List<Variable> reached = new ArrayList<>();
    private final boolean recordsSums;

    /**
     * Starts the gradients of a pass. The grad mode and anomaly mode at this moment decide how the
     * gradients are added up ({@link #addInto}).
     */
    Gradients() {
        recordsSums = GradMode.isEnabled() || AnomalyMode.isEnabled();
    }

    /**
     * Marks {@code variable} as reached by this pass: true the first time, false afterwards.
     *
     * @throws IllegalStateException if another pass that has not been closed reached it
     */
    boolean reach(Variable variable) {
        if (!variable.markReachedBy(this)) {
            return false;
        }
        reached.add(variable);
        return true;
    }

    /** Returns {@code dL/d(variable)} as far as it has arrived, or null if nothing has (or the pass did not reach it). */
    Variable get(Variable variable) {
        return variable.pendingGradIn(this);
    }

    /**
     * {@code dL/d(target) += gradient}, where nothing yet counts as zero; {@code target} must have been
     * reached.
     *
     * <p>With {@code createGraph} (grad mode on) the sum goes through the {@code Add} op, so that it is
     * recorded and can be differentiated again, and in anomaly mode too, so that it is checked.
     * Otherwise no graph is being built and the tensors are added directly: the first gradient that
     * arrives is kept as it is (a backward rule may have handed the same tensor to several inputs),
     * the second makes a new total that belongs to this pass, and every later one is added into that
     * total in place — micrograd's {@code grad +=}.
     */
    void addInto(Variable target, Variable gradient) {
        Variable previous = get(target);
        if (previous == null) {
            target.setPendingGrad(gradient, false);                       // the first: kept as it is
        } else if (recordsSums) {
            target.setPendingGrad(previous.add(gradient), false);         // through the Add op
        } else if (target.pendingGradIsOwn()) {
            previous.value().addInPlace(gradient.value());                // += into this pass's own total
        } else {
            target.setPendingGrad(Variable.of(previous.value().add(gradient.value())), true); // a new total
        }
    }

    /** Returns the variables this pass reached, in the order in which it reached them. */
    List<Variable> reached() {
        return Collections.unmodifiableList(reached);
    }

    /** Makes every variable this pass reached forget it and its gradient. */
    @Override
    public void close() {
        for (Variable variable : reached) {
            variable.releaseFromBackwardPass();
        }
        reached.clear();
    }

    /**
     * Returns how many variables the pass reached and how many have a gradient, e.g.
     * {@code "gradients of 13 variables, 5 arrived so far"} — what a debugger shows for it.
     *
     * @return the text
     */
    @Override
    public String toString() {
        int arrived = 0;
        for (Variable variable : reached) {
            if (get(variable) != null) {
                arrived++;
            }
        }
        return "gradients of " + reached.size() + " variables, " + arrived + " arrived so far";
    }
}
