package gradschool.autograd;

/**
 * Told about every step of a backward pass — for printing, recording or teaching.
 *
 * <pre>{@code
 * try (var listening = Autograd.listen(new ExplainingListener(System.out))) {
 *     loss.backward();   // prints each step: the op, the incoming gradient, the local rule, the results
 * }
 * }</pre>
 */
@FunctionalInterface
public interface BackwardListener {

    /**
     * Called after one function's backward rule has run and its gradients have been added into its
     * inputs' running totals.
     *
     * @param step what happened in that step
     */
    void onStep(BackwardStep step);
}
