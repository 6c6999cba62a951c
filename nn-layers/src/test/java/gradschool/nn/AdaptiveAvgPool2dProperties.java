package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link AdaptiveAvgPool2d} against a direct loop over PyTorch's windows
 * ({@code floor(i·H/out) … ceil((i+1)·H/out) − 1}), over random input and output sizes, smaller,
 * equal and larger, including transposed (non-contiguous) inputs.
 */
class AdaptiveAvgPool2dProperties {

    @Property(tries = 60, seed = "1110")
    void matchesTheLoopOverPyTorchsWindows(@ForAll @IntRange(min = 1, max = 6) int height,
                                           @ForAll @IntRange(min = 1, max = 6) int width,
                                           @ForAll @IntRange(min = 1, max = 4) int outHeight,
                                           @ForAll @IntRange(min = 1, max = 4) int outWidth,
                                           @ForAll boolean transposed,
                                           @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Tensor x = transposed
                ? Tensor.randn(Shape.of(2, width, height), seed).transpose(1, 2)
                : Tensor.randn(Shape.of(2, height, width), seed);

        Tensor y = new AdaptiveAvgPool2d(outHeight, outWidth).forward(Variable.of(x)).value();

        assertThat(y.shape()).isEqualTo(Shape.of(2, outHeight, outWidth));
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < outHeight; i++) {
                for (int j = 0; j < outWidth; j++) {
                    int rowStart = (int) Math.floor((double) i * height / outHeight);
                    int rowEnd = (int) Math.ceil((double) (i + 1) * height / outHeight);
                    int columnStart = (int) Math.floor((double) j * width / outWidth);
                    int columnEnd = (int) Math.ceil((double) (j + 1) * width / outWidth);
                    double sum = 0;
                    for (int r = rowStart; r < rowEnd; r++) {
                        for (int col = columnStart; col < columnEnd; col++) {
                            sum += x.get(c, r, col);
                        }
                    }
                    double mean = sum / ((rowEnd - rowStart) * (columnEnd - columnStart));
                    assertThat(y.get(c, i, j)).as("cell (%d, %d, %d) of %s", c, i, j, y).isCloseTo(mean, within(1e-12));
                }
            }
        }
    }
}
