package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.random.RandomGenerator;

/**
 * Dropout (Srivastava et al., 2014): in training, zero each element with probability {@code p} and
 * scale the rest by {@code 1/(1 - p)}, so the expected value is unchanged; in evaluation, do nothing.
 *
 * <p>{@code y = x·m/(1 - p)} with {@code m ~ Bernoulli(1 - p)} drawn afresh each call, from
 * {@link Init#generator()} or a given generator (seeded runs are reproducible). Derivative: the same
 * mask, {@code m/(1 - p)}. No parameters. Reference: {@code torch.nn.Dropout}.
 */
public class Dropout extends Layer {

    private final double p;
    private final RandomGenerator random;

    /**
     * Makes the layer using the current thread's generator ({@link Init#generator()}).
     *
     * @param p the probability of zeroing an element, in {@code [0, 1)}
     */
    public Dropout(double p) {
        this(p, Init.generator());
    }

    /**
     * Makes the layer with its own generator.
     *
     * @param p the probability of zeroing an element, in {@code [0, 1)}
     * @param random the generator for the masks
     */
    public Dropout(double p, RandomGenerator random) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: p must be in [0, 1), got " + p);
        }
        this.p = p;
        this.random = random;
    }

    /**
     * Applies dropout in training mode; returns the input unchanged in evaluation mode.
     *
     * @param input any shape
     * @return the same shape
     */
    @Override
    public Variable forward(Variable input) {
        Tensor mask = mask(input.shape().toArray());
        return mask == null ? input : input.mul(Variable.constant(mask));
    }

    /**
     * Draws the mask {@link #forward} would multiply an input of this shape by, for an op that applies
     * dropout itself (as {@link CausalSelfAttention} does inside its fused attention): each element is
     * {@code 1/(1 - p)} with probability {@code 1 - p} and 0 otherwise, from this layer's generator.
     *
     * @param shape the shape of the input
     * @return the mask, or null in evaluation mode or when {@code p = 0} (nothing is drawn then)
     */
    public Tensor mask(int... shape) {
        if (!isTraining() || p == 0) {
            return null;
        }
        double keep = 1.0 - p;
        return Tensor.rand(random, shape).lt(keep).div(keep);
    }

    @Override
    protected String describeSettings() {
        return "p=" + p;
    }
}
