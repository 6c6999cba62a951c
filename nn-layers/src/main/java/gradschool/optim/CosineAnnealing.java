package gradschool.optim;

/**
 * Lowers the learning rate from the base rate to {@code minLr} along half a cosine over {@code tMax}
 * epochs, then holds it at {@code minLr}:
 *
 * <pre>
 *   lr(epoch) = minLr + (baseLr − minLr) · (1 + cos(π · epoch / tMax)) / 2     for epoch ≤ tMax
 *   lr(epoch) = minLr                                                          for epoch &gt; tMax
 * </pre>
 *
 * <p>The rate falls slowly at first, fastest in the middle, and slowly again near the end.
 *
 * <pre>{@code
 * new CosineAnnealing(optimizer, 100, 1e-5);
 * }</pre>
 *
 * <p>Reference: I. Loshchilov and F. Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts",
 * ICLR 2017, equation (5), without the restarts ({@code η_min = minLr}, {@code η_max = baseLr},
 * {@code T_cur = epoch}, {@code T_i = tMax}). Unlike PyTorch's {@code CosineAnnealingLR}, whose
 * formula climbs back up after {@code tMax}, this schedule stays at {@code minLr}. Because an optimizer's
 * learning rate must be positive, {@code minLr} must be {@code > 0} (PyTorch's default is 0).
 */
public final class CosineAnnealing extends LearningRateSchedule {

    private final int tMax;
    private final double minLearningRate;

    /**
     * Attaches a cosine annealing to an optimizer, whose current learning rate is the base rate.
     *
     * @param optimizer the optimizer
     * @param tMax the number of epochs to reach {@code minLr}, {@code >= 1}
     * @param minLearningRate the final learning rate {@code minLr}, in {@code (0, baseLr]}
     * @throws IllegalArgumentException if either is out of range
     */
    public CosineAnnealing(Optimizer optimizer, int tMax, double minLearningRate) {
        super(optimizer);
        this.tMax = Hyperparameters.positiveCount("CosineAnnealing", "tMax", tMax);
        if (!(minLearningRate > 0 && minLearningRate <= baseLearningRate())) {
            throw new IllegalArgumentException("CosineAnnealing: minLr must be in (0, baseLr] = (0, "
                    + baseLearningRate() + "], got " + minLearningRate);
        }
        this.minLearningRate = minLearningRate;
        applyLearningRate();
    }

    @Override
    protected double closedForm(int epochNumber) {
        if (epochNumber >= tMax) {
            return minLearningRate;
        }
        return minLearningRate
                + (baseLearningRate() - minLearningRate) * (1 + Math.cos(Math.PI * epochNumber / tMax)) / 2;
    }

    /**
     * Describes the schedule, e.g. {@code CosineAnnealing(baseLr=0.1, tMax=100, minLr=1.0E-5)}.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        return "CosineAnnealing(baseLr=" + baseLearningRate() + ", tMax=" + tMax + ", minLr=" + minLearningRate + ")";
    }
}
