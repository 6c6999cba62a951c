package gradschool.optim;

import gradschool.nn.Parameter;
import java.util.List;

/**
 * AdamW: Adam with decoupled weight decay — the fifth and last optimizer in this package.
 *
 * <pre>{@code
 * Optimizer optimizer = new AdamW(model.parameters());                    // lr 1e-3, weight decay 0.01
 * Optimizer tuned = new AdamW(model.parameters(), 3e-4).withWeightDecay(0.05);
 * }</pre>
 *
 * <p>{@link Adam}'s weight decay adds {@code λ·p} to the gradient, so it is divided by {@code √v̂} like
 * everything else: weights with large gradients are barely decayed. AdamW instead shrinks the weights
 * directly, by the same fraction for every weight, and then takes an ordinary Adam step (without L2):
 *
 * <pre>
 *   p ← p − lr·λ·p                      (decoupled weight decay, applied first)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   m̂ ← m / (1 − β₁ᵗ),  v̂ ← v / (1 − β₂ᵗ)
 *   p ← p − lr·m̂ / (√v̂ + ε)
 * </pre>
 *
 * <p>As in PyTorch's {@code torch.optim.AdamW}, the decay is multiplied by the learning rate (so a
 * schedule scales both), and only parameters with a gradient are decayed.
 *
 * <p>Defaults: {@code lr = 1e-3}, {@code β₁ = 0.9}, {@code β₂ = 0.999}, {@code ε = 1e-8},
 * weight decay {@code λ = 0.01}, no AMSGrad.
 *
 * <p>Reference: I. Loshchilov and F. Hutter, "Decoupled Weight Decay Regularization", ICLR 2019
 * (Algorithm 2).
 */
public class AdamW extends Adam {

    /** The default decoupled weight decay, 0.01. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    private double decoupledWeightDecay = DEFAULT_WEIGHT_DECAY;

    /**
     * Makes AdamW with the default learning rate 1e-3 and weight decay 0.01.
     *
     * @param parameters the parameters to update
     */
    public AdamW(List<Parameter> parameters) {
        this(parameters, DEFAULT_LEARNING_RATE);
    }

    /**
     * Makes AdamW with a learning rate and the default weight decay 0.01.
     *
     * @param parameters the parameters to update
     * @param learningRate the learning rate {@code lr}, {@code > 0}
     */
    public AdamW(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
    }

    /**
     * Sets the decoupled weight decay {@code λ}: each step first shrinks the weights by {@code lr·λ·p}.
     *
     * @param newWeightDecay the weight decay, {@code >= 0}
     * @return this optimizer
     * @throws IllegalArgumentException if it is negative or not finite
     */
    @Override
    public AdamW withWeightDecay(double newWeightDecay) {
        this.decoupledWeightDecay = Hyperparameters.nonNegative("AdamW", "weight decay", newWeightDecay);
        return this;
    }

    /**
     * Sets the decay rates of the two moment estimates; see {@link Adam#withBetas(double, double)}.
     *
     * @param newBeta1 {@code β₁}, in {@code [0, 1)}
     * @param newBeta2 {@code β₂}, in {@code [0, 1)}
     * @return this optimizer
     */
    @Override
    public AdamW withBetas(double newBeta1, double newBeta2) {
        super.withBetas(newBeta1, newBeta2);
        return this;
    }

    /**
     * Sets {@code ε}; see {@link Adam#withEpsilon(double)}.
     *
     * @param newEpsilon the epsilon, {@code > 0}
     * @return this optimizer
     */
    @Override
    public AdamW withEpsilon(double newEpsilon) {
        super.withEpsilon(newEpsilon);
        return this;
    }

    /**
     * Turns on the AMSGrad variant; see {@link Adam#withAmsgrad()}.
     *
     * @return this optimizer
     */
    @Override
    public AdamW withAmsgrad() {
        super.withAmsgrad();
        return this;
    }

    /**
     * Returns the decoupled weight decay {@code λ}.
     *
     * @return the weight decay
     */
    public double decoupledWeightDecay() {
        return decoupledWeightDecay;
    }

    /** {@code 1 − lr·λ}: Adam's single pass multiplies each weight by it before its step. */
    @Override
    double decoupledShrink() {
        return 1 - learningRate() * decoupledWeightDecay;
    }

    @Override
    String describeWeightDecay() {
        return ", weightDecay=" + decoupledWeightDecay;
    }
}
