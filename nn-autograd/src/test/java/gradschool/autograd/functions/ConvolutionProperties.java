package gradschool.autograd.functions;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code conv1d}/{@code conv2d} (unfold + matmul) against the direct nested loops of
 * {@link ConvolutionReference}, and their gradients against central differences, over random shapes,
 * strides, paddings and dilations — kernels larger than the stride (overlapping windows, where
 * {@code Fold} must add), strides that drop the last columns, and non-contiguous (permuted) inputs.
 */
class ConvolutionProperties {

    /** One random convolution problem; {@code transposed} makes x and w non-contiguous views. */
    record Geometry(int batch, int channels, int outChannels, int height, int width, int kh, int kw,
                    int[] stride, int[] padding, int[] dilation) {

        static Geometry random(Random random, int maxSize) {
            int kh = 1 + random.nextInt(3);
            int kw = 1 + random.nextInt(3);
            return new Geometry(1 + random.nextInt(2), 1 + random.nextInt(2), 1 + random.nextInt(2),
                    1 + random.nextInt(maxSize), 1 + random.nextInt(maxSize), kh, kw,
                    new int[] {1 + random.nextInt(3), 1 + random.nextInt(3)},
                    new int[] {random.nextInt(3), random.nextInt(2)},
                    new int[] {1 + random.nextInt(2), 1 + random.nextInt(2)});
        }

        int outH() {
            return Math.floorDiv(height + 2 * padding[0] - dilation[0] * (kh - 1) - 1, stride[0]) + 1;
        }

        int outW() {
            return Math.floorDiv(width + 2 * padding[1] - dilation[1] * (kw - 1) - 1, stride[1]) + 1;
        }

        /** x (N, C, H, W), made as a permuted view when asked. */
        Tensor input(Random random, boolean nonContiguous) {
            return nonContiguous
                    ? Tensor.randn(random, width, channels, height, batch).permute(3, 1, 2, 0)
                    : Tensor.randn(random, batch, channels, height, width);
        }

        /** w (Cout, Cin, kh, kw), made as a permuted view when asked. */
        Tensor weight(Random random, boolean nonContiguous) {
            return nonContiguous
                    ? Tensor.randn(random, channels, outChannels, kh, kw).permute(1, 0, 2, 3)
                    : Tensor.randn(random, outChannels, channels, kh, kw);
        }
    }

    @Property(tries = 200, seed = "20261101")
    void conv2dMatchesTheNestedLoops(@ForAll long seed, @ForAll boolean nonContiguous, @ForAll boolean withBias) {
        Random random = new Random(seed);
        Geometry g = Geometry.random(random, 7);
        Assume.that(g.outH() >= 1 && g.outW() >= 1);
        Tensor x = g.input(random, nonContiguous);
        Tensor w = g.weight(random, nonContiguous);
        Tensor b = withBias ? Tensor.randn(random, g.outChannels()) : null;

        Tensor fast = Variable.of(x).conv2d(Variable.of(w), b == null ? null : Variable.of(b),
                g.stride(), g.padding(), g.dilation()).value();

        Tensor expected = ConvolutionReference.conv2d(x, w, b, g.stride(), g.padding(), g.dilation());
        assertThat(fast.shape()).isEqualTo(expected.shape());
        assertThat(fast.allClose(expected, 1e-12, 1e-12)).as("%s\nfast %s\nloops %s", g, fast, expected).isTrue();
    }

    @Property(tries = 200, seed = "20261102")
    void conv1dMatchesTheNestedLoops(@ForAll @IntRange(min = 1, max = 9) int length,
                                     @ForAll @IntRange(min = 1, max = 4) int kernel,
                                     @ForAll @IntRange(min = 1, max = 3) int stride,
                                     @ForAll @IntRange(min = 0, max = 2) int padding,
                                     @ForAll @IntRange(min = 1, max = 2) int dilation,
                                     @ForAll boolean nonContiguous, @ForAll long seed) {
        Assume.that(length + 2 * padding - dilation * (kernel - 1) - 1 >= 0);
        Random random = new Random(seed);
        Tensor x = nonContiguous ? Tensor.randn(random, length, 2, 2).permute(2, 1, 0) : Tensor.randn(random, 2, 2, length);
        Tensor w = Tensor.randn(random, 3, 2, kernel);
        Tensor b = Tensor.randn(random, 3);

        Tensor fast = Variable.of(x).conv1d(Variable.of(w), Variable.of(b), stride, padding, dilation).value();

        Tensor expected = ConvolutionReference.conv1d(x, w, b, stride, padding, dilation);
        assertThat(fast.shape()).isEqualTo(expected.shape());
        assertThat(fast.allClose(expected, 1e-12, 1e-12)).isTrue();
    }

