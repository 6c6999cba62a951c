package gradschool.examples.exercises;

/**
 * Thrown by an exercise that is not done yet: every exercise file starts with
 * {@code throw new NotDoneYet();} where the backward rule belongs, and the grader reports it as
 * "not started".
 */
public final class NotDoneYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Makes the marker. */
    public NotDoneYet() {
        super("this exercise is not done yet: replace 'throw new NotDoneYet();' with your backward rule");
    }
}
