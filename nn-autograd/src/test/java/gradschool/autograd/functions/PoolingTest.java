package gradschool.autograd.functions;

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

/**
 * {@link MaxPool2d} and {@link AvgPool2d} on small cases worked by hand from PyTorch's definitions of
 * {@code max_pool2d} and {@code avg_pool2d} (arithmetic in the comments), the tie rule, and the errors
 * for impossible geometry.
 */
class PoolingTest {

    /** 0 … n·n−1 as a {@code (1, 1, n, n)} tensor: element (r, c) is {@code n·r + c}. */
    private static Tensor ramp(int n) {
        return Tensor.arange(n * n).reshape(1, 1, n, n);
    }

    private static Tensor gradientOfSum(Tensor x, java.util.function.UnaryOperator<Variable> f) {
        Variable input = Variable.requiringGrad(x);
        return Autograd.grad(f.apply(input).sum(), List.of(input), false).get(0).value();
    }

    @Test
    void maxPoolTakesTheLargestOfEachWindow() {
        // [[ 0  1  2  3]      windows 2×2, stride 2:  max(0,1,4,5) = 5    max(2,3,6,7) = 7
        //  [ 4  5  6  7]                              max(8,9,12,13) = 13 max(10,11,14,15) = 15
        //  [ 8  9 10 11]
        //  [12 13 14 15]]
        Variable y = Variable.of(ramp(4)).maxPool2d(2);

        assertThat(y.value()).isEqualTo(Tensor.of(new double[][][][] {{{{5, 7}, {13, 15}}}}));
        // each window's gradient 1 goes to its maximum
        assertThat(gradientOfSum(ramp(4), x -> x.maxPool2d(2)).reshape(4, 4)).isEqualTo(Tensor.of(new double[][] {
            {0, 0, 0, 0}, {0, 1, 0, 1}, {0, 0, 0, 0}, {0, 1, 0, 1}}));
    }

    @Test
    void theOutputSizeRoundsDownSoTheLastRowAndColumnAreDropped() {
        // 5×5, kernel 2, stride 2: floor((5 − 2) / 2) + 1 = 2; rows and column 4 are in no window.
        // max(0,1,5,6) = 6, max(2,3,7,8) = 8, max(10,11,15,16) = 16, max(12,13,17,18) = 18
        assertThat(Variable.of(ramp(5)).maxPool2d(2).value())
                .isEqualTo(Tensor.of(new double[][][][] {{{{6, 8}, {16, 18}}}}));
    }

    @Test
    void maxPoolPadsWithMinusInfinitySoNegativeInputsWin() {
        // x = [[-1 -2]  kernel 3, stride 1, padding 1: floor((2 + 2 − 3) / 1) + 1 = 2 per axis. Every
        //      [-3 -4]] window covers all four elements plus padding; padding is −∞, so the max is −1
        // (zero padding would wrongly give 0). All four windows send their gradient to (0, 0): 4.
        Tensor x = Tensor.of(new double[][][] {{{-1, -2}, {-3, -4}}});

        assertThat(Variable.of(x).maxPool2d(3, 1, 1).value()).isEqualTo(Tensor.of(new double[][][] {{{-1, -1}, {-1, -1}}}));
        assertThat(gradientOfSum(x, v -> v.maxPool2d(3, 1, 1))).isEqualTo(Tensor.of(new double[][][] {{{4, 0}, {0, 0}}}));
    }

    @Test
    void overlappingWindowsThatShareAMaximumAddTheirGradients() {
        // x = [[1 3 2]  kernel 2, stride 1: windows {1,3,0,0} → 3 and {3,2,0,0} → 3, both at (0, 1)
        //      [0 0 0]]
        Tensor x = Tensor.of(new double[][][][] {{{{1, 3, 2}, {0, 0, 0}}}});

        assertThat(Variable.of(x).maxPool2d(2, 1, 0).value()).isEqualTo(Tensor.of(new double[][][][] {{{{3, 3}}}}));
        assertThat(gradientOfSum(x, v -> v.maxPool2d(2, 1, 0)).reshape(2, 3))
                .isEqualTo(Tensor.of(new double[][] {{0, 2, 0}, {0, 0, 0}}));
    }

