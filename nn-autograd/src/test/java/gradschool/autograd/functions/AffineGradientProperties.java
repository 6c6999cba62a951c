package gradschool.autograd.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AffineGradientProperties {

    /** x of shape (lead…, in), possibly a transposed (non-contiguous) view; W (out, in); b (out,). */
    @Property(tries = 40)
    void affineGradientMatchesFiniteDifferences(@ForAll @IntRange(min = 0, max = 2) int leadingDims,
                                                @ForAll @IntRange(min = 1, max = 3) int in,
                                                @ForAll @IntRange(min = 1, max = 3) int out,
                                                @ForAll boolean transposedWeight,
                                                @ForAll boolean withBias,
                                                @ForAll long seed) {
        Random random = new Random(seed);
        int[] dims = new int[leadingDims + 1];
        for (int d = 0; d < leadingDims; d++) {
            dims[d] = 1 + random.nextInt(3);
        }
        dims[leadingDims] = in;
        Tensor x = Tensor.randn(random, dims);
        Tensor w = transposedWeight ? Tensor.randn(random, in, out).transpose() : Tensor.randn(random, out, in);
        Tensor b = Tensor.randn(random, out);
        if (withBias) {
            GradCheck.check(v -> v.get(0).affine(v.get(1), v.get(2)), x, w, b).assertPassed();
            GradCheck.checkSecondOrder(v -> v.get(0).affine(v.get(1), v.get(2)).tanh(), x, w, b).assertPassed();
        } else {
            GradCheck.check(v -> v.get(0).affine(v.get(1), null), x, w).assertPassed();
        }
    }

    @Test
    void equalsMatmulOfTheTransposePlusBiasAndGivesContiguousWeightGradients() {
        Tensor x = Tensor.randn(Shape.of(5, 4), 1);
        Tensor w = Tensor.randn(Shape.of(3, 4), 2);
        Tensor b = Tensor.randn(Shape.of(3), 3);
        Variable weight = Variable.requiringGrad(w);
        Variable y = Variable.of(x).affine(weight, Variable.of(b));
        assertThat(y.value().allClose(x.matmul(w.transpose()).add(b), 0, 1e-14)).isTrue();
        y.sum().backward();
        assertThat(weight.grad().isContiguous()).isTrue();
        assertThat(weight.grad().allClose(Tensor.ones(5, 3).transpose().matmul(x), 0, 1e-12)).isTrue();
    }

    @Test
    void badShapesAreNamed() {
        assertThatThrownBy(() -> Variable.of(Tensor.zeros(2, 4)).affine(Variable.of(Tensor.zeros(3, 5)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("affine: cannot compute x·Wᵀ + b for x (2, 4), W (3, 5) and b none");
        assertThatThrownBy(() -> Variable.of(Tensor.zeros(2, 4))
                .affine(Variable.of(Tensor.zeros(3, 4)), Variable.of(Tensor.zeros(4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b (4,)");
    }
}
