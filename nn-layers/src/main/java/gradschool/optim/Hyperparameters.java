package gradschool.optim;

/**
 * Checks for optimizer and schedule settings, with messages that name the owner, the value and the rule.
 *
 * <p>Every check returns the value it accepted, so a constructor can write
 * {@code this.beta1 = Hyperparameters.inHalfOpenUnitInterval("Adam", "beta1", beta1);}.
 */
final class Hyperparameters {

    private Hyperparameters() {
    }

    /** Accepts a finite value {@code > 0}. */
    static double positive(String owner, String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw rejected(owner, name, value, "positive and finite");
        }
        return value;
    }

    /** Accepts a finite value {@code >= 0}. */
    static double nonNegative(String owner, String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw rejected(owner, name, value, ">= 0 and finite");
        }
        return value;
    }

    /** Accepts a value in {@code [0, 1)}: a decay rate of a running average (momentum, beta1, beta2, alpha). */
    static double inHalfOpenUnitInterval(String owner, String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw rejected(owner, name, value, "in [0, 1)");
        }
        return value;
    }

    /** Accepts a value in {@code [0, 1]}. */
    static double inUnitInterval(String owner, String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw rejected(owner, name, value, "in [0, 1]");
        }
        return value;
    }

    /** Accepts a value in {@code (0, 1]}: a multiplicative factor that shrinks (or keeps) a learning rate. */
    static double inLeftOpenUnitInterval(String owner, String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw rejected(owner, name, value, "in (0, 1]");
        }
        return value;
    }

    /** Accepts a count {@code >= 1}. */
    static int positiveCount(String owner, String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(owner + ": " + name + " must be >= 1, got " + value);
        }
        return value;
    }

    private static IllegalArgumentException rejected(String owner, String name, double value, String rule) {
        return new IllegalArgumentException(owner + ": " + name + " must be " + rule + ", got " + value);
    }
}
