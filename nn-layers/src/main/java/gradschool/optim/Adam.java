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

    /**
     * Updates one parameter in a single pass over its elements: each element's moments and value are
     * read once and written once, with the rule of the class javadoc (and {@link AdamW}'s decoupled
     * decay, {@link #decoupledShrink()}, fused in). AMSGrad has a loop of its own, so neither loop
     * branches per element; the JIT compiles each to vector instructions.
     */
    @Override
    protected void updateParameter(int index, double[] p, double[] g) {
        if (firstMoments[index] == null) {
            firstMoments[index] = new double[p.length];
            secondMoments[index] = new double[p.length];
        }
        if (amsgrad && maxSecondMoments[index] == null) {
            maxSecondMoments[index] = new double[p.length];
        }
        int t = ++steps[index];
        double biasCorrection1 = 1 - Math.pow(beta1, t);
        double biasCorrection2 = 1 - Math.pow(beta2, t);
        if (amsgrad) {
            amsgradStep(p, g, firstMoments[index], secondMoments[index], maxSecondMoments[index],
                    biasCorrection1, biasCorrection2);
        } else {
            adamStep(p, g, firstMoments[index], secondMoments[index], biasCorrection1, biasCorrection2);
        }
    }

    /**
     * The factor every weight is multiplied by before the step: 1 for Adam (its weight decay is an L2
     * term in the gradient), {@code 1 − lr·λ} for {@link AdamW}'s decoupled decay.
     *
     * @return the factor
     */
    double decoupledShrink() {
        return 1.0;
    }

    /** One Adam step over all elements: {@code p ← shrink·p}, then the rule; no branch per element. */
    private void adamStep(double[] p, double[] g, double[] m, double[] v, double biasCorrection1,
                          double biasCorrection2) {
        double shrink = decoupledShrink();
        double alpha = learningRate();
        double b1 = beta1;
        double b2 = beta2;
        double eps = epsilon;
        double lambda = weightDecay;
        for (int i = 0; i < p.length; i++) {
            double pi = shrink * p[i];                       // exact when shrink is 1
            double gi = g[i] + lambda * pi;
            double mi = b1 * m[i] + (1 - b1) * gi;
            double vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            double mHat = mi / biasCorrection1;
            double vHat = vi / biasCorrection2;
            p[i] = pi - alpha * mHat / (Math.sqrt(vHat) + eps);
        }
    }

    /** The same with AMSGrad: the denominator uses {@code v_max ← max(v_max, v)}. */
    private void amsgradStep(double[] p, double[] g, double[] m, double[] v, double[] vMax,
                             double biasCorrection1, double biasCorrection2) {
        double shrink = decoupledShrink();
        double alpha = learningRate();
        double b1 = beta1;
        double b2 = beta2;
        double eps = epsilon;
        double lambda = weightDecay;
        for (int i = 0; i < p.length; i++) {
            double pi = shrink * p[i];
            double gi = g[i] + lambda * pi;
            double mi = b1 * m[i] + (1 - b1) * gi;
            double vi = b2 * v[i] + (1 - b2) * gi * gi;
            double vMaxI = Math.max(vMax[i], vi);
            m[i] = mi;
            v[i] = vi;
            vMax[i] = vMaxI;
            double mHat = mi / biasCorrection1;
            double vHat = vMaxI / biasCorrection2;
            p[i] = pi - alpha * mHat / (Math.sqrt(vHat) + eps);
        }
    }

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
