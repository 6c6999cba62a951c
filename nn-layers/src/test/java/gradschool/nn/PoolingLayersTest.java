package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Autograd;
import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pooling layers {@link MaxPool2d}, {@link AvgPool2d} and {@link AdaptiveAvgPool2d}. */
class PoolingLayersTest {

    /** 0 … n·n−1 as a {@code (1, 1, n, n)} tensor: element (r, c) is {@code n·r + c}. */
    private static Tensor ramp(int n) {
        return Tensor.arange(n * n).reshape(1, 1, n, n);
    }

    @Test
    void maxPoolLayerPoolsWithItsDefaults() {
        // stride defaults to the kernel: the 4×4 ramp → max(0,1,4,5) = 5, 7, 13, 15
        Layer pool = new MaxPool2d(2);

        assertThat(pool.forward(Variable.of(ramp(4))).value()).isEqualTo(Tensor.of(new double[][][][] {{{{5, 7}, {13, 15}}}}));
        assertThat(pool.parameterCount()).isZero();
        assertThat(pool.toString()).startsWith("MaxPool2d(kernel=2, stride=2, padding=0)");
        assertThat(new MaxPool2d(3, 1, 1, 2).toString()).startsWith("MaxPool2d(kernel=3, stride=1, padding=1, dilation=2)");
    }

    @Test
    void avgPoolLayerPoolsWithItsDefaults() {
        // (0+1+4+5)/4 = 2.5, (2+3+6+7)/4 = 4.5, (8+9+12+13)/4 = 10.5, (10+11+14+15)/4 = 12.5
        Layer pool = new AvgPool2d(2);

        assertThat(pool.forward(Variable.of(ramp(4))).value())
                .isEqualTo(Tensor.of(new double[][][][] {{{{2.5, 4.5}, {10.5, 12.5}}}}));
        assertThat(new AvgPool2d(3, 1, 1).toString()).startsWith("AvgPool2d(kernel=3, stride=1, padding=1)");
    }

    @Test
    void poolingLayersPassOnTheOpsErrors() {
        assertThatThrownBy(() -> new MaxPool2d(5).forward(Variable.of(Tensor.zeros(1, 1, 3, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPool2d: input 3×3 with kernel 5, stride 5, padding 0 gives an empty output");
    }

    @Test
    void adaptiveToOneByOneIsTheMeanOfEachChannel() {
        Tensor x = Tensor.randn(Shape.of(2, 3, 5, 4), 11);

        Tensor y = new AdaptiveAvgPool2d(1).forward(Variable.of(x)).value();

        assertThat(y.shape()).isEqualTo(Shape.of(2, 3, 1, 1));
        assertThat(y.allClose(x.mean(3, true).mean(2, true), 1e-12, 1e-12)).isTrue();
        assertThat(new AdaptiveAvgPool2d(1).toString()).startsWith("AdaptiveAvgPool2d(output=1×1)");
    }

    @Test
    void adaptiveWindowsFollowPyTorchsStartAndEnd() {
        // 5×5 ramp → 2×2. Rows of cell i: floor(i·5/2) … ceil((i+1)·5/2) − 1, so 0–2 and 2–4 (row 2 in
        // both); columns likewise. The mean of 5r + c over a 3×3 block is 5·(mean row) + (mean column):
        // 5·1 + 1 = 6, 5·1 + 3 = 8, 5·3 + 1 = 16, 5·3 + 3 = 18.
        Variable x = Variable.requiringGrad(ramp(5));
        Variable y = new AdaptiveAvgPool2d(2).forward(x);

        assertThat(y.value().allClose(Tensor.of(new double[][][][] {{{{6, 8}, {16, 18}}}}), 1e-12, 1e-12)).as("%s", y).isTrue();
        // the centre (2, 2) lies in all four 3×3 windows: 4 × 1/9; a corner in one: 1/9
        Tensor gradient = Autograd.grad(y.sum(), List.of(x), false).get(0).value();
        assertThat(gradient.get(0, 0, 2, 2)).isCloseTo(4 / 9.0, within(1e-12));
        assertThat(gradient.get(0, 0, 0, 0)).isCloseTo(1 / 9.0, within(1e-12));
    }

    @Test
    void adaptiveOnAMultipleOfTheOutputIsAnAvgPool() {
        Tensor x = Tensor.randn(Shape.of(3, 6, 6), 12);

        assertThat(new AdaptiveAvgPool2d(3).forward(Variable.of(x)).value())
                .isEqualTo(new AvgPool2d(2).forward(Variable.of(x)).value());
    }

    @Test
    void adaptiveToALargerSizeRepeatsElementsAndHasGradients() {
        // 2×3 → 3×4 (PyTorch allows output larger than input: windows of one or two elements)
        GradCheck.check(xs -> new AdaptiveAvgPool2d(3, 4).forward(xs.get(0)), Tensor.randn(Shape.of(1, 2, 3), 13))
                .assertPassed();
        GradCheck.check(xs -> new AdaptiveAvgPool2d(2, 3).forward(xs.get(0)), Tensor.randn(Shape.of(2, 1, 5, 7), 14))
                .assertPassed();
    }

    @Test
    void adaptiveRejectsBadSizesAndInputs() {
        assertThatThrownBy(() -> new AdaptiveAvgPool2d(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AdaptiveAvgPool2d: output size 0×0 must be at least 1×1");
        assertThatThrownBy(() -> new AdaptiveAvgPool2d(1).forward(Variable.of(Tensor.zeros(4, 4))))
                .hasMessage("AdaptiveAvgPool2d: input of shape (4, 4) must be (N, C, H, W) or (C, H, W)");
    }
}