    @Test
    void dilationSpreadsTheWindow() {
        // 3×3 ramp, kernel 2, dilation 2, stride 1: floor((3 − 2·1 − 1) / 1) + 1 = 1 window, reading
        // (0,0) (0,2) (2,0) (2,2) = 0, 2, 6, 8 → 8
        assertThat(Variable.of(ramp(3)).maxPool2d(2, 1, 0, 2).value().item()).isEqualTo(8.0);
    }

    @Test
    void aTieSendsTheWholeGradientToTheFirstMaximumInRowMajorOrder() {
        // PyTorch's rule: the window [[0 2] [2 1]] has its maximum 2 at (0, 1) and (1, 0); (0, 1) comes
        // first in row-major order and gets all of the gradient.
        Tensor x = Tensor.of(new double[][][] {{{0, 2}, {2, 1}}});
        assertThat(gradientOfSum(x, v -> v.maxPool2d(2))).isEqualTo(Tensor.of(new double[][][] {{{0, 1}, {0, 0}}}));

        // All four equal: (0, 0) gets 1 — whereas the max reduction splits the tie, ¼ each.
        Tensor flat = Tensor.ones(1, 2, 2);
        assertThat(gradientOfSum(flat, v -> v.maxPool2d(2))).isEqualTo(Tensor.of(new double[][][] {{{1, 0}, {0, 0}}}));
        assertThat(gradientOfSum(flat, Variable::max)).isEqualTo(Tensor.full(Shape.of(1, 2, 2), 0.25));
    }

    @Test
    void aNanInAWindowIsItsMaximum() {
        Tensor x = Tensor.of(new double[][][] {{{0, Double.NaN}, {5, 1}}});

        assertThat(Variable.of(x).maxPool2d(2).value().item()).isNaN();
    }

    @Test
    void avgPoolAveragesEachWindow() {
        // the 4×4 ramp: (0+1+4+5)/4 = 2.5, (2+3+6+7)/4 = 4.5, (8+9+12+13)/4 = 10.5, (10+11+14+15)/4 = 12.5
        assertThat(Variable.of(ramp(4)).avgPool2d(2).value())
                .isEqualTo(Tensor.of(new double[][][][] {{{{2.5, 4.5}, {10.5, 12.5}}}}));
        // each element is in one window and gets 1/4 of its gradient
        assertThat(gradientOfSum(ramp(4), x -> x.avgPool2d(2))).isEqualTo(Tensor.full(Shape.of(1, 1, 4, 4), 0.25));
    }

    @Test
    void avgPoolCountsThePaddingInTheDivisor() {
        // PyTorch's count_include_pad = True: a 3×3 window on 3×3 ones with padding 1 always divides by 9.
        // Corner windows hold 4 ones → 4/9, edge windows 6 → 6/9, the centre 9 → 1.
        Tensor y = Variable.of(Tensor.ones(1, 1, 3, 3)).avgPool2d(3, 1, 1).value();

        double[][] expected = {{4 / 9.0, 6 / 9.0, 4 / 9.0}, {6 / 9.0, 1, 6 / 9.0}, {4 / 9.0, 6 / 9.0, 4 / 9.0}};
        assertThat(y.allClose(Tensor.of(expected).reshape(1, 1, 3, 3), 1e-15, 1e-15)).as("%s", y).isTrue();
        // the backward: element (0, 0) lies in the windows centred on (0,0) (0,1) (1,0) (1,1): 4 × 1/9
        assertThat(gradientOfSum(Tensor.ones(1, 1, 3, 3), x -> x.avgPool2d(3, 1, 1)).get(0, 0, 0, 0))
                .isCloseTo(4 / 9.0, within(1e-15));
    }

    @Test
    void avgPoolHasSecondDerivatives() {
        // L = avgPool(x)², x 2×2, one window: L = (Σx/4)², dL/dx_i = 2·(Σx/4)/4, d²L/dx_i dx_j = 2/16 = 0.125
        // (the row of the Hessian for x_00)
        Variable x = Variable.requiringGrad(Tensor.of(new double[][][] {{{1, 2}, {3, 4}}}));
        Variable gradient = Autograd.grad(x.avgPool2d(2).pow(2).sum(), List.of(x), true).get(0);
        Variable second = Autograd.grad(gradient.select(0, 0).select(0, 0).select(0, 0), List.of(x), false).get(0);

        assertThat(gradient.value().get(0, 0, 0)).isCloseTo(2 * 2.5 / 4, within(1e-12));
        assertThat(second.value()).isEqualTo(Tensor.full(Shape.of(1, 2, 2), 0.125));
        GradCheck.checkSecondOrder(xs -> xs.get(0).avgPool2d(2, 1, 1).pow(2), Tensor.randn(Shape.of(2, 3, 3), 3)).assertPassed();
    }

