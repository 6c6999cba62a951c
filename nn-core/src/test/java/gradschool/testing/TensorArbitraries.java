package gradschool.testing;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of shapes and tensors for property tests — in particular tensors in random
 * <em>non-contiguous</em> layouts.
 *
 * <pre>{@code
 * @Property(tries = 200)
 * void negTwiceIsIdentity(@ForAll("tensors") Tensor x) {
 *     assertThat(x.neg().neg()).isEqualTo(x);
 * }
 *
 * @Provide
 * Arbitrary<Tensor> tensors() {
 *     return TensorArbitraries.tensors();
 * }
 * }</pre>
 *
 * <p>Why layouts matter: a kernel that reads {@code storage[offset + i]} instead of walking the
 * strides gives the right answer for every freshly made (contiguous) tensor and a wrong one for a
 * transposed or sliced view. Tests that only build tensors with {@code Tensor.of} never notice. So
 * every tensor made here is built as a <em>view</em> of a larger tensor, by up to {@link #MAX_DEPTH}
 * of these steps, chosen at random:
 * <ul>
 *   <li>{@link Layout#PERMUTED}: a permutation of the dimensions of a tensor whose shape is the
 *       target's dimensions in another order;</li>
 *   <li>{@link Layout#STEPPED}: every {@code step}-th element of a longer tensor, starting past a few
 *       leading elements, on every axis ({@code x[1:7:3, 0:4:2]});</li>
 *   <li>{@link Layout#EXPANDED}: a smaller tensor stretched with {@code broadcastTo} (stride 0 along
 *       the stretched dimensions, so neighbouring elements are equal);</li>
 *   <li>{@link Layout#SELECTED}: one index of an extra dimension of a bigger tensor ({@code x[:, 2]});</li>
 *   <li>{@link Layout#CONTIGUOUS}: a plain tensor — the base case.</li>
 * </ul>
 * The values are uniform in {@code [-5, 5)}, drawn from a seed that jqwik generates, so a failing
 * case is reproducible. A test that needs a contiguous copy of the same numbers calls
 * {@link Tensor#copy()}.
 *
 * <p>Shapes are small (rank 0–4, each dimension 0–4, so empty tensors occur too) to keep the suite
 * fast.
 *
 * <p>Other modules' tests use this class through nn-core's test jar (a {@code test-jar} dependency
 * with test scope, see nn-autograd's pom). It lives in its own package, {@code gradschool.testing},
 * because the library module {@code gradschool.core} owns the package {@code gradschool.core}: a
 * class of that package on another module's test class path would be hidden behind the module. A
 * test that needs other numbers — a gradient check keeps its inputs away from kinks, say — passes
 * its own {@link Values} and depth to {@link #build(Shape, Layout, Values, Random, int)}, as
 * nn-autograd's {@code VariableArbitraries} does.
 */
public final class TensorArbitraries {

    /** The most view-making steps stacked on one another. */
    public static final int MAX_DEPTH = 3;

    /** The highest rank {@link #shapes()} generates. */
    public static final int MAX_RANK = 4;

    /** The largest dimension {@link #shapes()} generates. */
    public static final int MAX_DIM = 4;

    /** How a tensor is made from a bigger (or differently shaped) one. */
    public enum Layout {
        /** A fresh row-major tensor. */
        CONTIGUOUS,
        /** {@code base.permute(order)}. */
        PERMUTED,
        /** {@code base.slice(axis, start, start + n·step, step)} on every axis. */
        STEPPED,
        /** {@code base.broadcastTo(shape)} from a base with some dimensions 1 or missing. */
        EXPANDED,
        /** {@code base.select(axis, index)} from a base with one more dimension. */
        SELECTED
    }

    /** Where the numbers in a generated tensor come from. */
    public interface Values {
        /**
         * Draws the elements of a fresh tensor.
         *
         * @param count how many
         * @param random the source of randomness
         * @return {@code count} values
         */
        double[] draw(int count, Random random);

        /**
         * Tells whether two elements of one tensor may be equal; if not, no broadcast (stride-0)
         * layout is made, since it repeats elements.
         *
         * @return true unless the values must be distinct
         */
        default boolean allowsRepeats() {
            return true;
        }
    }

    /** The values of {@link #tensors()} and the other generators here: uniform in {@code [-5, 5)}. */
    private static final Values DEFAULT_VALUES = uniform(-5, 5);

    private TensorArbitraries() {
    }

    /**
     * Returns values uniform in {@code [low, high)}.
     *
     * @param low the lower bound
     * @param high the upper bound
     * @return the values
     */
    public static Values uniform(double low, double high) {
        return (count, random) -> {
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                values[i] = low + (high - low) * random.nextDouble();
            }
            return values;
        };
    }

    /**
     * Returns shapes of rank 0–4 with dimensions 0–4.
     *
     * @return the generator
     */
    public static Arbitrary<Shape> shapes() {
        return shapes(0, MAX_RANK, 0, MAX_DIM);
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
        return Arbitraries.integers().between(minDim, maxDim).array(int[].class)
                .ofMinSize(minRank).ofMaxSize(maxRank)
                .map(Shape::of);
    }

    /**
     * Returns shapes of rank 0–4 with dimensions 1–4 (no empty tensors), for reductions like max that
     * need elements.
     *
     * @return the generator
     */
    public static Arbitrary<Shape> nonEmptyShapes() {
        return shapes(0, MAX_RANK, 1, MAX_DIM);
    }

    /**
     * Returns tensors of random shape ({@link #shapes()}) in random layouts.
     *
     * @return the generator
     */
    public static Arbitrary<Tensor> tensors() {
        return shapes().flatMap(TensorArbitraries::tensors);
    }

    /**
     * Returns tensors of random non-empty shape ({@link #nonEmptyShapes()}) in random layouts.
     *
     * @return the generator
     */
    public static Arbitrary<Tensor> nonEmptyTensors() {
        return nonEmptyShapes().flatMap(TensorArbitraries::tensors);
    }

    /**
     * Returns tensors of one shape in random layouts, contiguous or not.
     *
     * @param shape the shape of every generated tensor
     * @return the generator
     */
    public static Arbitrary<Tensor> tensors(Shape shape) {
        return Combinators.combine(Arbitraries.of(Layout.values()), Arbitraries.longs())
                .as((layout, seed) -> build(shape, layout, new Random(seed)));
    }

    /**
     * Returns tensors of one shape that are always views made by at least one step other than
     * {@link Layout#CONTIGUOUS}. (For a shape with at most one dimension larger than 1, a view can
     * still happen to be contiguous.)
     *
     * @param shape the shape of every generated tensor
     * @return the generator
     */
    public static Arbitrary<Tensor> views(Shape shape) {
        return Combinators.combine(
                        Arbitraries.of(Layout.PERMUTED, Layout.STEPPED, Layout.EXPANDED, Layout.SELECTED),
                        Arbitraries.longs())
                .as((layout, seed) -> build(shape, layout, new Random(seed)));
    }

    /**
     * Returns pairs of shapes that broadcast together: a result shape, then each operand made from
     * it by dropping some leading dimensions and setting some others to 1.
     *
     * @return the generator of two-element arrays
     */
    public static Arbitrary<Shape[]> broadcastableShapePairs() {
        return broadcastableShapePairs(shapes());
    }

    /**
     * Returns pairs of shapes that broadcast together to one of {@code resultShapes}: each operand is
     * made from the result by dropping some leading dimensions and setting some others to 1.
     *
     * @param resultShapes the generator of the shapes the pairs broadcast to
     * @return the generator of two-element arrays
     */
    public static Arbitrary<Shape[]> broadcastableShapePairs(Arbitrary<Shape> resultShapes) {
        return Combinators.combine(resultShapes, Arbitraries.longs()).as((shape, seed) -> {
            Random random = new Random(seed);
            return new Shape[] {shapeBroadcastingTo(shape, random), shapeBroadcastingTo(shape, random)};
        });
    }

    /**
     * Returns a tensor of the shape in one layout; the values and the layout's details (which
     * permutation, which steps) come from the random generator.
     *
     * @param shape the shape of the result
     * @param layout the outermost step
     * @param random the source of values and details
     * @return the tensor
     */
    public static Tensor build(Shape shape, Layout layout, Random random) {
        return build(shape, layout, DEFAULT_VALUES, random, MAX_DEPTH);
    }

    /**
     * Returns a tensor of the shape in one layout, made by at most {@code depth} view-making steps,
     * with its numbers from {@code values}; the layout's details (which permutation, which steps)
     * and the inner steps come from the random generator. If the values must be distinct, no step
     * is {@link Layout#EXPANDED}.
     *
     * @param shape the shape of the result
     * @param layout the outermost step
     * @param values where the numbers come from
     * @param random the source of values and details
     * @param depth the most steps
     * @return the tensor
     */
    public static Tensor build(Shape shape, Layout layout, Values values, Random random, int depth) {
        if (depth == 0 || layout == Layout.CONTIGUOUS) {
            return Tensor.of(shape, values.draw(shape.size(), random));
        }
        int[] dims = shape.toArray();
        int rank = dims.length;
        switch (layout) {
            case PERMUTED: {
                int[] order = randomPermutation(rank, random);
                // result dim i is base dim order[i], so the base has target[i] at position order[i]
                int[] baseDims = new int[rank];
                for (int i = 0; i < rank; i++) {
                    baseDims[order[i]] = dims[i];
                }
                return inner(Shape.of(baseDims), values, random, depth).permute(order);
            }
            case STEPPED: {
                int[] starts = new int[rank];
                int[] steps = new int[rank];
                int[] baseDims = new int[rank];
                for (int i = 0; i < rank; i++) {
                    starts[i] = random.nextInt(3);
                    steps[i] = 1 + random.nextInt(3);
                    int extra = random.nextInt(3);
                    baseDims[i] = starts[i] + (dims[i] == 0 ? 0 : (dims[i] - 1) * steps[i] + 1) + extra;
                }
                Tensor view = inner(Shape.of(baseDims), values, random, depth);
                for (int i = 0; i < rank; i++) {
                    view = view.slice(i, starts[i], starts[i] + dims[i] * steps[i], steps[i]);
                }
                return view;
            }
            case EXPANDED: {
                Shape base = shapeBroadcastingTo(shape, random);
                return inner(base, values, random, depth).broadcastTo(shape);
            }
            case SELECTED: {
                int axis = random.nextInt(rank + 1);
                int extraSize = 1 + random.nextInt(3);
                int[] baseDims = new int[rank + 1];
                for (int i = 0, j = 0; i <= rank; i++) {
                    baseDims[i] = i == axis ? extraSize : dims[j++];
                }
                return inner(Shape.of(baseDims), values, random, depth).select(axis, random.nextInt(extraSize));
            }
            default:
                throw new AssertionError(layout);
        }
    }

    private static Tensor inner(Shape shape, Values values, Random random, int depth) {
        List<Layout> layouts = layouts(values, true);
        return build(shape, layouts.get(random.nextInt(layouts.size())), values, random, depth - 1);
    }

    /**
     * Returns the layouts a tensor of these values can have, in declaration order: all of them, less
     * {@link Layout#CONTIGUOUS} if {@code withContiguous} is false and less {@link Layout#EXPANDED}
     * if the values must be distinct.
     *
     * @param values where the numbers come from
     * @param withContiguous whether a plain tensor is allowed
     * @return a new, modifiable list
     */
    public static List<Layout> layouts(Values values, boolean withContiguous) {
        List<Layout> layouts = new ArrayList<>(Arrays.asList(Layout.values()));
        if (!withContiguous) {
            layouts.remove(Layout.CONTIGUOUS);
        }
        if (!values.allowsRepeats()) {
            layouts.remove(Layout.EXPANDED);
        }
        return layouts;
    }

    /**
     * Returns a shape that broadcasts to {@code shape}: a random number of its leading dimensions
     * dropped and a random subset of the rest set to 1.
     *
     * @param shape the shape to broadcast to
     * @param random the source of randomness
     * @return the smaller shape
     */
    public static Shape shapeBroadcastingTo(Shape shape, Random random) {
        int[] dims = shape.toArray();
        int drop = random.nextInt(dims.length + 1);
        int[] kept = Arrays.copyOfRange(dims, drop, dims.length);
        for (int i = 0; i < kept.length; i++) {
            if (random.nextBoolean()) {
                kept[i] = 1;
            }
        }
        return Shape.of(kept);
    }

    /**
     * Returns a random permutation of {@code 0 … n-1}.
     *
     * @param n the length
     * @param random the source of randomness
     * @return the permutation
     */
    public static int[] randomPermutation(int n, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
