package gradschool.optim;

import gradschool.nn.Parameter;
import java.util.List;

/**
 * Adam: momentum on the gradient and RMSprop's running average of its square, both bias-corrected —
 * the fourth optimizer in this package, and the usual first choice for training networks.
 *
 * <pre>{@code
 * Optimizer optimizer = new Adam(model.parameters());                     // lr 1e-3
 * Optimizer tuned = new Adam(model.parameters(), 3e-4).withBetas(0.9, 0.98).withAmsgrad();
 * }</pre>
 *
 * <p>The update rule for each parameter {@code p} with gradient {@code g}, in the paper's names
 * (step size {@code α} = the learning rate, first and second moment estimates {@code m} and {@code v},
 * both starting at 0, step count {@code t} of this parameter starting at 1, weight decay {@code λ}):
 *
 * <pre>
 *   g ← g + λ·p                         (weight decay as an L2 penalty; see {@link AdamW} for the decoupled kind)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   m̂ ← m / (1 − β₁ᵗ)                    (bias correction: m and v start at 0, so early averages are too small)
 *   v̂ ← v / (1 − β₂ᵗ)
 *   p ← p − α·m̂ / (√v̂ + ε)
 * </pre>
 *
 * <p>With AMSGrad (Reddi, Kale and Kumar, "On the Convergence of Adam and Beyond", ICLR 2018) the
 * denominator uses the largest {@code v} seen so far: {@code v_max ← max(v_max, v); v̂ ← v_max / (1 − β₂ᵗ)},
 * as PyTorch does.
 *
 * <p>Defaults: {@code α = 1e-3}, {@code β₁ = 0.9}, {@code β₂ = 0.999}, {@code ε = 1e-8}, weight decay 0,
 * no AMSGrad. These match PyTorch's {@code torch.optim.Adam}.
 *
 * <p>Reference: D. P. Kingma and J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015
 * (Algorithm 1).
 */
public class Adam extends ElementwiseOptimizer {

    /** The default learning rate (the paper's step size α), 1e-3. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-8;
    private double weightDecay;
    private boolean amsgrad;
    /** The step count t of each parameter, by index: parameters skipped for a null gradient do not count. */
    private final int[] steps;
    /** The first moment estimate m of each parameter, by index; null until its first step. */
    private final double[][] firstMoments;
    /** The second moment estimate v of each parameter, by index; null until its first step. */
    private final double[][] secondMoments;
    /** The largest second moment seen, for AMSGrad, by index; null until its first step with AMSGrad. */
    private final double[][] maxSecondMoments;

    /**
     * Makes Adam with the default learning rate 1e-3.
     *
     * @param parameters the parameters to update
     */
    public Adam(List<Parameter> parameters) {
        this(parameters, DEFAULT_LEARNING_RATE);
    }

    /**
     * Makes Adam with a learning rate.
     *
     * @param parameters the parameters to update
     * @param learningRate the step size {@code α}, {@code > 0}
     */
    public Adam(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
        int count = parameters().size();
        this.steps = new int[count];
        this.firstMoments = new double[count][];
        this.secondMoments = new double[count][];
        this.maxSecondMoments = new double[count][];
    }

    /**
     * Sets the decay rates of the two moment estimates.
     *
     * @param newBeta1 {@code β₁}, for the average of gradients, in {@code [0, 1)}
     * @param newBeta2 {@code β₂}, for the average of squared gradients, in {@code [0, 1)}
     * @return this optimizer
     * @throws IllegalArgumentException if either is outside {@code [0, 1)}
     */
    public Adam withBetas(double newBeta1, double newBeta2) {
        String name = getClass().getSimpleName();
        this.beta1 = Hyperparameters.inHalfOpenUnitInterval(name, "beta1", newBeta1);
        this.beta2 = Hyperparameters.inHalfOpenUnitInterval(name, "beta2", newBeta2);
        return this;
    }

    /**
     * Sets {@code ε}, added to {@code √v̂} so that the steps never divide by zero.
     *
     * @param newEpsilon the epsilon, {@code > 0}
     * @return this optimizer
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Adam withEpsilon(double newEpsilon) {
        this.epsilon = Hyperparameters.positive(getClass().getSimpleName(), "epsilon", newEpsilon);
        return this;
    }

    /**
     * Sets the weight decay {@code λ}, added to the gradient as {@code λ·p} (an L2 penalty, which Adam
     * then rescales like the rest of the gradient; {@link AdamW} decays the weights directly instead).
     *
     * @param newWeightDecay the weight decay, {@code >= 0}
     * @return this optimizer
     * @throws IllegalArgumentException if it is negative or not finite
     */
    public Adam withWeightDecay(double newWeightDecay) {
        this.weightDecay = Hyperparameters.nonNegative("Adam", "weight decay", newWeightDecay);
        return this;
    }

    /**
     * Turns on the AMSGrad variant: divide by the largest second moment seen so far, so that the
     * per-element step sizes never grow.
     *
     * @return this optimizer
     */
    public Adam withAmsgrad() {
        this.amsgrad = true;
        return this;
    }

    /**
     * Returns {@code β₁}.
     *
     * @return beta1
     */
    public double beta1() {
        return beta1;
    }

    /**
     * Returns {@code β₂}.
     *
     * @return beta2
     */
    public double beta2() {
        return beta2;
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
     * Returns the L2 weight decay {@code λ} added to the gradient (always 0 for {@link AdamW}, whose decay
     * is {@link AdamW#decoupledWeightDecay()}).
     *
     * @return the weight decay
     */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * Tells whether the AMSGrad variant is on.
     *
     * @return true after {@link #withAmsgrad()}
     */
    public boolean isAmsgrad() {
        return amsgrad;
    }

    @Override
    protected void updateParameter(int index, double[] p, double[] g) {
        if (firstMoments[index] == null) {
            firstMoments[index] = new double[p.length];
            secondMoments[index] = new double[p.length];
        }
        if (amsgrad && maxSecondMoments[index] == null) {
            maxSecondMoments[index] = new double[p.length];
        }
        double[] m = firstMoments[index];
        double[] v = secondMoments[index];
        double[] vMax = maxSecondMoments[index];
        int t = ++steps[index];
        double alpha = learningRate();
        double biasCorrection1 = 1 - Math.pow(beta1, t);
        double biasCorrection2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < p.length; i++) {
            double gi = g[i] + weightDecay * p[i];
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
            double mHat = m[i] / biasCorrection1;
            double vHat;
            if (amsgrad) {
                vMax[i] = Math.max(vMax[i], v[i]);
                vHat = vMax[i] / biasCorrection2;
            } else {
                vHat = v[i] / biasCorrection2;
            }
            p[i] = p[i] - alpha * mHat / (Math.sqrt(vHat) + epsilon);
        }
    }

    /**
     * Describes the settings, e.g. {@code Adam(lr=0.001, betas=(0.9, 0.999), eps=1.0E-8)}.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(lr=" + learningRate() + ", betas=(" + beta1 + ", " + beta2
                + "), eps=" + epsilon + describeWeightDecay() + (amsgrad ? ", amsgrad" : "") + ")";
    }

    /** Returns ", weightDecay=λ" when there is weight decay, for {@link #toString()}. */
    String describeWeightDecay() {
        return weightDecay != 0 ? ", weightDecay=" + weightDecay : "";
    }
}
