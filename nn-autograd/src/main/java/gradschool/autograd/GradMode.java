package gradschool.autograd;

/**
 * Whether operations record the graph that backward needs — a per-thread switch.
 *
 * <pre>{@code
 * try (var off = GradMode.off()) {
 *     Variable prediction = model.forward(x);   // no history, nothing saved: evaluation is cheaper
 * }                                             // the previous mode is back, even after an exception
 * }</pre>
 *
 * <p>Recording is on by default. Scopes nest: each restores the mode that was in force when it opened.
 */
public final class GradMode {

    private static final ThreadLocalSwitch ENABLED = new ThreadLocalSwitch(true);

    private GradMode() {
    }

    /**
     * Tells whether operations on this thread currently record the graph.
     *
     * @return true if recording
     */
    public static boolean isEnabled() {
        return ENABLED.isOn();
    }

    /**
     * Turns recording off on this thread until the returned scope is closed.
     *
     * @return a scope that restores the previous mode when closed
     */
    public static Scope off() {
        return new Scope(false);
    }

    /**
     * Turns recording on on this thread until the returned scope is closed (e.g. inside an
     * {@link #off()} scope, to build a graph anyway).
     *
     * @return a scope that restores the previous mode when closed
     */
    public static Scope on() {
        return new Scope(true);
    }

    /** A grad-mode scope; closing it restores the mode that was in force when it was opened. */
    public static final class Scope extends ThreadLocalSwitch.Scope {
        private Scope(boolean enabled) {
            super(ENABLED, enabled);
        }
    }
}
