package gradschool.optim;

/**
 * Multiplies the learning rate by {@code gamma} every epoch: {@code lr(epoch) = baseLr · gamma^epoch}
 * (PyTorch's {@code ExponentialLR}).
 *
 * <pre>{@code
 * new ExponentialDecay(optimizer, 0.95);   // about halves the learning rate every 14 epochs
 * }</pre>
 *
 * <p>An optimizer's learning rate must be positive: a rate that decays for so long that it underflows
 * to 0 (about 1075 halvings) makes {@link Optimizer#setLearningRate} throw.
 */
public final class ExponentialDecay extends LearningRateSchedule {

    private final double gamma;

    /**
     * Attaches an exponential decay to an optimizer, whose current learning rate is the base rate.
     *
     * @param optimizer the optimizer
     * @param gamma the factor per epoch, in {@code (0, 1]}
     * @throws IllegalArgumentException if gamma is out of range
     */
    public ExponentialDecay(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = Hyperparameters.inLeftOpenUnitInterval("ExponentialDecay", "gamma", gamma);
        applyLearningRate();
    }

    @Override
    protected double closedForm(int epochNumber) {
        return baseLearningRate() * Math.pow(gamma, epochNumber);
    }

    /**
     * Describes the schedule, e.g. {@code ExponentialDecay(baseLr=0.1, gamma=0.95)}.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        return "ExponentialDecay(baseLr=" + baseLearningRate() + ", gamma=" + gamma + ")";
    }
}
