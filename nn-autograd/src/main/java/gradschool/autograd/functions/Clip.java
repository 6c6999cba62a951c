package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Clipping to an interval: {@code y = min(max(x, lo), hi)}.
 *
 * <p>Derivative: {@code 1} where {@code lo <= x <= hi} (the bounds included, as PyTorch's clamp),
 * {@code 0} outside; so {@code dL/dx = g·[lo <= x <= hi]}. Saves that mask. Shape: unchanged.
 */
public final class Clip extends Function {

    private final double min;
    private final double max;
    private Tensor inside;

    /**
     * Makes the op for one interval.
     *
     * @param min the lower bound {@code lo}
     * @param max the upper bound {@code hi}
     */
    public Clip(double min, double max) {
        this.min = min;
        this.max = max;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        Tensor clipped = x[0].clip(min, max);
        inside = x[0].map(v -> v >= min && v <= max ? 1.0 : 0.0);
        return clipped;
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.mul(Variable.constant(inside)));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = min(max(x, lo), hi)", "g ⊙ [lo ≤ x ≤ hi]")
                .withNote("the bounds count as inside, as in PyTorch's clamp");
    }

    @Override
    public String toString() {
        return "Clip(" + min + ", " + max + ")";
    }
}
