package gradschool.core;

import com.google.common.math.LongMath;
import java.util.Arrays;

/**
 * The dimensions of a tensor: an immutable list of non-negative sizes.
 *
 * <pre>{@code
 * Shape s = Shape.of(2, 3);
 * s.rank();   // 2 — the number of dimensions
 * s.size();   // 6 — the number of elements
 * s.dim(-1);  // 3 — negative indices count from the end, as in numpy
 * Shape.broadcast(Shape.of(2, 3), Shape.of(3));   // (2, 3)
 * }</pre>
 *
 * <p>A shape of rank 0, {@code ()}, describes a scalar and has size 1.
 *
 * <h2>Which shapes are valid</h2>
 * One rule, whatever the order of the dimensions: every dimension is {@code >= 0}, and the product
 * of the <em>non-zero</em> dimensions is at most {@link #MAX_SIZE} (2<sup>31</sup>−1). The element
 * count is then an {@code int}, and so is every stride of {@link #contiguousStrides()} (strides
 * treat a 0 like a 1), whichever dimension is the empty one. So {@code (0, 65536, 65536)} is
 * rejected just as {@code (65536, 65536, 0)} is, although both hold no elements: a tensor of either
 * shape would need a stride of 2<sup>32</sup>.
 */
public final class Shape {

    /**
     * The largest product of a shape's non-zero dimensions: {@code Integer.MAX_VALUE}, so that
     * element counts, indices and strides all fit in an {@code int}.
     */
    public static final int MAX_SIZE = Integer.MAX_VALUE;

    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        String problem = sizeProblem(dims);
        if (problem != null) {
            throw new IllegalArgumentException("shape " + format(dims) + " " + problem);
        }
        this.dims = dims;
        this.size = hasZeroDimension(dims) ? 0 : (int) productOfNonZeroDimensions(dims);
    }

    private static boolean hasZeroDimension(int[] dims) {
        for (int d : dims) {
            if (d == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks the size rule (see the class comment) for dimensions that are each {@code >= 0}.
     *
     * @param dims the dimensions
     * @return null if they make a valid shape, otherwise the broken rule in words, to follow the
     *     shape in a message: "is too large: ..."
     */
    static String sizeProblem(int[] dims) {
        long product = productOfNonZeroDimensions(dims);
        if (product <= MAX_SIZE) {
            return null;
        }
        String value = product == Long.MAX_VALUE ? "at least " + Long.MAX_VALUE : Long.toString(product);
        return "is too large: the product of its non-zero dimensions is " + value + ", but must be at most "
                + MAX_SIZE + " (so that its element count and strides fit in an int)";
    }

    /**
     * Returns the product of the non-zero dimensions, or {@code Long.MAX_VALUE} if it overflows a long.
     * It does not depend on the order of the dimensions.
     */
    private static long productOfNonZeroDimensions(int[] dims) {
        long product = 1;
        for (int d : dims) {
            if (d != 0) {
                product = LongMath.saturatedMultiply(product, d);
            }
        }
        return product;
    }

    /**
     * Returns the shape with the given dimensions.
     *
     * @param dims the size of each dimension, outermost first; each must be {@code >= 0}
     * @return the shape
     * @throws IllegalArgumentException naming the shape, if a dimension is negative or the product of
     *     the non-zero dimensions is more than {@link #MAX_SIZE}
     */
    public static Shape of(int... dims) {
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new IllegalArgumentException(
                        "shape " + format(dims) + ": dimension " + i + " is negative (" + dims[i] + ")");
            }
        }
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /**
     * Returns the shape of a scalar, {@code ()}.
     *
     * @return the rank-0 shape
     */
    public static Shape scalar() {
        return SCALAR;
    }

    /**
     * Returns the number of dimensions.
     *
     * @return the rank, 0 for a scalar
     */
    public int rank() {
        return dims.length;
    }

    /**
     * Returns the number of elements: the product of the dimensions (1 for a scalar).
     *
     * @return the element count
     */
    public int size() {
        return size;
    }

    /**
     * Returns the size of one dimension.
     *
     * @param axis the dimension; negative values count from the end ({@code -1} is the last)
     * @return its size
     * @throws IndexOutOfBoundsException if the axis is outside {@code [-rank, rank)}
     */
    public int dim(int axis) {
        return dims[normalizeAxis(axis)];
    }

    /**
     * Returns a copy of the dimensions.
     *
     * @return a new array holding each dimension's size
     */
    public int[] toArray() {
        return dims.clone();
    }

    /** The dimensions themselves, not a copy, for {@link Tensor} to hand to a kernel that only reads them. */
    int[] dimsForKernels() {
        return dims;
    }

    /**
     * Converts a possibly negative axis into the range {@code [0, rank)}.
     *
     * @param axis the axis; {@code -1} means the last
     * @return the same axis counted from the front
     * @throws IndexOutOfBoundsException naming the axis and this shape if it is out of range
     */
    public int normalizeAxis(int axis) {
        int normalized = axis < 0 ? axis + dims.length : axis;
        if (normalized < 0 || normalized >= dims.length) {
            throw new IndexOutOfBoundsException(
                    "axis " + axis + " is out of range for shape " + this + " of rank " + dims.length);
        }
        return normalized;
    }

    /**
     * Returns the row-major ("C order") strides of a contiguous tensor of this shape: the last
     * dimension has stride 1, and each earlier one the product of the sizes after it.
     *
     * @return the strides, in elements
     */
    public int[] contiguousStrides() {
        int[] strides = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= Math.max(dims[i], 1);
        }
        return strides;
    }

    /**
     * Returns the shape that numpy's broadcasting rule gives two shapes.
     *
     * <p>The rule: align the shapes at their last dimension (padding the shorter with 1s on the
     * left); in each position the sizes must be equal, or one of them must be 1, and the result has
     * the larger. For example {@code (2, 1, 4)} and {@code (3, 1)} broadcast to {@code (2, 3, 4)}.
     *
     * @param a one shape
     * @param b the other shape
     * @return the broadcast shape
     * @throws IllegalArgumentException naming both shapes and the dimension that differs
     */
    public static Shape broadcast(Shape a, Shape b) {
        if (a.equals(b)) {
            return a;
        }
        int rank = Math.max(a.rank(), b.rank());
        int[] result = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
            int db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("cannot broadcast shapes " + a + " and " + b
                        + ": dimension " + (i - rank) + " has sizes " + da + " and " + db
                        + " (they must be equal, or one of them 1)");
            }
            result[i] = da == 1 ? db : da;
        }
        return new Shape(result);
    }

    /**
     * Tells whether this shape can be broadcast to {@code target} (numpy's {@code broadcast_to} rule:
     * align at the right; each of this shape's dimensions must equal the target's or be 1).
     *
     * @param target the shape to broadcast to
     * @return true if it can
     */
    public boolean broadcastsTo(Shape target) {
        if (rank() > target.rank()) {
            return false;
        }
        int lead = target.rank() - rank();
        for (int i = 0; i < rank(); i++) {
            if (dims[i] != 1 && dims[i] != target.dims[lead + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shape && Arrays.equals(dims, ((Shape) other).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /**
     * Returns the shape as numpy prints it: {@code (2, 3)}, {@code (3,)} or {@code ()}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return format(dims);
    }

    static String format(int[] dims) {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(dims[i]);
        }
        return text.append(')').toString();
    }
}
