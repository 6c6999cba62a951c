package gradschool.optim;

/**
 * Ramps the learning rate up linearly from {@code startFactor · baseLr} to {@code baseLr} over the first
 * {@code warmupEpochs} epochs, then keeps it constant or hands over to another schedule:
 *
 * <pre>
 *   lr(epoch) = baseLr · (startFactor + (1 − startFactor) · epoch / warmupEpochs)   for epoch &lt; warmupEpochs
 *   lr(epoch) = baseLr                                  for epoch ≥ warmupEpochs, with no following schedule
 *   lr(epoch) = following.learningRateAt(epoch − warmupEpochs)                      with one
 * </pre>
 *
 * <p>Warm-up keeps the first, noisy steps of a fresh network small (Goyal et al., "Accurate, Large
 * Minibatch SGD: Training ImageNet in 1 Hour", 2017). The ramp is PyTorch's {@code LinearLR} with end
 * factor 1.
 *
 * <pre>{@code
 * Optimizer optimizer = new AdamW(model.parameters(), 1e-3);
 * LearningRateSchedule cosine = new CosineAnnealing(optimizer, 95, 1e-5);   // made first
 * LearningRateSchedule schedule = new LinearWarmup(cosine, 0.1, 5);         // 5 warm-up epochs, then cosine
 * // call schedule.step() once per epoch — not cosine.step()
 * }</pre>
 */
public final class LinearWarmup extends LearningRateSchedule {

    private final double startFactor;
    private final int warmupEpochs;
    private final LearningRateSchedule following;

    /**
     * Attaches a warm-up to an optimizer, whose current learning rate is the base rate; after the
     * warm-up the rate stays at the base rate.
     *
     * @param optimizer the optimizer
     * @param startFactor the fraction of the base rate used in epoch 0, in {@code (0, 1]}
     * @param warmupEpochs the length of the ramp in epochs, {@code >= 1}
     * @throws IllegalArgumentException if either is out of range
     */
    public LinearWarmup(Optimizer optimizer, double startFactor, int warmupEpochs) {
        super(optimizer);
        this.startFactor = Hyperparameters.inLeftOpenUnitInterval("LinearWarmup", "startFactor", startFactor);
        this.warmupEpochs = Hyperparameters.positiveCount("LinearWarmup", "warmupEpochs", warmupEpochs);
        this.following = null;
        applyLearningRate();
    }

    /**
     * Puts a warm-up in front of another schedule: same optimizer, same base rate; after the warm-up
     * the following schedule runs from its own epoch 0. Only call {@link #step()} on the warm-up.
     *
     * @param following the schedule to hand over to, made before this one
     * @param startFactor the fraction of the base rate used in epoch 0, in {@code (0, 1]}
     * @param warmupEpochs the length of the ramp in epochs, {@code >= 1}
     * @throws IllegalArgumentException if either number is out of range
     */
    public LinearWarmup(LearningRateSchedule following, double startFactor, int warmupEpochs) {
        super(following.optimizer(), following.baseLearningRate());
        this.startFactor = Hyperparameters.inLeftOpenUnitInterval("LinearWarmup", "startFactor", startFactor);
        this.warmupEpochs = Hyperparameters.positiveCount("LinearWarmup", "warmupEpochs", warmupEpochs);
        this.following = following;
        applyLearningRate();
    }

    @Override
    protected double closedForm(int epochNumber) {
        if (epochNumber < warmupEpochs) {
            return baseLearningRate() * (startFactor + (1 - startFactor) * epochNumber / warmupEpochs);
        }
        return following == null ? baseLearningRate() : following.learningRateAt(epochNumber - warmupEpochs);
    }

    /**
     * Describes the schedule, e.g. {@code LinearWarmup(baseLr=0.1, startFactor=0.1, warmupEpochs=5)}.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        return "LinearWarmup(baseLr=" + baseLearningRate() + ", startFactor=" + startFactor + ", warmupEpochs="
                + warmupEpochs + (following == null ? "" : ", then " + following) + ")";
    }
}
