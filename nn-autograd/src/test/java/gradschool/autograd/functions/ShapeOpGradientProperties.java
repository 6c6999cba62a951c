package gradschool.autograd.functions;

import static gradschool.autograd.VariableArbitraries.any;
import static gradschool.autograd.VariableArbitraries.shapes;
import static gradschool.autograd.VariableArbitraries.shapesBroadcastingTo;
import static gradschool.autograd.VariableArbitraries.tensors;
import static gradschool.testing.TensorArbitraries.randomPermutation;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.autograd.VariableArbitraries;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.testing.TensorArbitraries.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Gradient checks of the ops that move elements around without changing them: {@link Permute}
 * (and transpose), {@link Reshape} (and flatten, squeeze, unsqueeze), {@link Expand} (broadcastTo,
 * expand), {@link SumToShape}, {@link Slice} (with steps and negative bounds), {@link Select},
 * {@link IndexSelect} (with repeated indices), {@link Concat} and {@code Variable.stack}.
 *
 * <p>Their gradients are pure bookkeeping — each output element's gradient goes back to the element
 * it came from, and copies add up — which is exactly what the finite-difference check confirms,
 * element by element, for inputs in random non-contiguous layouts.
 */
class ShapeOpGradientProperties {

    private static final int TRIES = 50;

    /** An input and some integers describing the op (an order, a shape, axis and bounds, …). */
    record Case(Tensor x, int... ints) {
        @Override
        public String toString() {
            return "x " + x.shape() + ", ints " + Arrays.toString(ints);
        }
    }

    /** Several inputs and an axis. */
    record Parts(List<Tensor> parts, int axis) {
        Tensor[] array() {
            return parts.toArray(new Tensor[0]);
        }

        @Override
        public String toString() {
            return "axis " + axis + ", shapes " + parts.stream().map(Tensor::shape).toList();
        }
    }

