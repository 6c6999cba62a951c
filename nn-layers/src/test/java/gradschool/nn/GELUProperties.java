package gradschool.nn;

import gradschool.autograd.GradCheck;
import gradschool.core.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Both forms of {@link GELU}: first and second derivatives against central differences, at random
 * small shapes (sometimes a transposed, non-contiguous view) with values in [−4, 4].
 */
class GELUProperties {

    private static Tensor input(long seed, int rows, int columns, boolean transposed) {
        Random random = new Random(seed);
        Tensor x = transposed ? Tensor.randn(random, columns, rows).transpose() : Tensor.randn(random, rows, columns);
        return x.mul(1.5).clip(-4, 4);
    }

    @Property(tries = 30, seed = "20261201")
    void gradientsMatchFiniteDifferences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int rows,
                                         @ForAll @IntRange(min = 1, max = 4) int columns, @ForAll boolean transposed) {
        Tensor x = input(seed, rows, columns, transposed);
        for (GELU.Approximate form : GELU.Approximate.values()) {
            GELU gelu = new GELU(form);
            GradCheck.check(xs -> gelu.forward(xs.get(0)), x).assertPassed();
        }
    }

    @Property(tries = 15, seed = "20261201")
    void secondDerivativesMatchFiniteDifferences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int rows,
                                                 @ForAll @IntRange(min = 1, max = 3) int columns,
                                                 @ForAll boolean transposed) {
        Tensor x = input(seed, rows, columns, transposed);
        for (GELU.Approximate form : GELU.Approximate.values()) {
            GELU gelu = new GELU(form);
            GradCheck.checkSecondOrder(xs -> gelu.forward(xs.get(0)), x).assertPassed();
        }
    }
}