    @Property(tries = 40, seed = "20261103")
    void conv2dGradientsMatchFiniteDifferences(@ForAll long seed, @ForAll boolean nonContiguous) {
        Random random = new Random(seed);
        Geometry g = Geometry.random(random, 5);
        Assume.that(g.outH() >= 1 && g.outW() >= 1);
        Tensor x = g.input(random, nonContiguous);
        Tensor w = g.weight(random, nonContiguous);
        Tensor b = Tensor.randn(random, g.outChannels());

        GradCheck.check(v -> v.get(0).conv2d(v.get(1), v.get(2), g.stride(), g.padding(), g.dilation()), x, w, b)
                .assertPassed();
    }

    @Property(tries = 40, seed = "20261104")
    void conv1dGradientsMatchFiniteDifferences(@ForAll @IntRange(min = 1, max = 6) int length,
                                               @ForAll @IntRange(min = 1, max = 3) int kernel,
                                               @ForAll @IntRange(min = 1, max = 3) int stride,
                                               @ForAll @IntRange(min = 0, max = 2) int padding,
                                               @ForAll @IntRange(min = 1, max = 2) int dilation,
                                               @ForAll long seed) {
        Assume.that(length + 2 * padding - dilation * (kernel - 1) - 1 >= 0);
        Random random = new Random(seed);
        Tensor x = Tensor.randn(random, length, 2, 1).permute(2, 1, 0); // non-contiguous (1, 2, length)
        Tensor w = Tensor.randn(random, 2, 2, kernel);
        Tensor b = Tensor.randn(random, 2);

        GradCheck.check(v -> v.get(0).conv1d(v.get(1), v.get(2), stride, padding, dilation), x, w, b).assertPassed();
    }

    /**
     * Convolution is bilinear in (x, w): its second derivatives are the cross terms d²y/dx dw, which a
     * recorded backward pass gets by differentiating Fold (unfold's adjoint) and the matmul rules.
     */
    @Property(tries = 20, seed = "20261105")
    void conv2dSecondDerivativesMatchFiniteDifferences(@ForAll long seed, @ForAll boolean nonContiguous) {
        Random random = new Random(seed);
        Geometry g = Geometry.random(random, 4);
        Assume.that(g.outH() >= 1 && g.outW() >= 1);
        Tensor x = g.input(random, nonContiguous);
        Tensor w = g.weight(random, nonContiguous);
        Tensor b = Tensor.randn(random, g.outChannels());

        GradCheck.checkSecondOrder(v -> v.get(0).conv2d(v.get(1), v.get(2), g.stride(), g.padding(), g.dilation()),
                x, w, b).assertPassed();
        GradCheck.checkSecondOrder(v -> v.get(0).conv2d(v.get(1), v.get(2), g.stride(), g.padding(), g.dilation())
                .tanh(), x, w, b).assertPassed();
    }

    /** Fold is unfold's adjoint: ⟨unfold(x), c⟩ = ⟨x, fold(c)⟩ for every x and c. */
    @Property(tries = 100, seed = "20261106")
    void foldIsTheAdjointOfUnfold(@ForAll long seed, @ForAll boolean nonContiguous) {
        Random random = new Random(seed);
        Geometry g = Geometry.random(random, 7);
        Assume.that(g.outH() >= 1 && g.outW() >= 1);
        int[] kernel = {g.kh(), g.kw()};
        Tensor x = g.input(random, nonContiguous);
        Tensor columns = Tensor.randn(random, g.batch(), g.channels() * g.kh() * g.kw(), g.outH() * g.outW());

        double left = x.unfold(kernel, g.stride(), g.padding(), g.dilation()).mul(columns).sum().item();
        double right = x.mul(columns.fold(new int[] {g.height(), g.width()}, kernel, g.stride(), g.padding(),
                g.dilation())).sum().item();

        assertThat(left).isCloseTo(right, org.assertj.core.api.Assertions.within(1e-10 * (1 + Math.abs(left))));
    }

    @Property(tries = 30, seed = "20261107")
    void unfoldAndFoldGradientsMatchFiniteDifferences(@ForAll long seed) {
        Random random = new Random(seed);
        Geometry g = Geometry.random(random, 5);
        Assume.that(g.outH() >= 1 && g.outW() >= 1);
        int[] kernel = {g.kh(), g.kw()};
        int[] size = {g.height(), g.width()};
        Tensor x = g.input(random, true);
        Tensor columns = Tensor.randn(random, g.batch(), g.channels() * g.kh() * g.kw(), g.outH() * g.outW());

        GradCheck.check(v -> v.get(0).unfold(kernel, g.stride(), g.padding(), g.dilation()).pow(2), x).assertPassed();
        GradCheck.check(v -> v.get(0).fold(size, kernel, g.stride(), g.padding(), g.dilation()).pow(2), columns)
                .assertPassed();
        GradCheck.checkSecondOrder(v -> v.get(0).unfold(kernel, g.stride(), g.padding(), g.dilation()).pow(2), x)
                .assertPassed();
        GradCheck.checkSecondOrder(v -> v.get(0).fold(size, kernel, g.stride(), g.padding(), g.dilation()).pow(2),
                columns).assertPassed();
    }
}
