package gradschool.autograd;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.testing.TensorArbitraries;
import gradschool.testing.TensorArbitraries.Layout;
import gradschool.testing.TensorArbitraries.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * jqwik generators of small input tensors for gradient checks, in random (often non-contiguous)
 * layouts and with values kept away from the points where an op is not differentiable.
 *
 * <pre>{@code
 * @Property(tries = 40)
 * void reluGradient(@ForAll("inputs") Tensor x) {
 *     GradCheck.check(xs -> xs.get(0).relu(), x).assertPassed();
 * }
 *
 * @Provide
 * Arbitrary<Tensor> inputs() {
 *     return VariableArbitraries.tensors(VariableArbitraries.awayFromZero());
 * }
 * }</pre>
 *
 * <p>The layouts come from nn-core's {@link TensorArbitraries} (through nn-core's test jar): every
 * tensor is built as a <em>view</em> of a bigger one, by up to {@link #MAX_DEPTH} steps chosen at
 * random — a permutation of the axes, every {@code step}-th element on each axis, a broadcast of a
 * smaller tensor (stride 0), or one index of an extra axis. An op whose forward or backward rule
 * walked the storage instead of the strides would pass with fresh tensors and fail here.
 *
 * <p>What this class adds is the {@link Values}: a gradient check compares autograd with
 * {@code (f(x + ε) - f(x - ε)) / 2ε}, which is only meaningful where {@code f} is smooth. So relu
 * and abs get inputs with {@code |x| >= 0.1}, log and sqrt positive inputs, max and min distinct
 * inputs (and then no broadcast layout, whose elements repeat), and so on. Shapes are small — rank
 * 0–4 with dimensions 1–3 — and views at most {@value #MAX_DEPTH} steps deep, because the check
 * evaluates {@code f} twice per input element. The outermost step is a view three times as often as
 * a plain tensor.
 */
public final class VariableArbitraries {

    /** The most view-making steps stacked on one another. */
    public static final int MAX_DEPTH = 2;

    /** The highest rank {@link #shapes()} generates. */
    public static final int MAX_RANK = 4;

    /** The largest dimension {@link #shapes()} generates. */
    public static final int MAX_DIM = 3;

    private VariableArbitraries() {
    }

    // ---------------------------------------------------------------------------------------
    // Values
    // ---------------------------------------------------------------------------------------

    /**
     * Returns values uniform in {@code [-2, 2)}: for smooth ops.
     *
     * @return the values
     */
    public static Values any() {
        return TensorArbitraries.uniform(-2, 2);
    }

    /**
     * Returns values uniform in {@code [0.5, 2.5)}: for log, sqrt and the bases of powers.
     *
     * @return the values
     */
    public static Values positive() {
        return TensorArbitraries.uniform(0.5, 2.5);
    }

    /**
     * Returns values in {@code [-2, 2)} at least 0.1 away from 0: for relu, abs and leaky relu.
     *
     * @return the values
     */
    public static Values awayFromZero() {
        return avoiding(-2, 2, 0.1, 0.0);
    }

    /**
     * Returns values uniform in {@code [low, high)} that stay at least {@code minDistance} away from
     * every one of {@code points} (drawn again until they do).
     *
     * @param low the lower bound
     * @param high the upper bound
     * @param minDistance how far to stay from the points
     * @param points the points to avoid, e.g. a clip bound or a kink
     * @return the values
     */
    public static Values avoiding(double low, double high, double minDistance, double... points) {
        return (count, random) -> {
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                double v;
                do {
                    v = low + (high - low) * random.nextDouble();
                } while (isNear(v, minDistance, points));
                values[i] = v;
            }
            return values;
        };
    }

    private static boolean isNear(double v, double minDistance, double[] points) {
        for (double point : points) {
            if (Math.abs(v - point) < minDistance) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns values {@code offset + k·spacing} inside {@code [low, high]} for random whole {@code k}:
     * two tensors on grids with different offsets never have an equal element (for maximum/minimum).
     *
     * @param low the lower bound
     * @param high the upper bound
     * @param spacing the grid spacing
     * @param offset where the grid starts
     * @return the values
     */
    public static Values onGrid(double low, double high, double spacing, double offset) {
        int first = (int) Math.ceil((low - offset) / spacing);
        int last = (int) Math.floor((high - offset) / spacing);
        return (count, random) -> {
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                values[i] = offset + spacing * (first + random.nextInt(last - first + 1));
            }
            return values;
        };
    }

    /**
     * Returns distinct values in {@code [low, high)}, evenly spaced and shuffled, so a tensor has no
     * ties (for max and min). Views of such a tensor never broadcast.
     *
     * @param low the lower bound
     * @param high the upper bound
     * @return the values
     */
    public static Values distinct(double low, double high) {
        return new Values() {
            @Override
            public double[] draw(int count, Random random) {
                List<Double> values = new ArrayList<>();
                double spacing = (high - low) / Math.max(count, 1);
                double start = low + spacing * random.nextDouble() * 0.5;
                for (int i = 0; i < count; i++) {
                    values.add(start + i * spacing);
                }
                Collections.shuffle(values, random);
                return values.stream().mapToDouble(Double::doubleValue).toArray();
            }

            @Override
            public boolean allowsRepeats() {
                return false;
            }
        };
    }

    // ---------------------------------------------------------------------------------------
    // Shapes
    // ---------------------------------------------------------------------------------------

    /**
     * Returns shapes of rank 0–4 with dimensions 1–3.
     *
     * @return the generator
     */
    public static Arbitrary<Shape> shapes() {
        return shapes(0, MAX_RANK, 1, MAX_DIM);
    }

    /**
     * Returns shapes with rank and dimensions in the given (inclusive) ranges.
     *
     * @param minRank the lowest rank
     * @param maxRank the highest rank
     * @param minDim the smallest dimension
     * @param maxDim the largest dimension
     * @return the generator
     */
    public static Arbitrary<Shape> shapes(int minRank, int maxRank, int minDim, int maxDim) {
        return TensorArbitraries.shapes(minRank, maxRank, minDim, maxDim);
    }

    /**
     * Returns {@code count} shapes that broadcast together: a common shape, then each one made from
     * it by dropping some leading dimensions and setting some others to 1.
     *
     * @param count how many shapes
     * @return the generator of {@code count}-element arrays
     */
    public static Arbitrary<Shape[]> broadcastingShapes(int count) {
        return Combinators.combine(shapes(), Arbitraries.longs()).as((shape, seed) -> {
            Random random = new Random(seed);
            Shape[] result = new Shape[count];
            for (int i = 0; i < count; i++) {
                result[i] = TensorArbitraries.shapeBroadcastingTo(shape, random);
            }
            return result;
        });
    }

    /**
     * Returns shapes that broadcast to {@code target}: some leading dimensions dropped and some
     * others set to 1.
     *
     * @param target the shape they broadcast to
     * @return the generator
     */
    public static Arbitrary<Shape> shapesBroadcastingTo(Shape target) {
        return Arbitraries.longs().map(seed -> TensorArbitraries.shapeBroadcastingTo(target, new Random(seed)));
    }

    // ---------------------------------------------------------------------------------------
    // Tensors
    // ---------------------------------------------------------------------------------------

    /**
     * Returns tensors of random shape ({@link #shapes()}) in random layouts.
     *
     * @param values where the numbers come from
     * @return the generator
     */
    public static Arbitrary<Tensor> tensors(Values values) {
        return shapes().flatMap(shape -> tensors(shape, values));
    }

    /**
     * Returns tensors of one shape in random layouts, contiguous or not.
     *
     * @param shape the shape of every generated tensor
     * @param values where the numbers come from
     * @return the generator
     */
    public static Arbitrary<Tensor> tensors(Shape shape, Values values) {
        return Combinators.combine(outerLayouts(values, true), Arbitraries.longs())
                .as((layout, seed) -> build(shape, layout, values, new Random(seed)));
    }

    /**
     * Returns tensors of one shape that are always views made by at least one step other than
     * {@link Layout#CONTIGUOUS} (for a shape with at most one dimension above 1 a view may still
     * happen to be contiguous).
     *
     * @param shape the shape of every generated tensor
     * @param values where the numbers come from
     * @return the generator
     */
    public static Arbitrary<Tensor> views(Shape shape, Values values) {
        return Combinators.combine(outerLayouts(values, false), Arbitraries.longs())
                .as((layout, seed) -> build(shape, layout, values, new Random(seed)));
    }

    /**
     * Returns a tensor of the shape in one layout; the values and the layout's details (which
     * permutation, which steps) come from the random generator.
     *
     * @param shape the shape of the result
     * @param layout the outermost step
     * @param values where the numbers come from
     * @param random the source of values and details
     * @return the tensor
     */
    public static Tensor build(Shape shape, Layout layout, Values values, Random random) {
        return TensorArbitraries.build(shape, layout, values, random, MAX_DEPTH);
    }

    /** The outermost layout step: each view step three times as likely as a plain tensor. */
    private static Arbitrary<Layout> outerLayouts(Values values, boolean withContiguous) {
        List<Tuple2<Integer, Layout>> weighted = new ArrayList<>();
        for (Layout layout : TensorArbitraries.layouts(values, withContiguous)) {
            weighted.add(Tuple.of(layout == Layout.CONTIGUOUS ? 1 : 3, layout));
        }
        return Arbitraries.frequency(weighted);
    }
}
