package gradschool.optim;

import gradschool.nn.Parameter;
import java.util.List;

/**
 * RMSprop: divide each gradient by a running average of its recent magnitude — the third optimizer in
 * this package, Adagrad with a forgetting average instead of an ever-growing sum.
 *
 * <pre>{@code
 * Optimizer optimizer = new RMSprop(model.parameters());         // lr 0.01, alpha 0.99
 * Optimizer withMomentum = new RMSprop(model.parameters(), 0.001).withMomentum(0.9);
 * }</pre>
 *
 * <p>The update rule for each parameter {@code p} with gradient {@code g} (learning rate {@code lr},
 * smoothing constant {@code α}, running average of squares {@code v}, momentum {@code μ} with buffer
 * {@code b}, weight decay {@code λ}), exactly PyTorch's {@code torch.optim.RMSprop} (not centered):
 *
 * <pre>
 *   g ← g + λ·p
 *   v ← α·v + (1 − α)·g²                (v starts at 0)
 *   if μ ≠ 0:  b ← μ·b + g / (√v + ε);  p ← p − lr·b      (b starts at 0)
 *   else:      p ← p − lr·g / (√v + ε)
 * </pre>
 *
 * <p>Defaults: {@code lr = 0.01}, {@code α = 0.99}, {@code ε = 1e-8}, momentum 0, weight decay 0.
 *
 * <p>Reference: G. Hinton, N. Srivastava and K. Swersky, "Neural Networks for Machine Learning",
 * lecture 6e, "rmsprop: Divide the gradient by a running average of its recent magnitude", 2012.
 */
public class RMSprop extends ElementwiseOptimizer {

    /** The default learning rate, 0.01. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    private double alpha = 0.99;
    private double epsilon = 1e-8;
    private double momentum;
    private double weightDecay;
    /** The running average of squared gradients v of each parameter, by index; null until its first step. */
    private final double[][] squareAverages;
    /** The momentum buffer b of each parameter, by index; null until its first step with momentum. */
    private final double[][] momentumBuffers;

    /**
     * Makes RMSprop with the default learning rate 0.01.
     *
     * @param parameters the parameters to update
     */
    public RMSprop(List<Parameter> parameters) {
        this(parameters, DEFAULT_LEARNING_RATE);
    }

    /**
     * Makes RMSprop with a learning rate.
     *
     * @param parameters the parameters to update
     * @param learningRate the learning rate {@code lr}, {@code > 0}
     */
    public RMSprop(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
        this.squareAverages = new double[parameters().size()][];
        this.momentumBuffers = new double[parameters().size()][];
    }

    /**
     * Sets the smoothing constant {@code α}: how much of the old average of squares each step keeps.
     *
     * @param newAlpha the smoothing constant, in {@code [0, 1)}
     * @return this optimizer
     * @throws IllegalArgumentException if it is outside {@code [0, 1)}
     */
    public RMSprop withAlpha(double newAlpha) {
        this.alpha = Hyperparameters.inHalfOpenUnitInterval("RMSprop", "alpha", newAlpha);
        return this;
    }

    /**
     * Sets {@code ε}, added to {@code √v} so that the steps never divide by zero.
     *
     * @param newEpsilon the epsilon, {@code > 0}
     * @return this optimizer
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public RMSprop withEpsilon(double newEpsilon) {
        this.epsilon = Hyperparameters.positive("RMSprop", "epsilon", newEpsilon);
        return this;
    }

    /**
     * Turns on momentum: the scaled gradients {@code g / (√v + ε)} are accumulated in a buffer
     * {@code b ← μ·b + g / (√v + ε)} and the parameter moves by {@code lr·b}.
     *
     * @param newMomentum the momentum {@code μ}, in {@code [0, 1)}; 0 turns it off
     * @return this optimizer
     * @throws IllegalArgumentException if it is outside {@code [0, 1)}
     */
    public RMSprop withMomentum(double newMomentum) {
        this.momentum = Hyperparameters.inHalfOpenUnitInterval("RMSprop", "momentum", newMomentum);
        return this;
    }

    /**
     * Sets the weight decay {@code λ}, added to the gradient as {@code λ·p} (an L2 penalty).
     *
     * @param newWeightDecay the weight decay, {@code >= 0}
     * @return this optimizer
     * @throws IllegalArgumentException if it is negative or not finite
     */
    public RMSprop withWeightDecay(double newWeightDecay) {
        this.weightDecay = Hyperparameters.nonNegative("RMSprop", "weight decay", newWeightDecay);
        return this;
    }

    /**
     * Returns the smoothing constant {@code α}.
     *
     * @return alpha
     */
    public double alpha() {
        return alpha;
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
     * Returns the momentum {@code μ} (0 when momentum is off).
     *
     * @return the momentum
     */
    public double momentum() {
        return momentum;
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
        if (squareAverages[index] == null) {
            squareAverages[index] = new double[p.length];
        }
        if (momentum != 0 && momentumBuffers[index] == null) {
            momentumBuffers[index] = new double[p.length];
        }
        double[] v = squareAverages[index];
        double[] b = momentumBuffers[index];
        double lr = learningRate();
        for (int i = 0; i < p.length; i++) {
            double gi = g[i] + weightDecay * p[i];
            v[i] = alpha * v[i] + (1 - alpha) * gi * gi;
            double scaledGradient = gi / (Math.sqrt(v[i]) + epsilon);
            if (momentum != 0) {
                b[i] = momentum * b[i] + scaledGradient;
                p[i] = p[i] - lr * b[i];
            } else {
                p[i] = p[i] - lr * scaledGradient;
            }
        }
    }

    /**
     * Describes the settings, e.g. {@code RMSprop(lr=0.01, alpha=0.99, eps=1.0E-8)}.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        return "RMSprop(lr=" + learningRate() + ", alpha=" + alpha + ", eps=" + epsilon
                + (momentum != 0 ? ", momentum=" + momentum : "")
                + (weightDecay != 0 ? ", weightDecay=" + weightDecay : "") + ")";
    }
}
