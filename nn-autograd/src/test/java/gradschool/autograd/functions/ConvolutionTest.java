package gradschool.autograd.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Small convolutions worked by hand from PyTorch's documented definition (cross-correlation:
 * {@code y[t] = b + Σ_j w[j]·x[t·stride − padding + j·dilation]}, zeros outside the input), and the
 * errors for impossible geometry.
 */
class ConvolutionTest {

    private static final Tensor SIGNAL = Tensor.of(new double[][][] {{{1, 2, 3, 4, 5}}}); // (1, 1, 5)
    private static final Variable KERNEL = Variable.of(Tensor.of(new double[][][] {{{1, 2, -1}}})); // (1, 1, 3)
    private static final Variable HALF = Variable.of(Tensor.of(new double[] {0.5}));

    @Test
    void conv1dSlidesTheKernelWithoutFlippingIt() {
        Variable y = Variable.of(SIGNAL).conv1d(KERNEL, HALF, 1, 0, 1);

        // t=0: 1·1 + 2·2 − 1·3 + 0.5 = 2.5;  t=1: 1·2 + 2·3 − 4 + 0.5 = 4.5;  t=2: 3 + 8 − 5 + 0.5 = 6.5
        // (a flipped kernel, true convolution, would give −1·1 + 2·2 + 1·3 + 0.5 = 6.5 at t=0 instead)
        assertThat(y.value().to3DArray()).isEqualTo(new double[][][] {{{2.5, 4.5, 6.5}}});
    }

    @Test
    void conv1dWithStridePaddingAndDilation() {
        // stride 2, padding 1: padded [0, 1, 2, 3, 4, 5, 0], Lout = ⌊(5 + 2 − 2 − 1) / 2⌋ + 1 = 3
        // t=0: [0, 1, 2] → 0 + 2 − 2 + 0.5 = 0.5;  t=1: [2, 3, 4] → 2 + 6 − 4 + 0.5 = 4.5;
        // t=2: [4, 5, 0] → 4 + 10 − 0 + 0.5 = 14.5
        assertThat(Variable.of(SIGNAL).conv1d(KERNEL, HALF, 2, 1, 1).value().to3DArray())
                .isEqualTo(new double[][][] {{{0.5, 4.5, 14.5}}});
        // dilation 2: taps x[0], x[2], x[4] = 1, 3, 5; Lout = ⌊(5 − 2·2 − 1) / 1⌋ + 1 = 1; 1 + 6 − 5 + 0.5 = 2.5
        assertThat(Variable.of(SIGNAL).conv1d(KERNEL, HALF, 1, 0, 2).value().to3DArray())
                .isEqualTo(new double[][][] {{{2.5}}});
    }

    private static Variable image() {
        return Variable.requiringGrad(Tensor.of(new double[][][][] {{{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}}})); // (1, 1, 3, 3)
    }

    @Test
    void conv2dOfTwoFiltersWithBias() {
        Variable w = Variable.of(Tensor.of(new double[][][][] {
            {{{1, 2}, {3, 4}}},
            {{{0, 0}, {0, 1}}}})); // (2, 1, 2, 2)
        Variable b = Variable.of(Tensor.of(new double[] {0, 10}));

        Variable y = image().conv2d(w, b, 1, 0, 1);

        // filter 0 at (0,0): 1·1 + 2·2 + 3·4 + 4·5 = 37; (0,1): 2 + 6 + 15 + 24 = 47;
        //          (1,0): 4 + 10 + 21 + 32 = 67;      (1,1): 5 + 12 + 24 + 36 = 77
        // filter 1 picks each window's bottom-right element, plus 10: 5+10, 6+10, 8+10, 9+10
        assertThat(y.value().to4DArray()).isEqualTo(new double[][][][] {{
            {{37, 47}, {67, 77}},
            {{15, 16}, {18, 19}}}});
    }

    @Test
    void conv2dWithPaddingAndStride() {
        Variable w = Variable.of(Tensor.of(new double[][][][] {{{{1, 2}, {3, 4}}}}));

        Variable y = image().conv2d(w, null, 2, 1, 1);

        // padded 5×5 (a ring of zeros), outH = ⌊(3 + 2 − 1 − 1) / 2⌋ + 1 = 2; windows start at padded (0,0), (0,2), (2,0), (2,2):
        // [[0,0],[0,1]] → 4·1 = 4;  [[0,0],[2,3]] → 3·2 + 4·3 = 18;  [[0,4],[0,7]] → 2·4 + 4·7 = 36;  [[5,6],[8,9]] → 77
        assertThat(y.value().to4DArray()).isEqualTo(new double[][][][] {{{{4, 18}, {36, 77}}}});
    }

