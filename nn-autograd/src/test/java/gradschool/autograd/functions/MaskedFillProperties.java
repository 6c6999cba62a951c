package gradschool.autograd.functions;

import gradschool.autograd.GradCheck;
import gradschool.core.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Variable.maskedFill's first and second derivatives on random shapes with broadcast masks. */
class MaskedFillProperties {

    @Property(tries = 40, seed = "12002")
    void gradientMatchesCentralDifferencesForRandomShapesAndMasks(@ForAll @IntRange(min = 1, max = 3) int rank,
                                                                  @ForAll long seed) {
        Random random = new Random(seed);
        int[] dims = new int[rank];
        int[] maskDims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = 1 + random.nextInt(3);
            maskDims[d] = random.nextBoolean() ? 1 : dims[d];      // the mask broadcasts along some dimensions
        }
        Tensor mask = Tensor.rand(random, maskDims).lt(0.5);
        double fill = random.nextGaussian();
        GradCheck.check(xs -> xs.get(0).maskedFill(mask, fill).pow(2), Tensor.randn(random, dims)).assertPassed();
        GradCheck.checkSecondOrder(xs -> xs.get(0).maskedFill(mask, fill).pow(3), Tensor.randn(random, dims)).assertPassed();
    }
}
