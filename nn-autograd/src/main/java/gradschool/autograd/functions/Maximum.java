package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.core.Tensor;

/**
 * Element-wise maximum with broadcasting: {@code y = max(a, b)}.
 *
 * <p>Derivative: the gradient goes to whichever input is larger; where they tie it is split evenly
 * ({@code g/2} each). So {@code dL/da = g·w}, {@code dL/db = g·(1 - w)} with {@code w = [a > b] + ½[a = b]}.
 * Saves {@code w} (see {@link TieSplittingPair}). Shape: the broadcast of the two.
 */
public final class Maximum extends TieSplittingPair {

    @Override
    Tensor extreme(Tensor a, Tensor b) {
        return a.maximum(b);
    }

    @Override
    Tensor aWins(Tensor a, Tensor b) {
        return a.gt(b);
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.binary("y = max(a, b)", "g ⊙ ([a > b] + ½[a = b])", "g ⊙ ([a < b] + ½[a = b])")
                .withNote("ties split g evenly").broadcasting();
    }
}