    @Test
    void maxPoolsGradientIsLinearInTheIncomingGradient() {
        // d/dx of Σ v ⊙ (dL/dx) for L = Σ maxPool(x)²: 2·v at each window's maximum, 0 elsewhere.
        Variable x = Variable.requiringGrad(Tensor.of(new double[][][] {{{1, 4}, {3, 2}}}));
        Variable gradient = Autograd.grad(x.maxPool2d(2).pow(2).sum(), List.of(x), true).get(0);
        assertThat(gradient.value()).isEqualTo(Tensor.of(new double[][][] {{{0, 8}, {0, 0}}}));

        Variable second = Autograd.grad(gradient.sum(), List.of(x), false).get(0);
        assertThat(second.value()).isEqualTo(Tensor.of(new double[][][] {{{0, 2}, {0, 0}}}));
    }

    @Test
    void aWindowLargerThanTheInputIsRejectedWithTheGeometry() {
        Variable x = Variable.of(Tensor.zeros(1, 1, 3, 3));

        assertThatThrownBy(() -> x.maxPool2d(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxPool2d: input 3×3 with kernel 5, stride 5, padding 0 gives an empty output");
        assertThatThrownBy(() -> x.avgPool2d(4, 1, 0))
                .hasMessageStartingWith("avgPool2d: input 3×3 with kernel 4, stride 1, padding 0 gives an empty output");
        assertThatThrownBy(() -> x.maxPool2d(2, 1, 0, 3))
                .hasMessageStartingWith("maxPool2d: input 3×3 with kernel 2, stride 1, padding 0, dilation 3 gives an empty output");
    }

    @Test
    void paddingAboveHalfTheKernelIsRejectedAsInPyTorch() {
        Variable x = Variable.of(Tensor.zeros(1, 1, 4, 4));

        assertThatThrownBy(() -> x.maxPool2d(2, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxPool2d: padding 2 with kernel 2 must be between 0 and kernel/2 = 1");
        assertThatThrownBy(() -> x.avgPool2d(3, 1, -1)).hasMessageStartingWith("avgPool2d: padding -1 with kernel 3");
    }

    @Test
    void otherBadGeometryIsRejected() {
        assertThatThrownBy(() -> Variable.of(Tensor.zeros(4, 4)).maxPool2d(2))
                .hasMessageStartingWith("maxPool2d: input of shape (4, 4) must be (N, C, H, W) or (C, H, W)");
        assertThatThrownBy(() -> Variable.of(Tensor.zeros(1, 4, 4)).avgPool2d(0))
                .hasMessageStartingWith("avgPool2d: kernel 0, stride 0 and dilation 1 must each be at least 1");
        // 1×1 input, kernel 2, padding 1, dilation 2: the only window reads positions −1 and 1, both padding
        assertThatThrownBy(() -> Variable.of(Tensor.zeros(1, 1, 1)).maxPool2d(2, 1, 1, 2))
                .hasMessageStartingWith("maxPool2d: input 1×1 with kernel 2, stride 1, padding 1, dilation 2: "
                        + "the window of output row 0 lies wholly in the padding");
    }

    @Test
    void threeDimensionalInputsArePooledPerChannel() {
        Tensor x = Tensor.arange(32).reshape(2, 4, 4); // channel 1 is channel 0 plus 16

        assertThat(Variable.of(x).maxPool2d(2).value())
                .isEqualTo(Tensor.of(new double[][][] {{{5, 7}, {13, 15}}, {{21, 23}, {29, 31}}}));
    }

    @Test
    void theOpsPrintTheirGeometry() {
        assertThat(new MaxPool2d(2, 2, 0, 1)).hasToString("MaxPool2d(kernel=2, stride=2, padding=0, dilation=1)");
        assertThat(new AvgPool2d(3, 1, 1)).hasToString("AvgPool2d(kernel=3, stride=1, padding=1)");
        assertThat(new MaxPool2d(2, 2, 0, 1).derivativeRule().note()).contains("first maximum");
    }
}