    /** An input and a shape it broadcasts to (or is summed down to). */
    record Reshaping(Tensor x, Shape target) {
        @Override
        public String toString() {
            return "x " + x.shape() + " -> " + target;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Permute
    // ---------------------------------------------------------------------------------------

    @Property(tries = TRIES)
    void permuteGradient(@ForAll("permutations") Case c) {
        GradCheck.check(xs -> xs.get(0).permute(c.ints()), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void transposeOfTwoAxesGradient(@ForAll("twoAxes") Case c) {
        GradCheck.check(xs -> xs.get(0).transpose(c.ints()[0], c.ints()[1]), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void transposeOfAMatrixGradient(@ForAll("matrices") Tensor x) {
        GradCheck.check(xs -> xs.get(0).transpose(), x).assertPassed();
    }

    // ---------------------------------------------------------------------------------------
    // Reshape and its relatives
    // ---------------------------------------------------------------------------------------

    @Property(tries = TRIES)
    void reshapeGradient(@ForAll("reshapes") Case c) {
        GradCheck.check(xs -> xs.get(0).reshape(c.ints()), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void flattenGradient(@ForAll("anyTensors") Tensor x) {
        GradCheck.check(xs -> xs.get(0).flatten(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void squeezeGradient(@ForAll("tensorsWithUnitAxis") Case c) {
        GradCheck.check(xs -> xs.get(0).squeeze(), c.x()).assertPassed();
        GradCheck.check(xs -> xs.get(0).squeeze(c.ints()[0]), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void unsqueezeGradient(@ForAll("newAxes") Case c) {
        GradCheck.check(xs -> xs.get(0).unsqueeze(c.ints()[0]), c.x()).assertPassed();
    }

    // ---------------------------------------------------------------------------------------
    // Broadcasting and its inverse
    // ---------------------------------------------------------------------------------------

    @Property(tries = TRIES)
    void broadcastToGradient(@ForAll("expansions") Reshaping r) {
        GradCheck.check(xs -> xs.get(0).broadcastTo(r.target()), r.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void expandWithKeptDimensionsGradient(@ForAll("expansions") Reshaping r) {
        // expand(dims) with -1 wherever the input's own (aligned) dimension is kept
        int[] dims = r.target().toArray();
        int[] own = r.x().shape().toArray();
        int lead = dims.length - own.length;
        for (int i = 0; i < own.length; i++) {
            if (own[i] == dims[lead + i]) {
                dims[lead + i] = -1;
            }
        }
        GradCheck.check(xs -> xs.get(0).expand(dims), r.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void sumToShapeGradient(@ForAll("reductionsToShape") Reshaping r) {
        GradCheck.check(xs -> xs.get(0).sumToShape(r.target()), r.x()).assertPassed();
    }

    // ---------------------------------------------------------------------------------------
    // Taking parts
    // ---------------------------------------------------------------------------------------

    @Property(tries = TRIES)
    void sliceGradient(@ForAll("slices") Case c) {
        int[] s = c.ints();
        GradCheck.check(xs -> xs.get(0).slice(s[0], s[1], s[2], s[3]), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void selectGradient(@ForAll("selections") Case c) {
        GradCheck.check(xs -> xs.get(0).select(c.ints()[0], c.ints()[1]), c.x()).assertPassed();
    }

    @Property(tries = TRIES)
    void indexSelectGradient(@ForAll("rowIndices") Case c) {
        GradCheck.check(xs -> xs.get(0).indexSelect(c.ints()), c.x()).assertPassed();
    }

    // ---------------------------------------------------------------------------------------
    // Joining
    // ---------------------------------------------------------------------------------------

    @Property(tries = TRIES)
    void concatGradient(@ForAll("concatenations") Parts p) {
        GradCheck.check(xs -> Variable.concat(xs, p.axis()), p.array()).assertPassed();
    }

    @Property(tries = TRIES)
    void concatWithConstantPartsGradient(@ForAll("concatenations") Parts p) {
        // only the first part needs a gradient; the others are data
        GradCheck.check(xs -> {
            Variable[] parts = new Variable[p.parts().size()];
            parts[0] = xs.get(0);
            for (int i = 1; i < parts.length; i++) {
                parts[i] = Variable.of(p.parts().get(i));
            }
            return Variable.concat(List.of(parts), p.axis());
        }, p.parts().get(0)).assertPassed();
    }

    @Property(tries = TRIES)
    void stackGradient(@ForAll("stackings") Parts p) {
        GradCheck.check(xs -> Variable.stack(xs, p.axis()), p.array()).assertPassed();
    }

    // ---------------------------------------------------------------------------------------
    // Generators
    // ---------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Tensor> anyTensors() {
        return tensors(any());
    }

    @Provide
    Arbitrary<Tensor> matrices() {
        return shapes(2, 2, 1, 3).flatMap(shape -> tensors(shape, any()));
    }

    /** A random order of the axes, some of them counted from the end ({@code -1} for the last). */
    @Provide
    Arbitrary<Case> permutations() {
        return withSeed(shapes(), (x, random) -> {
            int[] order = randomPermutation(x.rank(), random);
            for (int i = 0; i < order.length; i++) {
                order[i] = anyAxisForm(order[i], x.rank(), random);
            }
            return order;
        });
    }

    /** Two axes, each given as a non-negative or a negative number. */
    @Provide
    Arbitrary<Case> twoAxes() {
        return withSeed(shapes(1, 4, 1, 3), (x, random) -> new int[] {
                anyAxisForm(random.nextInt(x.rank()), x.rank(), random),
                anyAxisForm(random.nextInt(x.rank()), x.rank(), random)});
    }

    /**
     * A new shape with the same number of elements: the dimensions shuffled, some 1s inserted, and
     * sometimes one dimension replaced by -1 (to be inferred).
     */
    @Provide
    Arbitrary<Case> reshapes() {
        return withSeed(shapes(), (x, random) -> {
            List<Integer> dims = new ArrayList<>();
            for (int d : x.shape().toArray()) {
                dims.add(d);
            }
            Collections.shuffle(dims, random);
            int ones = random.nextInt(3);
            for (int i = 0; i < ones; i++) {
                dims.add(random.nextInt(dims.size() + 1), 1);
            }
            int[] result = dims.stream().mapToInt(Integer::intValue).toArray();
            if (result.length > 0 && random.nextBoolean()) {
                result[random.nextInt(result.length)] = -1;
            }
            return result;
        });
    }

    /** A tensor with a dimension of size 1 inserted somewhere, and that axis (maybe counted from the end). */
    @Provide
    Arbitrary<Case> tensorsWithUnitAxis() {
        return shapes(0, 3, 1, 3).flatMap(shape -> Arbitraries.integers().between(0, shape.rank())
                .flatMap(axis -> {
                    int[] dims = new int[shape.rank() + 1];
                    for (int i = 0, j = 0; i < dims.length; i++) {
                        dims[i] = i == axis ? 1 : shape.dim(j++);
                    }
                    return Combinators.combine(tensors(Shape.of(dims), any()), Arbitraries.of(true, false))
                            .as((x, fromEnd) -> new Case(x, fromEnd ? axis - dims.length : axis));
                }));
    }

    /** An axis where a new dimension can go: {@code -(rank+1) … rank}. */
    @Provide
    Arbitrary<Case> newAxes() {
        return withSeed(shapes(0, 3, 1, 3), (x, random) -> new int[] {random.nextInt(2 * x.rank() + 2) - x.rank() - 1});
    }

    @Provide
    Arbitrary<Reshaping> expansions() {
        return shapes().flatMap(target -> shapesBroadcastingTo(target).flatMap(
                small -> tensors(small, any()).map(x -> new Reshaping(x, target))));
    }

    @Provide
    Arbitrary<Reshaping> reductionsToShape() {
        return shapes().flatMap(full -> shapesBroadcastingTo(full).flatMap(
                small -> tensors(full, any()).map(x -> new Reshaping(x, small))));
    }

    /** axis, from, to, step — bounds may be negative or past the end (numpy clamps them). */
    @Provide
    Arbitrary<Case> slices() {
        return withSeed(shapes(1, 4, 1, 3), (x, random) -> {
            int axis = random.nextInt(x.rank());
            int size = x.dim(axis);
            int from = random.nextInt(2 * size + 1) - size;
            int to = random.nextInt(2 * size + 2) - size;
            int step = 1 + random.nextInt(3);
            return new int[] {anyAxisForm(axis, x.rank(), random), from, to, step};
        });
    }

    /** axis, index — either may be negative. */
    @Provide
    Arbitrary<Case> selections() {
        return withSeed(shapes(1, 4, 1, 3), (x, random) -> {
            int axis = random.nextInt(x.rank());
            int size = x.dim(axis);
            int index = random.nextInt(size);
            return new int[] {anyAxisForm(axis, x.rank(), random), random.nextBoolean() ? index : index - size};
        });
    }

    /** 1–5 row indices, usually with repeats, some negative. */
    @Provide
    Arbitrary<Case> rowIndices() {
        return withSeed(shapes(1, 3, 1, 3), (x, random) -> {
            int rows = x.dim(0);
            int[] indices = new int[1 + random.nextInt(5)];
            for (int i = 0; i < indices.length; i++) {
                int index = random.nextInt(rows);
                indices[i] = random.nextInt(4) == 0 ? index - rows : index;
            }
            return indices;
        });
    }

    /** 1–3 parts that agree except along the axis. */
    @Provide
    Arbitrary<Parts> concatenations() {
        return Combinators.combine(shapes(1, 3, 1, 3), Arbitraries.longs()).as((shape, seed) -> {
            Random random = new Random(seed);
            int axis = random.nextInt(shape.rank());
            int count = 1 + random.nextInt(3);
            List<Tensor> parts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int[] dims = shape.toArray();
                dims[axis] = 1 + random.nextInt(3);
                parts.add(randomLayout(Shape.of(dims), random));
            }
            return new Parts(parts, anyAxisForm(axis, shape.rank(), random));
        });
    }

    /** 1–3 parts of one shape, and where the new axis goes. */
    @Provide
    Arbitrary<Parts> stackings() {
        return Combinators.combine(shapes(0, 3, 1, 3), Arbitraries.longs()).as((shape, seed) -> {
            Random random = new Random(seed);
            int count = 1 + random.nextInt(3);
            List<Tensor> parts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                parts.add(randomLayout(shape, random));
            }
            return new Parts(parts, random.nextInt(2 * shape.rank() + 2) - shape.rank() - 1);
        });
    }

    // ---------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------

    /** How to derive the op's integers from the input and a random source. */
    private interface IntsFor {
        int[] of(Tensor x, Random random);
    }

    /** Tensors of the given shapes in random layouts, each with integers derived from it. */
    private static Arbitrary<Case> withSeed(Arbitrary<Shape> shapes, IntsFor ints) {
        return shapes.flatMap(shape -> Combinators.combine(tensors(shape, any()), Arbitraries.longs())
                .as((x, seed) -> new Case(x, ints.of(x, new Random(seed)))));
    }

    /** The axis as given, or counted from the end ({@code axis - rank}), at random. */
    private static int anyAxisForm(int axis, int rank, Random random) {
        return random.nextBoolean() ? axis : axis - rank;
    }

    private static Tensor randomLayout(Shape shape, Random random) {
        Layout[] layouts = Layout.values();
        return VariableArbitraries.build(shape, layouts[random.nextInt(layouts.length)], any(), random);
    }
}
