package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.core.Tensor;

/**
 * Element-wise minimum with broadcasting: {@code y = min(a, b)}.
 *
 * <p>Derivative: the gradient goes to whichever input is smaller; where they tie it is split evenly
 * ({@code g/2} each). So {@code dL/da = g·w}, {@code dL/db = g·(1 - w)} with {@code w = [a < b] + ½[a = b]}.
 * Saves {@code w} (see {@link TieSplittingPair}). Shape: the broadcast of the two.
 */
public final class Minimum extends TieSplittingPair {

    @Override
    Tensor extreme(Tensor a, Tensor b) {
        return a.minimum(b);
    }

    @Override
    Tensor aWins(Tensor a, Tensor b) {
        return a.lt(b);
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.binary("y = min(a, b)", "g ⊙ ([a < b] + ½[a = b])", "g ⊙ ([a > b] + ½[a = b])")
                .withNote("ties split g evenly").broadcasting();
    }
}
