package gradschool.autograd.functions;

import static gradschool.autograd.VariableArbitraries.any;
import static gradschool.autograd.VariableArbitraries.distinct;
import static gradschool.autograd.VariableArbitraries.onGrid;
import static gradschool.autograd.VariableArbitraries.tensors;
import static gradschool.autograd.VariableArbitraries.views;
import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.Autograd;
import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.testing.TensorArbitraries.Values;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link MaxPool2d} and {@link AvgPool2d} against the nested loops of {@link PoolingReference} and
 * against central differences, over random small shapes ({@code (N, C, H, W)} and {@code (C, H, W)}),
 * kernels, strides (smaller and larger than the kernel), paddings, dilations and layouts (views
 * included), with the sizes that drop the last rows or columns among them.
 *
 * <p>Max-pool's finite-difference checks get distinct values: at a tie max pooling is not
 * differentiable. Its tie rule is checked on values drawn from a coarse grid (many ties) against the
 * reference's "first maximum in row-major window order".
 */
class PoolingGradientProperties {

    private static final int TRIES = 60;

    /** A window geometry that gives a non-empty output for the spatial size {@code height × width}. */
    record Geometry(int batch, int channels, int height, int width, int kernel, int stride, int padding, int dilation) {

        boolean fits() {
            return padding <= kernel / 2
                    && PoolingReference.outputSize(height, kernel, stride, padding, dilation) > 0
                    && PoolingReference.outputSize(width, kernel, stride, padding, dilation) > 0
                    && PoolingReference.everyWindowReadsTheInput(height, kernel, stride, padding, dilation)
                    && PoolingReference.everyWindowReadsTheInput(width, kernel, stride, padding, dilation);
        }
    }

    /** An input and the geometry to pool it with; {@code x} is of rank 4, or 3 when {@code batch} is 0. */
    record Case(Tensor x, Geometry g) {

        Variable maxPool(Variable input) {
            return input.maxPool2d(g.kernel(), g.stride(), g.padding(), g.dilation());
        }

        Variable avgPool(Variable input) {
            return input.avgPool2d(g.kernel(), g.stride(), g.padding());
        }

        /** {@code x} as {@code (N, C, H, W)}: unchanged, or with a batch of one in front. */
        Tensor batched(Tensor t) {
            return t.rank() == 4 ? t : t.unsqueeze(0);
        }

        /** Undoes {@link #batched} on a result. */
        Tensor unbatched(Tensor t) {
            return x.rank() == 4 ? t : t.squeeze(0);
        }

        Shape pooledShape() {
            int outH = PoolingReference.outputSize(g.height(), g.kernel(), g.stride(), g.padding(), g.dilation());
            int outW = PoolingReference.outputSize(g.width(), g.kernel(), g.stride(), g.padding(), g.dilation());
            return x.rank() == 4 ? Shape.of(g.batch(), g.channels(), outH, outW) : Shape.of(g.channels(), outH, outW);
        }

        @Override
        public String toString() {
            return "x " + x.shape() + (x.isContiguous() ? "" : " (a view)") + " = " + x + ", " + g;
        }
    }