    @Test
    void conv2dGradientsByHand() {
        Variable x = image();
        Variable w = Variable.requiringGrad(Tensor.of(new double[][][][] {{{{1, 2}, {3, 4}}}}));
        Variable b = Variable.requiringGrad(Tensor.of(new double[] {0}));

        x.conv2d(w, b, 1, 0, 1).sum().backward();

        // dL/dx[i, j] = the sum of the kernel entries that touch x[i, j] (fold of the ones):
        // the corner x[0,0] only meets w[0,0] = 1, the centre meets all four (1 + 2 + 3 + 4 = 10),
        // x[0,1] meets w[0,1] in the first window and w[0,0] in the second: 2 + 1 = 3
        assertThat(x.grad().to4DArray()).isEqualTo(new double[][][][] {{{{1, 3, 2}, {4, 10, 6}, {3, 7, 4}}}});
        // dL/dw[a, b] = the sum of x over the windows' (a, b) entries: w[0,0] sees 1 + 2 + 4 + 5 = 12,
        // w[0,1] 2 + 3 + 5 + 6 = 16, w[1,0] 4 + 5 + 7 + 8 = 24, w[1,1] 5 + 6 + 8 + 9 = 28
        assertThat(w.grad().to4DArray()).isEqualTo(new double[][][][] {{{{12, 16}, {24, 28}}}});
        assertThat(b.grad().to1DArray()).containsExactly(4); // four outputs
    }

    @Test
    void unfoldListsTheWindowsAsColumns() {
        Tensor columns = image().value().unfold(new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1});

        // row (i·kw + j) holds tap (i, j) of each of the 4 windows, windows in row-major order
        assertThat(columns.to3DArray()).isEqualTo(new double[][][] {{
            {1, 2, 4, 5},
            {2, 3, 5, 6},
            {4, 5, 7, 8},
            {5, 6, 8, 9}}});
        // fold adds them back: the centre was in 4 windows, the corners in 1
        assertThat(columns.fold(new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0},
                new int[] {1, 1}).to4DArray()).isEqualTo(new double[][][][] {{{{1, 4, 3}, {8, 20, 12}, {7, 16, 9}}}});
    }

    @Test
    void anEmptyOutputNamesTheGeometry() {
        Variable x = Variable.of(Tensor.zeros(1, 1, 5, 5));
        Variable w = Variable.of(Tensor.zeros(1, 1, 7, 7));

        assertThatThrownBy(() -> x.conv2d(w, null, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("conv2d: input 5×5 with kernel 7×7, stride 1×1, padding 0×0, dilation 1×1"
                        + " gives an empty output (-1×-1)");
        assertThatThrownBy(() -> Variable.of(Tensor.zeros(1, 1, 4)).conv1d(Variable.of(Tensor.zeros(1, 1, 3)), null, 1, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("conv1d: input length 4 with kernel 3, stride 1, padding 0, dilation 2"
                        + " gives an empty output (length 0)");
    }

    @Test
    void aChannelMismatchNamesBothShapes() {
        assertThatThrownBy(() -> Variable.of(Tensor.zeros(2, 3, 5, 5)).conv2d(Variable.of(Tensor.zeros(4, 2, 3, 3)),
                null, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: the input (2, 3, 5, 5) has 3 channels but the weight (4, 2, 3, 3) expects Cin = 2"
                        + " (the weight is (Cout, Cin, kh, kw))");
        assertThatThrownBy(() -> Variable.of(Tensor.zeros(2, 3, 5)).conv1d(Variable.of(Tensor.zeros(4, 3, 3)),
                Variable.of(Tensor.zeros(3)), 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conv1d: the bias must be (Cout,) = (4,) for the weight (4, 3, 3), got shape (3,)");
    }

    @Test
    void badSettingsAndRanksAreNamed() {
        Variable x = Variable.of(Tensor.zeros(1, 1, 5, 5));
        Variable w = Variable.of(Tensor.zeros(1, 1, 3, 3));
        assertThatThrownBy(() -> x.conv2d(w, null, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conv2d: the stride must be");
        assertThatThrownBy(() -> x.conv2d(w, null, 1, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conv2d: the padding must be");
        assertThatThrownBy(() -> Variable.of(Tensor.zeros(5, 5)).conv2d(w, null, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: the input must be 4-D (N, C, H, W), got shape (5, 5)");
        assertThatThrownBy(() -> x.value().unfold(new int[] {7, 7}, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unfold: input 5×5 with kernel 7×7, stride 1×1, padding 0×0, dilation 1×1"
                        + " gives an empty output");
    }
}
