package gradschool.optim;

import gradschool.nn.Parameter;
import java.util.Arrays;
import java.util.List;

/**
 * Adagrad: each number gets its own learning rate, shrinking with the sum of its squared gradients —
 * the second optimizer in this package, the first with per-element step sizes.
 *
 * <pre>{@code
 * Optimizer optimizer = new Adagrad(model.parameters());          // lr 0.01
 * Optimizer faster = new Adagrad(model.parameters(), 0.1).withEpsilon(1e-8);
 * }</pre>
 *
 * <p>The update rule for each parameter {@code p} with gradient {@code g} (learning rate {@code η},
 * accumulated squared gradients {@code G}, weight decay {@code λ}), as in PyTorch's
 * {@code torch.optim.Adagrad} without its learning-rate decay (use a {@link LearningRateSchedule}):
 *
 * <pre>
 *   g ← g + λ·p
 *   G ← G + g²
 *   p ← p − η·g / (√G + ε)
 * </pre>
 *
 * <p>Numbers with large or frequent gradients take small steps, rare ones take large steps. Because
 * {@code G} only grows, the steps shrink for ever — the weakness RMSprop fixes.
 *
 * <p>Defaults: {@code η = 0.01}, {@code ε = 1e-10}, initial accumulator {@code G₀ = 0}, weight decay 0.
 *
 * <p>Reference: J. Duchi, E. Hazan and Y. Singer, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization", JMLR 12, 2011.
 */
public class Adagrad extends ElementwiseOptimizer {

    /** The default learning rate, 0.01. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    private double epsilon = 1e-10;
    private double initialAccumulator = 0;
    private double weightDecay;
    /** The sum of squared gradients G of each parameter, by index; null until its first step. */
    private final double[][] sumOfSquares;

    /**
     * Makes Adagrad with the default learning rate 0.01.
     *
     * @param parameters the parameters to update
     */
    public Adagrad(List<Parameter> parameters) {
        this(parameters, DEFAULT_LEARNING_RATE);
    }

    /**
     * Makes Adagrad with a learning rate.
     *
     * @param parameters the parameters to update
     * @param learningRate the learning rate {@code η}, {@code > 0}
     */
    public Adagrad(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
        this.sumOfSquares = new double[parameters().size()][];
    }

    /**
     * Sets {@code ε}, added to {@code √G} so that the first steps do not divide by zero.
     *
     * @param newEpsilon the epsilon, {@code > 0}
     * @return this optimizer
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Adagrad withEpsilon(double newEpsilon) {
        this.epsilon = Hyperparameters.positive("Adagrad", "epsilon", newEpsilon);
        return this;
    }

    /**
     * Sets the value {@code G₀} every element of the accumulator starts from (used by parameters that
     * have not taken a step yet).
     *
     * @param newInitialAccumulator the starting value, {@code >= 0}
     * @return this optimizer
     * @throws IllegalArgumentException if it is negative or not finite
     */
    public Adagrad withInitialAccumulator(double newInitialAccumulator) {
        this.initialAccumulator = Hyperparameters.nonNegative("Adagrad", "initial accumulator", newInitialAccumulator);
        return this;
    }

    /**
     * Sets the weight decay {@code λ}, added to the gradient as {@code λ·p} (an L2 penalty).
     *
     * @param newWeightDecay the weight decay, {@code >= 0}
     * @return this optimizer
     * @throws IllegalArgumentException if it is negative or not finite
     */
    public Adagrad withWeightDecay(double newWeightDecay) {
        this.weightDecay = Hyperparameters.nonNegative("Adagrad", "weight decay", newWeightDecay);
        return this;
    }

    /**
     * Returns {@code ε}.
     *
     * @return the epsilon
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Returns the initial accumulator value {@code G₀}.
     *
     * @return the initial accumulator
     */
    public double initialAccumulator() {
        return initialAccumulator;
    }

    /**
     * Returns the weight decay {@code λ}.
     *
     * @return the weight decay
     */
    public double weightDecay() {
        return weightDecay;
    }

    @Override
    protected void updateParameter(int index, double[] p, double[] g) {
        if (sumOfSquares[index] == null) {
            sumOfSquares[index] = new double[p.length];
            Arrays.fill(sumOfSquares[index], initialAccumulator);
        }
        double[] sum = sumOfSquares[index];
        double eta = learningRate();
        for (int i = 0; i < p.length; i++) {
            double gi = g[i] + weightDecay * p[i];
            sum[i] += gi * gi;
            p[i] = p[i] - eta * gi / (Math.sqrt(sum[i]) + epsilon);
        }
    }

    /**
     * Describes the settings, e.g. {@code Adagrad(lr=0.01, eps=1.0E-10)}.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        return "Adagrad(lr=" + learningRate() + ", eps=" + epsilon
                + (initialAccumulator != 0 ? ", initialAccumulator=" + initialAccumulator : "")
                + (weightDecay != 0 ? ", weightDecay=" + weightDecay : "") + ")";
    }
}
