package gradschool.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.Tensor;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast element-wise loops give exactly what the general loop gives ({@code zipWith} and
 * {@code map} have no kernel and serve as the reference), on equal shapes and on bias-like
 * broadcasting, with special values mixed in.
 */
class ElementwiseKernelsProperties {

    private static Tensor values(Random random, int... dims) {
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300};
        Tensor t = Tensor.randn(random, dims);
        double[] data = t.toDoubleArray();
        for (int i = 0; i < data.length; i++) {
            if (random.nextInt(8) == 0) {
                data[i] = special[random.nextInt(special.length)];
            }
        }
        return Tensor.of(t.shape(), data);
    }

    private static void sameAsReference(BinaryOperator<Tensor> fast, DoubleBinaryOperator reference, Tensor a, Tensor b) {
        assertThat(fast.apply(a, b)).isEqualTo(a.zipWith(b, reference));
    }

    @Property(tries = 80)
    void binaryKernelsEqualTheGeneralLoop(@ForAll @IntRange(min = 0, max = 5) int rows,
                                          @ForAll @IntRange(min = 1, max = 7) int cols,
                                          @ForAll @IntRange(min = 0, max = 2) int otherShape,
                                          @ForAll long seed) {
        Random random = new Random(seed);
        Tensor a = values(random, 2, rows, cols);
        Tensor b = otherShape == 0 ? values(random, 2, rows, cols)      // equal shapes
                : otherShape == 1 ? values(random, cols)                // a bias: (cols,)
                : values(random, 1, rows, cols);                        // leading 1s
        sameAsReference(Tensor::add, Double::sum, a, b);
        sameAsReference(Tensor::sub, (x, y) -> x - y, a, b);
        sameAsReference(Tensor::mul, (x, y) -> x * y, a, b);
        sameAsReference(Tensor::div, (x, y) -> x / y, a, b);
        sameAsReference(Tensor::maximum, Math::max, a, b);
        sameAsReference(Tensor::minimum, Math::min, a, b);
        if (otherShape == 1) {
            sameAsReference((x, y) -> y.add(x), (x, y) -> y + x, a, b); // the small operand first: no row loop
        }
    }

    @Property(tries = 40)
    void unaryKernelsEqualTheGeneralLoop(@ForAll @IntRange(min = 0, max = 30) int n, @ForAll long seed) {
        Random random = new Random(seed);
        Tensor a = values(random, n);
        assertThat(a.relu()).isEqualTo(a.map(x -> Math.max(x, 0.0)));
        assertThat(a.gt(0.25)).isEqualTo(a.map(x -> x > 0.25 ? 1.0 : 0.0));
        assertThat(a.mul(-1.5)).isEqualTo(a.map(x -> x * -1.5));
    }
}
