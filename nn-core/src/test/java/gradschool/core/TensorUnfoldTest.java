package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.kernels.ConvolutionKernels;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Tensor#unfold} and {@link Tensor#fold}: im2col and col2im, worked by hand. */
class TensorUnfoldTest {

    private static final int[] ONE = {1, 1};
    private static final int[] ZERO = {0, 0};

    @Test
    void unfoldPutsEachPaddedWindowInAColumn() {
        Tensor image = Tensor.of(new double[][][][] {{{{1, 2}, {3, 4}}}}); // (1, 1, 2, 2)

        Tensor columns = image.unfold(new int[] {2, 2}, ONE, ONE, ONE);

        // padded 4×4 image with a ring of zeros, 3×3 windows of 2×2; row (i·2 + j) is tap (i, j):
        // tap (0,0) of window (oy, ox) is padded[oy][ox] = x[oy − 1][ox − 1]
        assertThat(columns.shape()).isEqualTo(Shape.of(1, 4, 9));
        assertThat(columns.to3DArray()[0]).isEqualTo(new double[][] {
            {0, 0, 0, 0, 1, 2, 0, 3, 4},
            {0, 0, 0, 1, 2, 0, 3, 4, 0},
            {0, 1, 2, 0, 3, 4, 0, 0, 0},
            {1, 2, 0, 3, 4, 0, 0, 0, 0}});
    }

    @Test
    void unfoldReadsAPermutedViewInPlace() {
        Tensor contiguous = Tensor.randn(Shape.of(2, 3, 5, 4), 1);
        Tensor view = contiguous.permute(0, 1, 3, 2); // (2, 3, 4, 5), not contiguous
        int[] kernel = {3, 2};
        int[] stride = {2, 1};
        int[] dilation = {1, 2};

        Tensor fromView = view.unfold(kernel, stride, ONE, dilation);

        assertThat(view.isContiguous()).isFalse();
        assertThat(fromView).isEqualTo(view.contiguous().unfold(kernel, stride, ONE, dilation));
        Tensor columns = Tensor.randn(fromView.shape(), 2).permute(0, 2, 1).contiguous().permute(0, 2, 1);
        assertThat(columns.fold(new int[] {4, 5}, kernel, stride, ONE, dilation))
                .isEqualTo(columns.contiguous().fold(new int[] {4, 5}, kernel, stride, ONE, dilation));
    }

    @Test
    void foldDropsThePaddingAndSumsOverlaps() {
        // a 1×3 image, kernel 1×2, padding 1 along the width: windows over [0, a, b, c, 0] at 0..3
        Tensor columns = Tensor.of(new double[][][] {{{10, 20, 30, 40}, {1, 2, 3, 4}}}); // tap 0, tap 1

        Tensor image = columns.fold(new int[] {1, 3}, new int[] {1, 2}, ONE, new int[] {0, 1}, ONE);

        // a gets tap 0 of window 1 (20) and tap 1 of window 0 (1): 21; b: 30 + 2 = 32; c: 40 + 3 = 43;
        // tap 0 of window 0 (10) and tap 1 of window 3 (4) sat on the padding and are dropped
        assertThat(image.to4DArray()).isEqualTo(new double[][][][] {{{{21, 32, 43}}}});
    }

    @Test
    void impossibleGeometryIsNamed() {
        assertThatThrownBy(() -> Tensor.zeros(1, 1, 5, 5).unfold(new int[] {3, 3}, ONE, ZERO, new int[] {3, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unfold: input 5×5 with kernel 3×3, stride 1×1, padding 0×0, dilation 3×3"
                        + " gives an empty output (-1×-1)");
        assertThatThrownBy(() -> Tensor.zeros(5, 5).unfold(ONE, ONE, ZERO, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unfold: needs a 4-D input (N, C, H, W), got shape (5, 5)");
        assertThatThrownBy(() -> Tensor.zeros(1, 1, 5, 5).unfold(ONE, new int[] {0, 1}, ZERO, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unfold: the stride must be two numbers (height, width), each >= 1, got [0, 1]");
        assertThatThrownBy(() -> Tensor.zeros(1, 4, 5).fold(new int[] {3, 3}, new int[] {2, 2}, ONE, ZERO, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fold: output size 3×3 with kernel 2×2, stride 1×1, padding 0×0, dilation 1×1 has 2·2 = 4"
                        + " windows, but the input (1, 4, 5) has 5");
        assertThatThrownBy(() -> Tensor.zeros(1, 3, 4).fold(new int[] {3, 3}, new int[] {2, 2}, ONE, ZERO, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of kh·kw = 4, got shape (1, 3, 4)");
    }

    @Test
    void theConvolutionKernelsTakePlainArrays() {
        for (Method method : ConvolutionKernels.class.getDeclaredMethods()) {
            List<Class<?>> types = new ArrayList<>(Arrays.asList(method.getParameterTypes()));
            types.add(method.getReturnType());
            assertThat(types).as(method.getName()).doesNotContain(Tensor.class, Shape.class);
        }
    }
}
