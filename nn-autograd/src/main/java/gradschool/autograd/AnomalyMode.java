package gradschool.autograd;

import gradschool.core.Tensor;

/**
 * A per-thread debugging scope that stops at the first NaN or infinity.
 *
 * <pre>{@code
 * try (var detect = AnomalyMode.on()) {
 *     Variable loss = model.forward(x).log().mean();   // log(0) = -inf here?
 *     loss.backward();
 * } // AnomalyException: "Log produced -Infinity in forward, at Lesson.main(Lesson.java:12)"
 * }</pre>
 *
 * <p>Inside the scope, every forward result and every gradient a backward step produces is checked;
 * the first non-finite value throws an {@link AnomalyException} that names the op, the phase and the
 * user's source line where the op was applied: inside the scope every variable records its
 * {@link CreationSite} (so run the forward pass inside it too, not only {@code backward()}). The checks
 * cost a pass over each result and a stack walk per op, so the mode is off by default.
 */
public final class AnomalyMode {

    private static final ThreadLocalSwitch ENABLED = new ThreadLocalSwitch(false);

    private AnomalyMode() {
    }

    /**
     * Tells whether anomaly detection is on for this thread.
     *
     * @return true if on
     */
    public static boolean isEnabled() {
        return ENABLED.isOn();
    }

    /**
     * Turns anomaly detection on for this thread until the scope is closed.
     *
     * @return a scope that restores the previous state when closed
     */
    public static Scope on() {
        return new Scope(true);
    }

    /**
     * Turns the checks off on this thread until the scope is closed. The backward pass uses it while a
     * backward rule runs: the ops inside the rule (the {@code Div} in {@code Sqrt}'s {@code g/(2√x)})
     * are not checked one by one as if they were the user's forward ops; instead the rule's results are
     * checked together by {@link #checkBackward}, which names the op whose rule it was.
     */
    static Scope suspended() {
        return new Scope(false);
    }

    static void checkForward(Function function, Tensor result) {
        String bad = firstNonFinite(result);
        if (bad != null) {
            throw new AnomalyException(function.name() + " produced " + bad + " in forward, at "
                    + siteText(CreationSite.ofCaller()), function, "forward");
        }
    }

    static void checkBackward(Function function, Variable output, Variable[] gradients) {
        for (int i = 0; i < gradients.length; i++) {
            if (gradients[i] == null) {
                continue;
            }
            String bad = firstNonFinite(gradients[i].value());
            if (bad != null) {
                throw new AnomalyException(function.name() + " produced " + bad + " in backward (gradient for input "
                        + i + "), for the op applied at " + siteText(output.creationSite()), function, "backward");
            }
        }
    }

    private static String siteText(CreationSite site) {
        return site == null ? "an unknown site (the op was applied outside anomaly mode and outside "
                + "CreationSite.recording(), so where it was applied was not recorded)" : site.toString();
    }

    private static String firstNonFinite(Tensor tensor) {
        double[] values = tensor.toDoubleArray();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return Double.toString(v);
            }
        }
        return null;
    }

    /** An anomaly-detection scope; closing it restores the previous state. */
    public static final class Scope extends ThreadLocalSwitch.Scope {
        private Scope(boolean enabled) {
            super(ENABLED, enabled);
        }
    }

    /** Thrown in anomaly mode when an op produces NaN or infinity. */
    public static final class AnomalyException extends ArithmeticException {
        private static final long serialVersionUID = 1L;

        /** The op that produced the value (not serialized: a graph is not serializable). */
        private final transient Function function;
        /** {@code "forward"} or {@code "backward"}. */
        private final String phase;

        AnomalyException(String message, Function function, String phase) {
            super(message);
            this.function = function;
            this.phase = phase;
        }

        /**
         * Returns the op that produced the value.
         *
         * @return the function
         */
        public Function function() {
            return function;
        }

        /**
         * Returns {@code "forward"} or {@code "backward"}.
         *
         * @return the phase
         */
        public String phase() {
            return phase;
        }
    }
}
