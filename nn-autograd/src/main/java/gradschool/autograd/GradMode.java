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

    private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> Boolean.TRUE);

    private GradMode() {
    }

    /**
     * Tells whether operations on this thread currently record the graph.
     *
     * @return true if recording
     */
    public static boolean isEnabled() {
        return ENABLED.get();
    }

    /**
     * Turns recording off on this thread until the returned scope is closed.
     *
     * @return a scope that restores the previous mode when closed
     */
    public static Scope off() {
        return set(false);
    }

    /**
     * Turns recording on on this thread until the returned scope is closed (e.g. inside an
     * {@link #off()} scope, to build a graph anyway).
     *
     * @return a scope that restores the previous mode when closed
     */
    public static Scope on() {
        return set(true);
    }

    private static Scope set(boolean enabled) {
        boolean previous = ENABLED.get();
        ENABLED.set(enabled);
        return new Scope(previous);
    }

    /** A grad-mode scope; closing it restores the mode that was in force when it was opened. */
    public static final class Scope implements AutoCloseable {
        private final boolean previous;

        private Scope(boolean previous) {
            this.previous = previous;
        }

        /** Restores the previous mode. */
        @Override
        public void close() {
            ENABLED.set(previous);
        }
    }
}
