package gradschool.examples.exercises;

/**
 * What the grader found: a pass, or the kind of mistake, each with the short title the verdict
 * starts with. docs/exercises.md explains every one.
 */
public enum Mistake {
    /** Every case, the gradient check and (where it applies) the second-order check pass. */
    PASSED("passed"),
    /** The file still throws {@code NotDoneYet}. */
    NOT_STARTED("not started"),
    /** javac rejected the file. */
    COMPILE_ERROR("does not compile"),
    /** The file compiles but is not the expected class (renamed, another package, not an exercise). */
    WRONG_CLASS("not the exercise's class"),
    /** The given forward pass was changed, and no longer computes gradschool's op. */
    FORWARD_CHANGED("the forward pass was changed"),
    /** The backward threw an exception. */
    CRASHED("the backward threw an exception"),
    /** Grading did not finish within the time limit (an endless loop). */
    TOO_SLOW("did not finish"),
    /** The wrong number of gradients, or null for an input. */
    WRONG_COUNT("not one gradient per input"),
    /** The backward wrote into its input or into {@code gradOutput}. */
    CHANGED_IN_PLACE("an input was changed in place"),
    /** A gradient with the output's broadcast shape instead of its input's. */
    BROADCAST_NOT_SUMMED("broadcast not summed back"),
    /** A gradient that is the transpose of the true one. */
    TRANSPOSED("transposed gradient"),
    /** A gradient of some other wrong shape. */
    WRONG_SHAPE("wrong shape"),
    /** NaN or infinity where the true gradient is finite. */
    NOT_FINITE("NaN or infinity"),
    /** Right everywhere except exactly at the kink. */
    WRONG_AT_KINK("wrong only at the kink"),
    /** Right everywhere except where elements tie for a maximum. */
    WRONG_AT_TIES("wrong only at ties"),
    /** Right on contiguous tensors, wrong on non-contiguous views. */
    WRONG_ON_VIEWS("wrong only on non-contiguous views"),
    /** The output was used where the input was needed (or the other way round). */
    OUTPUT_FOR_INPUT("output and input mixed up"),
    /** Only the diagonal of the Jacobian was used (softmax: y·(1 − y)). */
    DIAGONAL_ONLY("only the diagonal of the Jacobian"),
    /** The gradient of another input. */
    OPERANDS_SWAPPED("gradient of the wrong input"),
    /** The incoming gradient {@code g} was not multiplied in. */
    CHAIN_RULE_MISSING("chain-rule factor missing"),
    /** Exactly −1 times the true gradient. */
    WRONG_SIGN("wrong sign"),
    /** A constant multiple of the true gradient. */
    CONSTANT_FACTOR("off by a constant factor"),
    /** Right to first order, but built so that it cannot be differentiated again. */
    NOT_DIFFERENTIABLE_AGAIN("right, but not differentiable again"),
    /** Wrong values that match no known mistake. */
    WRONG_VALUES("wrong values");

    private final String title;

    Mistake(String title) {
        this.title = title;
    }

    /**
     * Returns the short title the verdict starts with.
     *
     * @return e.g. {@code "wrong sign"}
     */
    public String title() {
        return title;
    }
}
