package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.testing.TensorArbitraries;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of {@link Shape}, checked against an independent statement of numpy's rules. */
class ShapeProperties {

    /**
     * numpy's broadcasting rule, written out independently of {@link Shape#broadcast}: pad the shorter
     * shape with 1s on the left; in each position the sizes must be equal or one must be 1, and the
     * result takes the one that is not 1. Returns null when the shapes do not broadcast.
     */
    static int[] numpyBroadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] paddedA = new int[rank];
        int[] paddedB = new int[rank];
        Arrays.fill(paddedA, 1);
        Arrays.fill(paddedB, 1);
        System.arraycopy(a, 0, paddedA, rank - a.length, a.length);
        System.arraycopy(b, 0, paddedB, rank - b.length, b.length);
        int[] result = new int[rank];
        for (int i = 0; i < rank; i++) {
            if (paddedA[i] == paddedB[i] || paddedB[i] == 1) {
                result[i] = paddedA[i];
            } else if (paddedA[i] == 1) {
                result[i] = paddedB[i];
            } else {
                return null;
            }
        }
        return result;
    }

    /** Shapes whose dimensions are mostly 1 and 2, so that random pairs often broadcast. */
    @Provide
    Arbitrary<Shape> smallShapes() {
        return Arbitraries.integers().between(0, 3).array(int[].class).ofMaxSize(4).map(Shape::of);
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return TensorArbitraries.shapes();
    }

    @Provide
    Arbitrary<Shape[]> broadcastablePairs() {
        return TensorArbitraries.broadcastableShapePairs();
    }

    @Property(tries = 300)
    void broadcastFailsExactlyWhenNumpysRuleDoes(@ForAll("smallShapes") Shape a, @ForAll("smallShapes") Shape b) {
        int[] expected = numpyBroadcast(a.toArray(), b.toArray());
        if (expected == null) {
            assertThatThrownBy(() -> Shape.broadcast(a, b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(a.toString()).hasMessageContaining(b.toString());
            assertThatThrownBy(() -> Shape.broadcast(b, a)).isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(Shape.broadcast(a, b)).isEqualTo(Shape.of(expected));
            assertThat(Shape.broadcast(b, a)).isEqualTo(Shape.of(expected));
        }
    }

    @Property(tries = 200)
    void broadcastResultIsOneBothShapesBroadcastTo(@ForAll("broadcastablePairs") Shape[] pair) {
        Shape result = Shape.broadcast(pair[0], pair[1]);
        assertThat(pair[0].broadcastsTo(result)).isTrue();
        assertThat(pair[1].broadcastsTo(result)).isTrue();
        assertThat(result.rank()).isEqualTo(Math.max(pair[0].rank(), pair[1].rank()));
        assertThat(Shape.broadcast(pair[1], pair[0])).isEqualTo(result);
        assertThat(Shape.broadcast(result, pair[0])).isEqualTo(result);
    }

    @Property(tries = 300)
    void broadcastsToMeansBroadcastingGivesTheTarget(@ForAll("smallShapes") Shape a,
                                                     @ForAll("smallShapes") Shape target) {
        int[] combined = numpyBroadcast(a.toArray(), target.toArray());
        boolean expected = combined != null && Arrays.equals(combined, target.toArray());
        assertThat(a.broadcastsTo(target)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void sizeIsTheProductAndStridesAreRowMajor(@ForAll("shapes") Shape shape) {
        int[] dims = shape.toArray();
        int size = 1;
        for (int d : dims) {
            size *= d;
        }
        assertThat(shape.size()).isEqualTo(size);
        assertThat(shape.rank()).isEqualTo(dims.length);
        int[] strides = shape.contiguousStrides();
        for (int i = 0; i < dims.length; i++) {
            int product = 1;
            for (int j = i + 1; j < dims.length; j++) {
                product *= Math.max(dims[j], 1);
            }
            assertThat(strides[i]).isEqualTo(product);
        }
    }

    @Property(tries = 200)
    void negativeAxesCountFromTheEnd(@ForAll("shapes") Shape shape) {
        for (int axis = -shape.rank(); axis < shape.rank(); axis++) {
            int normalized = shape.normalizeAxis(axis);
            assertThat(normalized).isEqualTo(axis < 0 ? axis + shape.rank() : axis);
            assertThat(shape.dim(axis)).isEqualTo(shape.toArray()[normalized]);
        }
        int rank = shape.rank();
        assertThatThrownBy(() -> shape.normalizeAxis(rank)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> shape.normalizeAxis(-rank - 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /**
     * Dimensions of rank 0 to 5 mixing 0, small sizes and sizes near the int limit, so that the
     * product of the non-zero dimensions often lands on either side of {@link Shape#MAX_SIZE}.
     */
    @Provide
    Arbitrary<int[]> dimsNearTheLimit() {
        return Arbitraries.oneOf(
                        Arbitraries.of(0, 0, 1, 2, 3, 46340, 46341, 65536, Integer.MAX_VALUE / 2 + 1, Integer.MAX_VALUE),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .array(int[].class).ofMaxSize(5);
    }

    @Property(tries = 500, seed = "20261201")
    void anyPermutationOfAShapeIsAcceptedExactlyWhenTheShapeIs(
            @ForAll("dimsNearTheLimit") int[] dims, @ForAll Random random) {
        int[] permuted = dims.clone();
        for (int i = permuted.length - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            int swap = permuted[i];
            permuted[i] = permuted[j];
            permuted[j] = swap;
        }
        // The rule, stated independently with exact arithmetic.
        BigInteger product = BigInteger.ONE;
        for (int d : dims) {
            product = product.multiply(BigInteger.valueOf(Math.max(d, 1)));
        }
        boolean valid = product.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0;
        for (int[] candidate : List.of(dims, permuted)) {
            if (valid) {
                Shape shape = Shape.of(candidate);
                assertThat(shape.size()).isEqualTo(Arrays.stream(candidate).anyMatch(d -> d == 0) ? 0 : product.intValueExact());
                int[] strides = shape.contiguousStrides();
                BigInteger stride = BigInteger.ONE;
                for (int axis = candidate.length - 1; axis >= 0; axis--) {
                    assertThat(strides[axis]).isEqualTo(stride.intValueExact());
                    stride = stride.multiply(BigInteger.valueOf(Math.max(candidate[axis], 1)));
                }
            } else {
                assertThatThrownBy(() -> Shape.of(candidate)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("shape " + Shape.format(candidate) + " is too large");
            }
        }
    }

    @Property(tries = 200)
    void equalityFollowsTheDimensions(@ForAll("smallShapes") Shape a, @ForAll("smallShapes") Shape b) {
        assertThat(a.equals(b)).isEqualTo(Arrays.equals(a.toArray(), b.toArray()));
        assertThat(Shape.of(a.toArray())).isEqualTo(a).hasSameHashCodeAs(a);
    }
}
