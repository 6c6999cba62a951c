package gradschool.autograd;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A per-thread on/off switch whose scopes nest: the one piece behind {@link GradMode},
 * {@link AnomalyMode} and {@link CreationSite#recording()}.
 *
 * <pre>{@code
 * // in GradMode:
 * private static final ThreadLocalSwitch ENABLED = new ThreadLocalSwitch(true);
 * public static Scope off() { return new Scope(false); }   // ENABLED.isOn() is false until closed
 * public static final class Scope extends ThreadLocalSwitch.Scope {
 *     private Scope(boolean enabled) { super(ENABLED, enabled); }
 * }
 * }</pre>
 *
 * <p>Every op asks these switches (is grad mode on? anomaly mode? record creation sites?), so asking
 * must be cheap. A thread's state can differ from the initial one only inside a scope, so while no
 * scope of a switch is open on any thread, {@link #isOn()} answers the initial state without looking
 * up the thread-local value.
 */
final class ThreadLocalSwitch {

    private final boolean initial;
    private final ThreadLocal<Boolean> state;
    /** Scopes of this switch open now, on all threads together. */
    private final AtomicInteger openScopes = new AtomicInteger();

    /**
     * Makes a switch.
     *
     * @param initial the state each thread starts in
     */
    ThreadLocalSwitch(boolean initial) {
        this.initial = initial;
        this.state = ThreadLocal.withInitial(() -> initial);
    }

    /**
     * Tells whether the switch is on for this thread.
     *
     * @return true if on
     */
    boolean isOn() {
        return openScopes.get() == 0 ? initial : state.get(); // no scope anywhere: nobody changed it
    }

    /**
     * A scope over a switch: opening it sets the switch on this thread; closing it restores the state
     * that was in force when it was opened. The public scope types ({@code GradMode.Scope}, …) extend it.
     */
    abstract static class Scope implements AutoCloseable {
        private final ThreadLocalSwitch target;
        private final boolean previous;
        private boolean closed;

        /**
         * Opens the scope.
         *
         * @param target the switch
         * @param on the state to set until the scope is closed
         */
        Scope(ThreadLocalSwitch target, boolean on) {
            this.target = target;
            this.previous = target.state.get();
            target.openScopes.incrementAndGet();
            target.state.set(on);
        }

        /** Restores the state that was in force when the scope was opened; closing it again does nothing. */
        @Override
        public final void close() {
            if (!closed) {
                closed = true;
                target.state.set(previous);
                target.openScopes.decrementAndGet();
            }
        }
    }
}
