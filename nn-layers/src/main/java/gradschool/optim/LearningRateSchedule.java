package gradschool.optim;

import java.util.Objects;

/**
 * Changes an optimizer's learning rate as training goes on: large steps early, small steps late.
 *
 * <pre>{@code
 * Optimizer optimizer = new SGD(model.parameters(), 0.1);
 * LearningRateSchedule schedule = new StepDecay(optimizer, 30, 0.1);  // ×0.1 every 30 epochs
 * for (int epoch = 0; epoch < 90; epoch++) {
 *     trainOneEpoch(model, optimizer);   // many optimizer.step() calls at learning rate learningRateAt(epoch)
 *     schedule.step();                   // once per epoch, after the epoch's training
 * }
 * }</pre>
 *
 * <p>A schedule is attached to one optimizer. It remembers the optimizer's learning rate when the
 * schedule is made (the <em>base</em> learning rate) and counts epochs from 0. Every learning rate is
 * computed from the base rate and the epoch number by a closed-form formula ({@link #closedForm}),
 * never by multiplying the previous rate again, so no rounding error builds up. Call {@link #step()}
 * <strong>once per epoch</strong>, at the end of the epoch; it advances the count and sets the
 * optimizer's learning rate to {@code learningRateAt(epoch())}.
 *
 * <p>Writing a schedule: implement {@link #closedForm(int)}, and end the constructor with
 * {@link #applyLearningRate()} so that epoch 0 already trains at the schedule's first rate.
 */
public abstract class LearningRateSchedule {

    private final Optimizer optimizer;
    private final double baseLearningRate;
    private int epoch;

    /**
     * Attaches a schedule to an optimizer, taking its current learning rate as the base rate.
     *
     * @param optimizer the optimizer whose learning rate to set
     */
    protected LearningRateSchedule(Optimizer optimizer) {
        this(Objects.requireNonNull(optimizer, "optimizer"), optimizer.learningRate());
    }

    /**
     * Attaches a schedule to an optimizer with a given base learning rate.
     *
     * @param optimizer the optimizer whose learning rate to set
     * @param baseLearningRate the learning rate the formula starts from, {@code > 0}
     */
    protected LearningRateSchedule(Optimizer optimizer, double baseLearningRate) {
        if (optimizer == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the optimizer must not be null");
        }
        this.optimizer = optimizer;
        this.baseLearningRate = Hyperparameters.positive(getClass().getSimpleName(), "base learning rate",
                baseLearningRate);
    }

    /**
     * Returns the learning rate for an epoch, from the closed-form formula.
     *
     * @param epochNumber the epoch, counted from 0
     * @return the learning rate the optimizer uses during that epoch
     * @throws IllegalArgumentException if the epoch is negative
     */
    public final double learningRateAt(int epochNumber) {
        if (epochNumber < 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the epoch must be >= 0, got "
                    + epochNumber);
        }
        return closedForm(epochNumber);
    }

    /**
     * Computes the learning rate for an epoch from {@link #baseLearningRate()} and the epoch number.
     *
     * @param epochNumber the epoch, {@code >= 0}
     * @return the learning rate, {@code > 0}
     */
    protected abstract double closedForm(int epochNumber);

    /**
     * Ends an epoch: advances the epoch count by one and sets the optimizer's learning rate for the
     * next epoch. Call it once per epoch, after that epoch's optimizer steps.
     */
    public void step() {
        epoch++;
        applyLearningRate();
    }

    /**
     * Sets the optimizer's learning rate to {@code learningRateAt(epoch())}; constructors end with it.
     */
    protected final void applyLearningRate() {
        optimizer.setLearningRate(learningRateAt(epoch));
    }

    /**
     * Returns the number of epochs completed, i.e. how many times {@link #step()} was called.
     *
     * @return the current epoch, from 0
     */
    public int epoch() {
        return epoch;
    }

    /**
     * Returns the base learning rate the formula starts from.
     *
     * @return the base learning rate
     */
    public double baseLearningRate() {
        return baseLearningRate;
    }

    /**
     * Returns the optimizer whose learning rate this schedule sets.
     *
     * @return the optimizer
     */
    public Optimizer optimizer() {
        return optimizer;
    }
}
