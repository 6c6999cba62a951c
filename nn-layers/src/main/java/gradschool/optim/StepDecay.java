package gradschool.optim;

/**
 * Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs:
 * {@code lr(epoch) = baseLr · gamma^⌊epoch / stepSize⌋} (PyTorch's {@code StepLR}).
 *
 * <pre>{@code
 * new StepDecay(optimizer, 30, 0.1);   // 0.1 for epochs 0–29, 0.01 for 30–59, 0.001 for 60–89, …
 * }</pre>
 *
 * <p>An optimizer's learning rate must be positive: a rate that decays for so long that it underflows
 * to 0 (about 1075 halvings) makes {@link Optimizer#setLearningRate} throw.
 */
public final class StepDecay extends LearningRateSchedule {

    private final int stepSize;
    private final double gamma;

    /**
     * Attaches a step decay to an optimizer, whose current learning rate is the base rate.
     *
     * @param optimizer the optimizer
     * @param stepSize how many epochs between decays, {@code >= 1}
     * @param gamma the factor applied at each decay, in {@code (0, 1]}
     * @throws IllegalArgumentException if either is out of range
     */
    public StepDecay(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        this.stepSize = Hyperparameters.positiveCount("StepDecay", "stepSize", stepSize);
        this.gamma = Hyperparameters.inLeftOpenUnitInterval("StepDecay", "gamma", gamma);
        applyLearningRate();
    }

    @Override
    protected double closedForm(int epochNumber) {
        return baseLearningRate() * Math.pow(gamma, epochNumber / stepSize);  // integer division: ⌊epoch/stepSize⌋
    }

    /**
     * Describes the schedule, e.g. {@code StepDecay(baseLr=0.1, stepSize=30, gamma=0.1)}.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        return "StepDecay(baseLr=" + baseLearningRate() + ", stepSize=" + stepSize + ", gamma=" + gamma + ")";
    }
}