    private static Arbitrary<Geometry> geometries(boolean dilated) {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 6),
                        Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, dilated ? 2 : 1))
                .as(Geometry::new)
                .filter(Geometry::fits);
    }

    private static Arbitrary<Case> cases(boolean dilated, Values values, boolean onlyViews) {
        return geometries(dilated).flatMap(g -> {
            Shape shape = g.batch() == 0 ? Shape.of(g.channels(), g.height(), g.width())
                    : Shape.of(g.batch(), g.channels(), g.height(), g.width());
            return (onlyViews ? views(shape, values) : tensors(shape, values)).map(x -> new Case(x, g));
        });
    }

    @Provide
    Arbitrary<Case> anyMaxCases() {
        return cases(true, any(), false);
    }

    @Provide
    Arbitrary<Case> viewMaxCases() {
        return cases(true, any(), true);
    }

    @Provide
    Arbitrary<Case> tiedMaxCases() {
        return cases(true, onGrid(-1, 1, 0.5, 0), false);
    }

    @Provide
    Arbitrary<Case> distinctMaxCases() {
        return cases(true, distinct(-2, 2), false);
    }

    @Provide
    Arbitrary<Case> anyAvgCases() {
        return cases(false, any(), false);
    }

    @Provide
    Arbitrary<Case> viewAvgCases() {
        return cases(false, any(), true);
    }

    @Property(tries = TRIES, seed = "1101")
    void maxPoolMatchesTheNestedLoops(@ForAll("anyMaxCases") Case c) {
        Geometry g = c.g();
        Tensor expected = c.unbatched(PoolingReference.maxPool(c.batched(c.x()), g.kernel(), g.stride(), g.padding(), g.dilation()));

        Tensor actual = c.maxPool(Variable.of(c.x())).value();

        assertThat(actual.shape()).isEqualTo(c.pooledShape());
        assertThat(actual.allClose(expected, 0, 0)).as("%s gives %s, expected %s", c, actual, expected).isTrue();
    }

    @Property(tries = TRIES, seed = "1102")
    void maxPoolReadsViewsAsTheirValues(@ForAll("viewMaxCases") Case c) {
        Geometry g = c.g();
        Tensor actual = c.maxPool(Variable.of(c.x())).value();
        Tensor ofCopy = c.maxPool(Variable.of(c.x().copy())).value();

        assertThat(actual.allClose(ofCopy, 0, 0)).as("%s", c).isTrue();
        assertThat(ofCopy.allClose(c.unbatched(PoolingReference.maxPool(c.batched(c.x()), g.kernel(), g.stride(),
                g.padding(), g.dilation())), 0, 0)).isTrue();
    }

    @Property(tries = TRIES, seed = "1103")
    void avgPoolMatchesTheNestedLoops(@ForAll("anyAvgCases") Case c) {
        Geometry g = c.g();
        Tensor expected = c.unbatched(PoolingReference.avgPool(c.batched(c.x()), g.kernel(), g.stride(), g.padding()));

        Tensor actual = c.avgPool(Variable.of(c.x())).value();

        assertThat(actual.shape()).isEqualTo(c.pooledShape());
        assertThat(actual.allClose(expected, 1e-12, 1e-12)).as("%s gives %s, expected %s", c, actual, expected).isTrue();
    }

    @Property(tries = TRIES, seed = "1104")
    void avgPoolReadsViewsAsTheirValues(@ForAll("viewAvgCases") Case c) {
        Tensor actual = c.avgPool(Variable.of(c.x())).value();
        Tensor ofCopy = c.avgPool(Variable.of(c.x().copy())).value();

        assertThat(actual.allClose(ofCopy, 0, 0)).as("%s", c).isTrue();
    }

    /** With many ties, each window's gradient lands wholly on its first maximum in row-major window order. */
    @Property(tries = TRIES, seed = "1105")
    void maxPoolGradientGoesToTheFirstMaximum(@ForAll("tiedMaxCases") Case c) {
        Geometry g = c.g();
        Tensor weights = Tensor.randn(c.pooledShape(), 7);
        Variable x = Variable.requiringGrad(c.x());

        Tensor gradient = Autograd.grad(c.maxPool(x).mul(Variable.constant(weights)).sum(), List.of(x), false).get(0).value();

        Tensor expected = c.unbatched(PoolingReference.maxPoolGradient(c.batched(c.x()), c.batched(weights), g.kernel(),
                g.stride(), g.padding(), g.dilation()));
        assertThat(gradient.allClose(expected, 1e-12, 1e-12)).as("%s: gradient %s, expected %s", c, gradient, expected).isTrue();
    }

    @Property(tries = TRIES, seed = "1106")
    void maxPoolGradient(@ForAll("distinctMaxCases") Case c) {
        GradCheck.check(xs -> c.maxPool(xs.get(0)), c.x()).assertPassed();
    }

    @Property(tries = TRIES, seed = "1107")
    void avgPoolGradient(@ForAll("anyAvgCases") Case c) {
        GradCheck.check(xs -> c.avgPool(xs.get(0)), c.x()).assertPassed();
    }

    /** Squared, so that the second derivative runs through {@code AvgPool2d.Spread}'s own backward. */
    @Property(tries = TRIES, seed = "1108")
    void avgPoolSecondOrder(@ForAll("anyAvgCases") Case c) {
        GradCheck.checkSecondOrder(xs -> c.avgPool(xs.get(0)).pow(2), c.x()).assertPassed();
    }

    /** Squared: the second derivative is 2 at each window's maximum, through {@code ArgmaxScatter}'s backward. */
    @Property(tries = TRIES, seed = "1109")
    void maxPoolSecondOrder(@ForAll("distinctMaxCases") Case c) {
        GradCheck.checkSecondOrder(xs -> c.maxPool(xs.get(0)).pow(2), c.x()).assertPassed();
    }
}
