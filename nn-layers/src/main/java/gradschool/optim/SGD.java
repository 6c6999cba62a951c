package gradschool.optim;

import gradschool.nn.Parameter;
import java.util.List;

/**
 * Stochastic gradient descent, optionally with momentum (classical or Nesterov) and weight decay:
 * the first and simplest optimizer in this package.
 *
 * <pre>{@code
 * Optimizer plain    = new SGD(model.parameters(), 0.1);
 * Optimizer heavyBall = new SGD(model.parameters(), 0.1).withMomentum(0.9).withWeightDecay(1e-4);
 * Optimizer nesterov = new SGD(model.parameters(), 0.1).withNesterovMomentum(0.9);
 * }</pre>
 *
 * <p>The update rule for each parameter {@code p} with gradient {@code g}, exactly PyTorch's
 * {@code torch.optim.SGD} (learning rate {@code lr}, momentum {@code μ}, dampening {@code τ},
 * weight decay {@code λ}, momentum buffer {@code b}):
 *
 * <pre>
 *   g ← g + λ·p                                  (weight decay, an L2 penalty λ/2·‖p‖²)
 *   if μ ≠ 0:
 *       b ← g                     on the parameter's first step
 *       b ← μ·b + (1 − τ)·g       on later steps
 *       g ← g + μ·b               with Nesterov momentum
 *       g ← b                     otherwise (classical, "heavy ball" momentum)
 *   p ← p − lr·g
 * </pre>
 *
 * <p>Defaults: momentum 0, dampening 0, weight decay 0, no Nesterov. Nesterov momentum needs
 * {@code μ > 0} and {@code τ = 0}.
 *
 * <p>References: H. Robbins and S. Monro, "A Stochastic Approximation Method", 1951 (SGD);
 * B. T. Polyak, "Some methods of speeding up the convergence of iteration methods", 1964 (momentum);
 * I. Sutskever, J. Martens, G. Dahl and G. Hinton, "On the importance of initialization and momentum in
 * deep learning", ICML 2013 (Nesterov momentum in this form).
 */
public class SGD extends ElementwiseOptimizer {

    private double momentum;
    private double dampening;
    private double weightDecay;
    private boolean nesterov;
    /** The momentum buffer b of each parameter, by index; null until its first step with momentum. */
    private final double[][] momentumBuffers;

    /**
     * Makes plain SGD: {@code p ← p − lr·g}.
     *
     * @param parameters the parameters to update
     * @param learningRate the learning rate {@code lr}, {@code > 0}
     */
    public SGD(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
        this.momentumBuffers = new double[parameters().size()][];
    }

    /**
     * Turns on classical ("heavy ball") momentum: {@code b ← μ·b + (1 − τ)·g; p ← p − lr·b}.
     *
     * @param newMomentum the momentum {@code μ}, in {@code [0, 1)}; 0 turns momentum off
     * @return this optimizer
     * @throws IllegalArgumentException if the momentum is outside {@code [0, 1)}
     */
    public SGD withMomentum(double newMomentum) {
        this.momentum = Hyperparameters.inHalfOpenUnitInterval("SGD", "momentum", newMomentum);
        this.nesterov = false;
        return this;
    }

    /**
     * Turns on Nesterov momentum: {@code b ← μ·b + g; p ← p − lr·(g + μ·b)} — the gradient is in effect
     * taken a step ahead, where momentum is about to carry the parameter.
     *
     * @param newMomentum the momentum {@code μ}, in {@code (0, 1)}
     * @return this optimizer
     * @throws IllegalArgumentException if the momentum is not in {@code (0, 1)} or dampening is not 0
     */
    public SGD withNesterovMomentum(double newMomentum) {
        Hyperparameters.inHalfOpenUnitInterval("SGD", "Nesterov momentum", newMomentum);
        if (newMomentum == 0) {
            throw new IllegalArgumentException("SGD: Nesterov momentum must be > 0, got " + newMomentum);
        }
        if (dampening != 0) {
            throw new IllegalArgumentException("SGD: Nesterov momentum requires dampening = 0, but dampening is "
                    + dampening);
        }
        this.momentum = newMomentum;
        this.nesterov = true;
        return this;
    }

    /**
     * Sets the dampening {@code τ}: the momentum buffer takes in only {@code (1 − τ)·g} of each new gradient.
     *
     * @param newDampening the dampening, in {@code [0, 1]}
     * @return this optimizer
     * @throws IllegalArgumentException if it is outside {@code [0, 1]}, or is not 0 with Nesterov momentum
     */
    public SGD withDampening(double newDampening) {
        Hyperparameters.inUnitInterval("SGD", "dampening", newDampening);
        if (nesterov && newDampening != 0) {
            throw new IllegalArgumentException("SGD: Nesterov momentum requires dampening = 0, got " + newDampening);
        }
        this.dampening = newDampening;
        return this;
    }

    /**
     * Sets the weight decay {@code λ}: {@code λ·p} is added to the gradient, which is gradient descent on
     * the loss plus {@code λ/2·‖p‖²}.
     *
     * @param newWeightDecay the weight decay, {@code >= 0}
     * @return this optimizer
     * @throws IllegalArgumentException if it is negative or not finite
     */
    public SGD withWeightDecay(double newWeightDecay) {
        this.weightDecay = Hyperparameters.nonNegative("SGD", "weight decay", newWeightDecay);
        return this;
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
     * Returns the dampening {@code τ}.
     *
     * @return the dampening
     */
    public double dampening() {
        return dampening;
    }

    /**
     * Returns the weight decay {@code λ}.
     *
     * @return the weight decay
     */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * Tells whether the momentum is Nesterov's rather than classical.
     *
     * @return true after {@link #withNesterovMomentum(double)}
     */
    public boolean isNesterov() {
        return nesterov;
    }

    @Override
    protected void updateParameter(int index, double[] p, double[] g) {
        double lr = learningRate();
        boolean firstMomentumStep = momentum != 0 && momentumBuffers[index] == null;
        if (firstMomentumStep) {
            momentumBuffers[index] = new double[p.length];
        }
        double[] b = momentumBuffers[index];
        for (int i = 0; i < p.length; i++) {
            double gi = g[i] + weightDecay * p[i];                           // g ← g + λ·p
            if (momentum != 0) {
                b[i] = firstMomentumStep ? gi : momentum * b[i] + (1 - dampening) * gi;  // b ← μ·b + (1 − τ)·g
                gi = nesterov ? gi + momentum * b[i] : b[i];                          // g ← g + μ·b, or g ← b
            }
            p[i] = p[i] - lr * gi;                                      // p ← p − lr·g
        }
    }

    /**
     * Describes the settings, e.g. {@code SGD(lr=0.1, momentum=0.9, nesterov)}.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SGD(lr=").append(learningRate());
        if (momentum != 0) {
            text.append(", momentum=").append(momentum);
        }
        if (dampening != 0) {
            text.append(", dampening=").append(dampening);
        }
        if (nesterov) {
            text.append(", nesterov");
        }
        if (weightDecay != 0) {
            text.append(", weightDecay=").append(weightDecay);
        }
        return text.append(')').toString();
    }
}
