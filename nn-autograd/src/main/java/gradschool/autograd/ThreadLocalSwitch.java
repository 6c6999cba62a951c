package gradschool.autograd;

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
 */
final class ThreadLocalSwitch {

    private final ThreadLocal<Boolean> state;

    /**
     * Makes a switch.
     *
     * @param initial the state each thread starts in
     */
    ThreadLocalSwitch(boolean initial) {
        this.state = ThreadLocal.withInitial(() -> initial);
    }

    /**
     * Tells whether the switch is on for this thread.
     *
     * @return true if on
     */
    boolean isOn() {
        return state.get();
    }

    /**
     * A scope over a switch: opening it sets the switch on this thread; closing it restores the state
     * that was in force when it was opened. The public scope types ({@code GradMode.Scope}, …) extend it.
     */
    abstract static class Scope implements AutoCloseable {
        private final ThreadLocalSwitch target;
        private final boolean previous;

        /**
         * Opens the scope.
         *
         * @param target the switch
         * @param on the state to set until the scope is closed
         */
        Scope(ThreadLocalSwitch target, boolean on) {
            this.target = target;
            this.previous = target.state.get();
            target.state.set(on);
        }

        /** Restores the state that was in force when the scope was opened. */
        @Override
        public final void close() {
            target.state.set(previous);
        }
    }
}
