package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.testing.TensorArbitraries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link Tensor} on random shapes in random (mostly non-contiguous) layouts, made by
 * {@link TensorArbitraries}. The reference answers are computed element by element through
 * {@link Tensor#get}, or on a contiguous {@link Tensor#copy()}, so that a kernel that ignores strides
 * or offsets is caught.
 */
class TensorProperties {

    private static final double TOLERANCE = 1e-9;

    @Provide
    Arbitrary<Tensor> tensors() {
        return TensorArbitraries.tensors();
    }

    @Provide
    Arbitrary<Tensor> nonEmptyTensors() {
        return TensorArbitraries.nonEmptyTensors();
    }

    /** Tensors of rank 1–4 with no empty dimension, so that every axis can be reduced by every reduction. */
    @Provide
    Arbitrary<Tensor> reducible() {
        return TensorArbitraries.shapes(1, 4, 1, 4).flatMap(TensorArbitraries::tensors);
    }

    @Provide
    Arbitrary<Tensor[]> broadcastablePairs() {
        return TensorArbitraries.broadcastableShapePairs().flatMap(shapes -> Combinators
                .combine(TensorArbitraries.tensors(shapes[0]), TensorArbitraries.tensors(shapes[1]))
                .as((a, b) -> new Tensor[] {a, b}));
    }

    // ---------------------------------------------------------------------------------------
    // Helpers: an independent, element-by-element view of a tensor
    // ---------------------------------------------------------------------------------------

    /** Calls {@code action} with every index of the shape, in row-major order. */
    static void forEachIndex(Shape shape, Consumer<int[]> action) {
        int[] dims = shape.toArray();
        if (shape.size() == 0) {
            return;
        }
        int[] index = new int[dims.length];
        while (true) {
            action.accept(index.clone());
            int d = dims.length - 1;
            while (d >= 0 && ++index[d] == dims[d]) {
                index[d] = 0;
                d--;
            }
            if (d < 0) {
                return;
            }
        }
    }

    /** The elements in row-major order, read one by one through {@link Tensor#get}. */
    static double[] elementsByGet(Tensor tensor) {
        double[] values = new double[tensor.size()];
        int[] position = {0};
        forEachIndex(tensor.shape(), index -> values[position[0]++] = tensor.get(index));
        return values;
    }

    static void assertClose(Tensor actual, Tensor expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double[] a = actual.toDoubleArray();
        double[] e = expected.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(e[i])) {
                assertThat(a[i]).as("element %d", i).isNaN();
            } else {
                assertThat(a[i]).as("element %d of %s", i, actual.shape()).isCloseTo(e[i], within(TOLERANCE));
            }
        }
    }

    private static int[] randomPermutation(int n, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether two elements of the tensor share one storage cell (an expanded view): writing is undefined. */
    private static boolean overlaps(Tensor tensor) {
        int[] strides = tensor.strides();
        for (int i = 0; i < strides.length; i++) {
            if (strides[i] == 0 && tensor.dim(i) > 1) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------
    // Layouts and views
    // ---------------------------------------------------------------------------------------

    @Property(tries = 200)
    void theGeneratorsLayoutsAgreeWithGet(@ForAll("tensors") Tensor x) {
        // the basis of everything below: toDoubleArray and get read the same row-major elements
        assertThat(x.toDoubleArray()).isEqualTo(elementsByGet(x));
        assertThat(x.copy().isContiguous()).isTrue();
    }

    @Provide
    Arbitrary<Tensor> viewsOfAMatrixShape() {
        return TensorArbitraries.shapes(2, 4, 2, 4).flatMap(TensorArbitraries::views);
    }

    @Property(tries = 200)
    void theGeneratorMostlyMakesNonContiguousViews(@ForAll("viewsOfAMatrixShape") Tensor x) {
        Statistics.collect(x.isContiguous() ? "contiguous" : "non-contiguous");
        Statistics.coverage(coverage -> coverage.check("non-contiguous").percentage(p -> p > 60));
        assertThat(x.toDoubleArray()).isEqualTo(elementsByGet(x));
    }

    @Property(tries = 200)
    void permuteThenInversePermuteIsIdentity(@ForAll("tensors") Tensor x, @ForAll long seed) {
        int[] order = randomPermutation(x.rank(), new Random(seed));
        int[] inverse = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverse[order[i]] = i;
        }
        Tensor permuted = x.permute(order);
        for (int i = 0; i < order.length; i++) {
            assertThat(permuted.dim(i)).isEqualTo(x.dim(order[i]));
        }
        Tensor back = permuted.permute(inverse);
        assertThat(back).isEqualTo(x);
        assertThat(back.strides()).isEqualTo(x.strides());
        assertThat(back.sharesStorageWith(x)).isTrue();
        // element (i0, i1, …) of the permuted view is element (i_inverse…) of x
        forEachIndex(permuted.shape(), index -> {
            int[] source = new int[index.length];
            for (int i = 0; i < index.length; i++) {
                source[order[i]] = index[i];
            }
            assertThat(permuted.get(index)).isEqualTo(x.get(source));
        });
    }

    @Property(tries = 200)
    void transposeTwiceIsIdentity(@ForAll("tensors") Tensor x, @ForAll @IntRange(min = 0, max = 3) int a,
                                  @ForAll @IntRange(min = 0, max = 3) int b) {
        if (x.rank() <= 2) {
            assertThat(x.transpose().transpose()).isEqualTo(x);
        }
        if (x.rank() > 0) {
            int axis0 = a % x.rank();
            int axis1 = b % x.rank();
            Tensor twice = x.transpose(axis0, axis1).transpose(axis1, axis0);
            assertThat(twice).isEqualTo(x);
            assertThat(twice.sharesStorageWith(x)).isTrue();
        }
    }

    @Property(tries = 200)
    void reshapeKeepsRowMajorOrder(@ForAll("tensors") Tensor x, @ForAll long seed) {
        // any reordering of the dimensions has the same size
        int[] dims = x.shape().toArray();
        int[] order = randomPermutation(dims.length, new Random(seed));
        int[] newDims = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            newDims[i] = dims[order[i]];
        }
        double[] expected = x.toDoubleArray();
        Tensor reshaped = x.reshape(newDims);
        assertThat(reshaped.shape()).isEqualTo(Shape.of(newDims));
        assertThat(reshaped.toDoubleArray()).isEqualTo(expected);
        assertThat(elementsByGet(reshaped)).isEqualTo(expected);
        assertThat(x.flatten().toDoubleArray()).isEqualTo(expected);
        assertThat(x.reshape(1, -1).toDoubleArray()).isEqualTo(expected);
        assertThat(x.reshape(newDims).reshape(x.shape())).isEqualTo(x);
        if (x.isContiguous()) {
            assertThat(reshaped.sharesStorageWith(x)).isTrue();
        }
    }

    @Property(tries = 200)
    void contiguousOfAViewEqualsTheView(@ForAll("tensors") Tensor x) {
        Tensor c = x.contiguous();
        assertThat(c.isContiguous()).isTrue();
        assertThat(c).isEqualTo(x).hasSameHashCodeAs(x);
        assertThat(x).isEqualTo(c);
        assertThat(elementsByGet(c)).isEqualTo(elementsByGet(x));
        Tensor copy = x.copy();
        assertThat(copy).isEqualTo(x).hasSameHashCodeAs(x);
        assertThat(copy.sharesStorageWith(x)).isFalse();
    }

    @Property(tries = 200)
    void squeezeAndUnsqueezeKeepTheElements(@ForAll("tensors") Tensor x, @ForAll @IntRange(min = 0, max = 4) int axis) {
        int position = axis % (x.rank() + 1);
        Tensor unsqueezed = x.unsqueeze(position);
        assertThat(unsqueezed.dim(position)).isEqualTo(1);
        assertThat(unsqueezed.toDoubleArray()).isEqualTo(x.toDoubleArray());
        assertThat(unsqueezed.squeeze(position)).isEqualTo(x);
        Tensor squeezed = x.squeeze();
        assertThat(squeezed.shape().toArray()).doesNotContain(1);
        assertThat(squeezed.toDoubleArray()).isEqualTo(x.toDoubleArray());
    }

    @Property(tries = 200)
    void sliceWithStepPicksEveryStepthElement(@ForAll("nonEmptyTensors") Tensor x, @ForAll long seed) {
        if (x.rank() == 0) {
            return;
        }
        Random random = new Random(seed);
        int axis = random.nextInt(x.rank());
        int size = x.dim(axis);
        int from = random.nextInt(2 * size + 1) - size;   // in [-size, size]
        int to = random.nextInt(2 * size + 3) - size - 1; // in [-size-1, size+1]
        int step = 1 + random.nextInt(3);
        Tensor sliced = x.slice(axis, from, to, step);
        // numpy's rule, written out
        int start = Math.max(0, Math.min(size, from < 0 ? from + size : from));
        int end = Math.max(0, Math.min(size, to < 0 ? to + size : to));
        List<Integer> picked = new ArrayList<>();
        for (int i = start; i < end; i += step) {
            picked.add(i);
        }
        assertThat(sliced.dim(axis)).isEqualTo(picked.size());
        forEachIndex(sliced.shape(), index -> {
            int[] source = index.clone();
            source[axis] = picked.get(index[axis]);
            assertThat(sliced.get(index)).isEqualTo(x.get(source));
        });
    }

    // ---------------------------------------------------------------------------------------
    // Element-wise operations
    // ---------------------------------------------------------------------------------------

    @Property(tries = 200)
    void unaryOpsOnViewsEqualTheSameOpsOnCopies(@ForAll("tensors") Tensor x) {
        Tensor c = x.copy();
        List<UnaryOperator<Tensor>> ops = List.of(
                Tensor::neg, Tensor::abs, Tensor::exp, Tensor::sigmoid, Tensor::relu, Tensor::tanh,
                Tensor::sign, t -> t.add(1.5), t -> t.mul(-2), t -> t.div(3), t -> t.sub(0.5),
                t -> t.pow(2), t -> t.pow(3), t -> t.clip(-1, 2), t -> t.round(1), t -> t.gt(0),
                t -> t.maximum(0.5), t -> t.minimum(0.5), t -> t.map(v -> v * v - v),
                t -> t.add(t), t -> t.mul(t), t -> t.sub(t.neg()), t -> t.ge(t.relu()));
        for (UnaryOperator<Tensor> op : ops) {
            Tensor onView = op.apply(x);
            assertThat(onView).isEqualTo(op.apply(c));
            // and element by element, the op applied to get(...)
            assertThat(onView.shape()).isEqualTo(x.shape());
        }
        double[] values = elementsByGet(x);
        double[] sigmoid = x.sigmoid().toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            assertThat(sigmoid[i]).isCloseTo(1 / (1 + Math.exp(-values[i])), within(1e-15));
        }
    }

    @Property(tries = 200)
    void binaryOpsBroadcastLikeExplicitBroadcastToThenCopy(@ForAll("broadcastablePairs") Tensor[] pair) {
        Tensor a = pair[0];
        Tensor b = pair[1];
        Shape common = Shape.broadcast(a.shape(), b.shape());
        Tensor wideA = a.broadcastTo(common).copy();
        Tensor wideB = b.broadcastTo(common).copy();
        assertThat(a.add(b)).isEqualTo(wideA.add(wideB));
        assertThat(a.mul(b)).isEqualTo(wideA.mul(wideB));
        assertThat(a.sub(b)).isEqualTo(wideA.sub(wideB));
        assertThat(b.div(a)).isEqualTo(wideB.div(wideA));
        assertThat(a.maximum(b)).isEqualTo(wideA.maximum(wideB));
        assertThat(a.lt(b)).isEqualTo(wideA.lt(wideB));
        assertThat(Tensor.where(a.gt(0), a, b)).isEqualTo(Tensor.where(wideA.gt(0), wideA, wideB));
        // and against the definition, element by element
        double[] sum = a.add(b).toDoubleArray();
        double[] left = elementsByGet(a.broadcastTo(common));
        double[] right = elementsByGet(b.broadcastTo(common));
        for (int i = 0; i < sum.length; i++) {
            assertThat(sum[i]).isEqualTo(left[i] + right[i]);
        }
        assertThat(a.add(b)).isEqualTo(b.add(a));
        assertThat(a.mul(b)).isEqualTo(b.mul(a));
    }

    @Property(tries = 200)
    void inPlaceOpsOnViewsMatchTheSameOpsOnCopies(@ForAll("tensors") Tensor x, @ForAll long seed) {
        if (overlaps(x)) {
            return; // writing into an expanded view is undefined
        }
        Tensor other = TensorArbitraries.build(x.shape(), TensorArbitraries.Layout.PERMUTED, new Random(seed));
        Tensor expected = x.copy().addInPlace(other).mulInPlace(0.5).addScaledInPlace(-2, other);
        x.addInPlace(other).mulInPlace(0.5).addScaledInPlace(-2, other);
        assertThat(x).isEqualTo(expected);
        x.copyFrom(other);
        assertThat(x).isEqualTo(other);
        x.fill(3);
        assertThat(Arrays.stream(elementsByGet(x)).allMatch(v -> v == 3.0)).isTrue();
    }

    @Property(tries = 100)
    void matmulOfViewsEqualsMatmulOfCopies(@ForAll @IntRange(min = 0, max = 4) int m,
                                           @ForAll @IntRange(min = 0, max = 4) int k,
                                           @ForAll @IntRange(min = 0, max = 4) int n, @ForAll long seed) {
        Random random = new Random(seed);
        TensorArbitraries.Layout[] layouts = TensorArbitraries.Layout.values();
        Tensor a = TensorArbitraries.build(Shape.of(m, k), layouts[random.nextInt(layouts.length)], random);
        Tensor b = TensorArbitraries.build(Shape.of(k, n), layouts[random.nextInt(layouts.length)], random);
        Tensor product = a.matmul(b);
        assertThat(product).isEqualTo(a.copy().matmul(b.copy()));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a.get(i, p) * b.get(p, j);
                }
                assertThat(product.get(i, j)).isCloseTo(sum, within(TOLERANCE));
            }
        }
    }

    @Provide
    Arbitrary<Shape[]> batchShapes() {
        return TensorArbitraries.broadcastableShapePairs(TensorArbitraries.shapes(0, 2, 0, 3));
    }

    @Property(tries = 150)
    void batchedMatmulEqualsALoopOfMatrixProducts(@ForAll("batchShapes") Shape[] batches,
                                                  @ForAll @IntRange(min = 0, max = 3) int m,
                                                  @ForAll @IntRange(min = 0, max = 3) int k,
                                                  @ForAll @IntRange(min = 0, max = 3) int n,
                                                  @ForAll boolean leftIsVector, @ForAll boolean rightIsVector,
                                                  @ForAll long seed) {
        Random random = new Random(seed);
        TensorArbitraries.Layout[] layouts = TensorArbitraries.Layout.values();
        // numpy's rule: a 1-D operand has no batch dimensions and loses its matrix dimension in the result
        Shape batchA = leftIsVector ? Shape.scalar() : batches[0];
        Shape batchB = rightIsVector ? Shape.scalar() : batches[1];
        Shape aShape = leftIsVector ? Shape.of(k) : withTail(batchA, m, k);
        Shape bShape = rightIsVector ? Shape.of(k) : withTail(batchB, k, n);
        Tensor a = TensorArbitraries.build(aShape, layouts[random.nextInt(layouts.length)], random);
        Tensor b = TensorArbitraries.build(bShape, layouts[random.nextInt(layouts.length)], random);
        Tensor product = a.matmul(b);

        Shape batch = Shape.broadcast(batchA, batchB);
        int[] expectedDims = batch.toArray();
        if (!leftIsVector) {
            expectedDims = Arrays.copyOf(expectedDims, expectedDims.length + 1);
            expectedDims[expectedDims.length - 1] = m;
        }
        if (!rightIsVector) {
            expectedDims = Arrays.copyOf(expectedDims, expectedDims.length + 1);
            expectedDims[expectedDims.length - 1] = n;
        }
        assertThat(product.shape()).isEqualTo(Shape.of(expectedDims));
        int rows = leftIsVector ? 1 : m;
        int cols = rightIsVector ? 1 : n;
        forEachIndex(batch, batchIndex -> {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        double left = leftIsVector ? a.get(p) : a.get(matrixIndex(batchIndex, batchA, i, p));
                        double right = rightIsVector ? b.get(p) : b.get(matrixIndex(batchIndex, batchB, p, j));
                        sum += left * right;
                    }
                    int[] outIndex = Arrays.copyOf(batchIndex, product.rank());
                    int position = batchIndex.length;
                    if (!leftIsVector) {
                        outIndex[position++] = i;
                    }
                    if (!rightIsVector) {
                        outIndex[position] = j;
                    }
                    assertThat(product.get(outIndex)).isCloseTo(sum, within(TOLERANCE));
                }
            }
        });
    }

    private static Shape withTail(Shape batch, int rows, int cols) {
        int[] dims = Arrays.copyOf(batch.toArray(), batch.rank() + 2);
        dims[batch.rank()] = rows;
        dims[batch.rank() + 1] = cols;
        return Shape.of(dims);
    }

    /** The index into an operand of batch shape {@code own} for one index of the broadcast batch. */
    private static int[] matrixIndex(int[] batchIndex, Shape own, int row, int col) {
        int[] index = new int[own.rank() + 2];
        int lead = batchIndex.length - own.rank();
        for (int d = 0; d < own.rank(); d++) {
            index[d] = own.dim(d) == 1 ? 0 : batchIndex[lead + d];
        }
        index[own.rank()] = row;
        index[own.rank() + 1] = col;
        return index;
    }

    // ---------------------------------------------------------------------------------------
    // Reductions
    // ---------------------------------------------------------------------------------------

    @Property(tries = 200)
    void reductionsWithKeepDimsEqualReductionsWithoutAfterReshape(@ForAll("reducible") Tensor x,
                                                                 @ForAll @IntRange(min = 0, max = 3) int axisSeed) {
        int axis = axisSeed % x.rank();
        List<ReductionAlongAxis> reductions = List.of(
                Tensor::sum, Tensor::mean, Tensor::max, Tensor::min, Tensor::argmax, Tensor::argmin,
                Tensor::variance, Tensor::std, Tensor::logSumExp);
        for (ReductionAlongAxis reduction : reductions) {
            Tensor kept = reduction.apply(x, axis, true);
            Tensor dropped = reduction.apply(x, axis, false);
            assertThat(kept.rank()).isEqualTo(x.rank());
            assertThat(kept.dim(axis)).isEqualTo(1);
            assertThat(dropped.rank()).isEqualTo(x.rank() - 1);
            assertThat(kept.reshape(dropped.shape())).isEqualTo(dropped);
            assertThat(kept.squeeze(axis)).isEqualTo(dropped);
            // a negative axis means the same
            assertThat(reduction.apply(x, axis - x.rank(), false)).isEqualTo(dropped);
            // and a view gives what its copy gives
            assertThat(reduction.apply(x.copy(), axis, false)).isEqualTo(dropped);
        }
    }

    /** One of Tensor's {@code op(axis, keepDims)} reductions. */
    @FunctionalInterface
    interface ReductionAlongAxis {
        Tensor apply(Tensor tensor, int axis, boolean keepDims);
    }

    @Property(tries = 200)
    void reductionsAlongAnAxisEqualAHandLoop(@ForAll("reducible") Tensor x,
                                             @ForAll @IntRange(min = 0, max = 3) int axisSeed) {
        int axis = axisSeed % x.rank();
        Tensor sum = x.sum(axis, false);
        Tensor max = x.max(axis, false);
        Tensor argmin = x.argmin(axis, false);
        Tensor mean = x.mean(axis, false);
        Tensor variance = x.variance(axis, false);
        Tensor logSumExp = x.logSumExp(axis, false);
        int length = x.dim(axis);
        forEachIndex(sum.shape(), outer -> {
            double total = 0;
            double largest = Double.NEGATIVE_INFINITY;
            int smallestAt = 0;
            double[] lane = new double[length];
            for (int j = 0; j < length; j++) {
                int[] index = new int[x.rank()];
                for (int d = 0, o = 0; d < x.rank(); d++) {
                    index[d] = d == axis ? j : outer[o++];
                }
                lane[j] = x.get(index);
                total += lane[j];
                largest = Math.max(largest, lane[j]);
                if (lane[j] < lane[smallestAt]) {
                    smallestAt = j;
                }
            }
            double laneMean = total / length;
            double squares = 0;
            double exps = 0;
            for (double v : lane) {
                squares += (v - laneMean) * (v - laneMean);
                exps += Math.exp(v);
            }
            assertThat(sum.get(outer)).isCloseTo(total, within(TOLERANCE));
            assertThat(max.get(outer)).isEqualTo(largest);
            assertThat(argmin.get(outer)).isEqualTo(smallestAt);
            assertThat(mean.get(outer)).isCloseTo(laneMean, within(TOLERANCE));
            assertThat(variance.get(outer)).isCloseTo(squares / length, within(TOLERANCE));
            assertThat(logSumExp.get(outer)).isCloseTo(Math.log(exps), within(TOLERANCE));
        });
    }

    @Property(tries = 200)
    void fullReductionsEqualAHandLoop(@ForAll("nonEmptyTensors") Tensor x) {
        double[] values = elementsByGet(x);
        double total = 0;
        int argmax = 0;
        for (int i = 0; i < values.length; i++) {
            total += values[i];
            if (values[i] > values[argmax]) {
                argmax = i;
            }
        }
        assertThat(x.sum().item()).isCloseTo(total, within(TOLERANCE));
        assertThat(x.mean().item()).isCloseTo(total / values.length, within(TOLERANCE));
        assertThat(x.argmax().item()).isEqualTo(argmax);
        assertThat(x.max().item()).isEqualTo(values[argmax]);
        assertThat(x.min().item()).isEqualTo(Arrays.stream(values).min().getAsDouble());
    }

    @Property(tries = 200)
    void softmaxRowsSumToOneAndLogSoftmaxIsItsLog(@ForAll("reducible") Tensor x,
                                                  @ForAll @IntRange(min = 0, max = 3) int axisSeed) {
        int axis = axisSeed % x.rank();
        Tensor softmax = x.mul(100).softmax(axis);
        assertClose(softmax.sum(axis, false), Tensor.ones(softmax.sum(axis, false).shape()));
        assertClose(x.mul(100).logSoftmax(axis).exp(), softmax);
        assertThat(softmax.min().item()).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 200)
    void sumToShapeOfABroadcastIsTheExpansionFactorTimesTheOriginal(@ForAll("tensors") Tensor x, @ForAll long seed) {
        Random random = new Random(seed);
        int lead = random.nextInt(3);
        int[] dims = x.shape().toArray();
        int[] target = new int[lead + dims.length];
        int factor = 1;
        for (int i = 0; i < target.length; i++) {
            boolean stretchable = i < lead || dims[i - lead] == 1;
            target[i] = stretchable ? random.nextInt(4) : dims[i - lead];
            if (stretchable) {
                factor *= target[i];
            }
        }
        Tensor broadcast = x.broadcastTo(Shape.of(target));
        Tensor summed = broadcast.sumToShape(x.shape());
        assertThat(summed.shape()).isEqualTo(x.shape());
        assertClose(summed, x.mul(factor));
    }

    // ---------------------------------------------------------------------------------------
    // Joining and random numbers
    // ---------------------------------------------------------------------------------------

    @Property(tries = 200)
    void concatThenSliceReturnsTheParts(@ForAll("tensors") Tensor x, @ForAll long seed) {
        if (x.rank() == 0) {
            return;
        }
        Random random = new Random(seed);
        int axis = random.nextInt(x.rank());
        int[] otherDims = x.shape().toArray();
        otherDims[axis] = random.nextInt(4);
        TensorArbitraries.Layout[] layouts = TensorArbitraries.Layout.values();
        Tensor y = TensorArbitraries.build(Shape.of(otherDims), layouts[random.nextInt(layouts.length)], random);
        Tensor joined = Tensor.concat(List.of(x, y, x), axis);
        int n = x.dim(axis);
        assertThat(joined.dim(axis)).isEqualTo(2 * n + y.dim(axis));
        assertThat(joined.slice(axis, 0, n)).isEqualTo(x);
        assertThat(joined.slice(axis, n, n + y.dim(axis))).isEqualTo(y);
        assertThat(joined.slice(axis, n + y.dim(axis), joined.dim(axis))).isEqualTo(x);
        Tensor stacked = Tensor.stack(List.of(x, x.neg()), axis);
        assertThat(stacked.select(axis, 0)).isEqualTo(x);
        assertThat(stacked.select(axis, 1)).isEqualTo(x.neg());
    }

    @Property(tries = 100)
    void sameSeedGivesSameNumbers(@ForAll long seed, @ForAll("smallDims") int[] dims) {
        assertThat(Tensor.rand(Shape.of(dims), seed)).isEqualTo(Tensor.rand(Shape.of(dims), seed));
        assertThat(Tensor.randn(Shape.of(dims), seed)).isEqualTo(Tensor.randn(Shape.of(dims), seed));
        assertThat(Tensor.uniform(Shape.of(dims), -3, 3, seed)).isEqualTo(Tensor.uniform(Shape.of(dims), -3, 3, seed));
        assertThat(Tensor.randint(Shape.of(dims), -5, 5, seed)).isEqualTo(Tensor.randint(Shape.of(dims), -5, 5, seed));
        assertThat(Tensor.randn(Shape.of(dims), seed).shape()).isEqualTo(Shape.of(dims));
        Tensor u = Tensor.uniform(Shape.of(dims), -3, 3, seed);
        for (double v : u.toDoubleArray()) {
            assertThat(v).isGreaterThanOrEqualTo(-3).isLessThan(3);
        }
        // the same generator continues the same stream
        Random random = new Random(seed);
        Tensor first = Tensor.rand(random, dims);
        Tensor second = Tensor.rand(random, dims);
        Tensor both = Tensor.rand(Shape.of(2 * Shape.of(dims).size()), seed);
        assertThat(Tensor.concat(List.of(first.flatten(), second.flatten()), 0)).isEqualTo(both);
    }

    @Provide
    Arbitrary<int[]> smallDims() {
        return Arbitraries.integers().between(0, 4).array(int[].class).ofMaxSize(4);
    }
}
