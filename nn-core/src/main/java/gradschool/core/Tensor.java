package gradschool.core;

import static com.google.common.base.Preconditions.checkArgument;

import gradschool.core.kernels.ElementwiseKernels;
import gradschool.core.kernels.LaneReducer;
import gradschool.core.kernels.MatMulKernels;
import gradschool.core.kernels.StridedLoops;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * An n-dimensional array of doubles, like a numpy {@code ndarray}.
 *
 * <pre>{@code
 * Tensor a = Tensor.of(new double[][] {{2, 4, 1}, {7, 2, 5}});
 * Tensor b = Tensor.of(new double[][] {{4, 5, 2}, {6, 8, 5}, {2, 2, 1}});
 * System.out.println(a.matmul(b));          // [[34. 44. 25.]
 *                                            //  [50. 61. 29.]]
 * Tensor z = x.matmul(w.transpose()).add(b); // the seed's X @ W.T + b, with broadcasting
 * }</pre>
 *
 * <h2>Storage layout</h2>
 * A tensor is a view onto a flat {@code double[]} <em>storage</em>. Element {@code (i0, i1, …)} lives
 * at {@code storage[offset + i0·strides[0] + i1·strides[1] + …]}. A freshly made tensor is
 * <em>contiguous</em> in row-major ("C") order: its last dimension has stride 1. Views — {@link
 * #transpose()}, {@link #permute}, {@link #slice}, {@link #select}, {@link #expand}, and {@link
 * #reshape} of contiguous data — share the storage and only change shape, strides and offset; every
 * other operation returns a new tensor with its own storage.
 *
 * <h2>Immutability by convention</h2>
 * Operations never modify their operands. The few methods that write into a tensor say so in their
 * name ({@link #addInPlace}, {@link #fill}, {@link #copyFrom}, …); only optimizers and kernels use
 * them. Writing into a view writes into the storage it shares.
 *
 * <h2>Broadcasting</h2>
 * Binary element-wise operations follow numpy's rule ({@link Shape#broadcast}): shapes are aligned
 * at the right, and a dimension of size 1 stretches to match the other.
 *
 * <h2>Where the code is</h2>
 * This class is the API: each method's javadoc says what it computes, and the longer bodies live in
 * package-private helpers next to it — {@link TensorViews} (transpose, reshape, slice, broadcast…),
 * {@link Joining} (concat, stack), {@link RandomTensors}, {@link Reductions} and
 * {@link MatrixProducts} (numpy's {@code @} shape rules). The loops themselves are in the
 * package {@code gradschool.core.kernels} ({@link ElementwiseKernels}, {@link MatMulKernels}, …),
 * which works on plain {@code double[]} storage, offsets and strides and which the module does not
 * export; the printer is {@code TensorFormat}; numpy files are {@code gradschool.core.io}.
 */
public final class Tensor {

    private final double[] storage;
    private final Shape shape;
    private final int[] strides;
    private final int offset;

    /** Wraps storage without copying; the caller guarantees that the layout fits the storage. */
    Tensor(double[] storage, Shape shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    /** Wraps contiguous row-major storage without copying. */
    Tensor(double[] storage, Shape shape) {
        this(storage, shape, shape.contiguousStrides(), 0);
    }

    // ---------------------------------------------------------------------------------------
    // Creation
    // ---------------------------------------------------------------------------------------

    /**
     * Returns a rank-0 tensor (a scalar).
     *
     * @param value the value
     * @return a tensor of shape {@code ()}
     */
    public static Tensor of(double value) {
        return new Tensor(new double[] {value}, Shape.scalar());
    }

    /**
     * Returns a 1-D tensor holding a copy of the values.
     *
     * @param values the elements
     * @return a tensor of shape {@code (values.length,)}
     */
    public static Tensor of(double[] values) {
        return new Tensor(values.clone(), Shape.of(values.length));
    }

    /**
     * Returns a 2-D tensor holding a copy of a rectangular array of rows.
     *
     * @param rows the rows; all must have the same length
     * @return a tensor of shape {@code (rows.length, rows[0].length)}
     * @throws IllegalArgumentException if the rows are ragged
     */
    public static Tensor of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] data = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            checkLength("of", rows[i].length, cols, "row " + i);
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new Tensor(data, Shape.of(rows.length, cols));
    }

    /**
     * Returns a 3-D tensor holding a copy of a rectangular array.
     *
     * @param values the values, indexed {@code [i][j][k]}
     * @return a tensor of shape {@code (n0, n1, n2)}
     * @throws IllegalArgumentException if the array is ragged
     */
    public static Tensor of(double[][][] values) {
        Tensor[] parts = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            parts[i] = of(values[i]);
        }
        return Joining.stackNested("of", parts, values.length == 0 ? Shape.of(0, 0, 0) : null);
    }

    /**
     * Returns a 4-D tensor holding a copy of a rectangular array.
     *
     * @param values the values, indexed {@code [i][j][k][l]}
     * @return a tensor of shape {@code (n0, n1, n2, n3)}
     * @throws IllegalArgumentException if the array is ragged
     */
    public static Tensor of(double[][][][] values) {
        Tensor[] parts = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            parts[i] = of(values[i]);
        }
        return Joining.stackNested("of", parts, values.length == 0 ? Shape.of(0, 0, 0, 0) : null);
    }

    /**
     * Returns a tensor of the given shape holding a copy of row-major data.
     *
     * @param shape the shape
     * @param data the elements in row-major order; its length must be {@code shape.size()}
     * @return a new contiguous tensor
     * @throws IllegalArgumentException if the length does not match the shape
     */
    public static Tensor of(Shape shape, double[] data) {
        checkLength("of", data.length, shape.size(), "data for shape " + shape);
        return new Tensor(data.clone(), shape);
    }

    private static void checkLength(String op, int actual, int expected, String what) {
        checkArgument(actual == expected, "%s: %s has %s elements, expected %s", op, what, actual, expected);
    }

    /**
     * Returns a tensor of zeros.
     *
     * @param dims the shape
     * @return a new tensor filled with 0
     */
    public static Tensor zeros(int... dims) {
        return zeros(Shape.of(dims));
    }

    /**
     * Returns a tensor of zeros.
     *
     * @param shape the shape
     * @return a new tensor filled with 0
     */
    public static Tensor zeros(Shape shape) {
        return new Tensor(new double[shape.size()], shape);
    }

    /**
     * Returns a tensor of ones.
     *
     * @param dims the shape
     * @return a new tensor filled with 1
     */
    public static Tensor ones(int... dims) {
        return full(Shape.of(dims), 1.0);
    }

    /**
     * Returns a tensor of ones.
     *
     * @param shape the shape
     * @return a new tensor filled with 1
     */
    public static Tensor ones(Shape shape) {
        return full(shape, 1.0);
    }

    /**
     * Returns a tensor filled with one value.
     *
     * @param shape the shape
     * @param value the value of every element
     * @return a new tensor
     */
    public static Tensor full(Shape shape, double value) {
        double[] data = new double[shape.size()];
        Arrays.fill(data, value);
        return new Tensor(data, shape);
    }

    /**
     * Returns the {@code n × n} identity matrix.
     *
     * @param n the number of rows and columns
     * @return a new tensor with ones on the diagonal and zeros elsewhere
     */
    public static Tensor eye(int n) {
        Tensor result = zeros(n, n);
        for (int i = 0; i < n; i++) {
            result.storage[i * n + i] = 1.0;
        }
        return result;
    }

    /**
     * Returns {@code 0, 1, …, stop - 1}, like {@code np.arange(stop)}.
     *
     * @param stop the end, exclusive
     * @return a 1-D tensor
     */
    public static Tensor arange(double stop) {
        return arange(0, stop, 1);
    }

    /**
     * Returns evenly spaced values {@code start, start + step, …} below {@code stop}, like
     * {@code np.arange(start, stop, step)}.
     *
     * @param start the first value
     * @param stop the end, exclusive
     * @param step the spacing; must not be 0
     * @return a 1-D tensor of {@code ceil((stop - start) / step)} elements (none if that is negative)
     * @throws IllegalArgumentException if step is 0 or not finite
     */
    public static Tensor arange(double start, double stop, double step) {
        checkArgument(step != 0 && Double.isFinite(step), "arange: step must be finite and non-zero, got %s", step);
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = start + i * step;
        }
        return new Tensor(data, Shape.of(n));
    }

    /**
     * Returns {@code count} evenly spaced values from {@code start} to {@code stop} inclusive, like
     * {@code np.linspace}.
     *
     * @param start the first value
     * @param stop the last value
     * @param count how many values; must be {@code >= 0}
     * @return a 1-D tensor
     */
    public static Tensor linspace(double start, double stop, int count) {
        checkArgument(count >= 0, "linspace: count must be >= 0, got %s", count);
        double[] data = new double[count];
        double step = count > 1 ? (stop - start) / (count - 1) : 0;
        for (int i = 0; i < count; i++) {
            data[i] = start + i * step;
        }
        if (count > 1) {
            data[count - 1] = stop;
        }
        return new Tensor(data, Shape.of(count));
    }

    // ---------------------------------------------------------------------------------------
    // Random tensors. With a seed, java.util.Random is used: its algorithm is fixed by its
    // specification, so the same seed gives the same numbers on every machine and JDK. Normal
    // samples use the Box–Muller transform on nextDouble() (in RandomTensors), also fully specified.
    // ---------------------------------------------------------------------------------------

    /**
     * Returns samples from the standard normal distribution N(0, 1), reproducible from a seed.
     *
     * <p>The shape comes first and the seed last, as a {@link Shape}, so that a seed can never be
     * read as a dimension: {@code Tensor.randn(Shape.of(200, 1), 42)} is a 200×1 tensor. (A form
     * {@code randn(long seed, int... dims)} would read {@code randn(200, 1)} as seed 200 and shape
     * {@code (1,)}, silently.) The same seed gives the same numbers on every machine and JDK, as
     * {@code randn(new Random(seed), dims)} does.
     *
     * @param shape the shape
     * @param seed the seed of a new {@code java.util.Random}
     * @return a new tensor
     */
    public static Tensor randn(Shape shape, long seed) {
        return randn(new Random(seed), shape.toArray());
    }

    /**
     * Returns samples from the standard normal distribution N(0, 1).
     *
     * <p>Uses the Box–Muller transform: {@code sqrt(-2 ln u1)·cos(2π u2)} and
     * {@code sqrt(-2 ln u1)·sin(2π u2)} from two uniform draws.
     *
     * @param random the generator to draw from (advanced by this call)
     * @param dims the shape
     * @return a new tensor
     */
    public static Tensor randn(RandomGenerator random, int... dims) {
        return RandomTensors.normal(random, dims);
    }

    /**
     * Returns samples from the uniform distribution on {@code [0, 1)}, reproducible from a seed.
     *
     * <p>The seed comes last, after a {@link Shape}, so that it cannot be mistaken for a dimension
     * (see {@link #randn(Shape, long)}).
     *
     * @param shape the shape
     * @param seed the seed of a new {@code java.util.Random}
     * @return a new tensor
     */
    public static Tensor rand(Shape shape, long seed) {
        return uniform(new Random(seed), 0.0, 1.0, shape.toArray());
    }

    /**
     * Returns samples from the uniform distribution on {@code [0, 1)}.
     *
     * @param random the generator to draw from
     * @param dims the shape
     * @return a new tensor
     */
    public static Tensor rand(RandomGenerator random, int... dims) {
        return uniform(random, 0.0, 1.0, dims);
    }

    /**
     * Returns samples from the uniform distribution on {@code [low, high)}, reproducible from a seed.
     *
     * <p>The seed comes last, after a {@link Shape}, so that it cannot be mistaken for a dimension
     * (see {@link #randn(Shape, long)}).
     *
     * @param shape the shape
     * @param low the lower bound, inclusive
     * @param high the upper bound, exclusive
     * @param seed the seed of a new {@code java.util.Random}
     * @return a new tensor
     */
    public static Tensor uniform(Shape shape, double low, double high, long seed) {
        return uniform(new Random(seed), low, high, shape.toArray());
    }

    /**
     * Returns samples from the uniform distribution on {@code [low, high)}: {@code low + (high - low)·u}.
     *
     * @param random the generator to draw from
     * @param low the lower bound, inclusive
     * @param high the upper bound, exclusive
     * @param dims the shape
     * @return a new tensor
     * @throws IllegalArgumentException if {@code high < low}
     */
    public static Tensor uniform(RandomGenerator random, double low, double high, int... dims) {
        return RandomTensors.uniform(random, low, high, dims);
    }

    /**
     * Returns random integers in {@code [low, high)} (stored as doubles), reproducible from a seed.
     *
     * <p>The seed comes last, after a {@link Shape}, so that it cannot be mistaken for a dimension
     * (see {@link #randn(Shape, long)}).
     *
     * @param shape the shape
     * @param low the lower bound, inclusive
     * @param high the upper bound, exclusive
     * @param seed the seed of a new {@code java.util.Random}
     * @return a new tensor
     */
    public static Tensor randint(Shape shape, int low, int high, long seed) {
        return randint(new Random(seed), low, high, shape.toArray());
    }

    /**
     * Returns random integers in {@code [low, high)} (stored as doubles).
     *
     * @param random the generator to draw from
     * @param low the lower bound, inclusive
     * @param high the upper bound, exclusive
     * @param dims the shape
     * @return a new tensor
     * @throws IllegalArgumentException if {@code high <= low}
     */
    public static Tensor randint(RandomGenerator random, int low, int high, int... dims) {
        return RandomTensors.integers(random, low, high, dims);
    }

    // ---------------------------------------------------------------------------------------
    // Looking inside
    // ---------------------------------------------------------------------------------------

    /**
     * Returns the shape.
     *
     * @return the shape
     */
    public Shape shape() {
        return shape;
    }

    /**
     * Returns the number of dimensions.
     *
     * @return the rank
     */
    public int rank() {
        return shape.rank();
    }

    /**
     * Returns the number of elements.
     *
     * @return the element count
     */
    public int size() {
        return shape.size();
    }

    /**
     * Returns the size of one dimension.
     *
     * @param axis the dimension; negative counts from the end
     * @return its size
     */
    public int dim(int axis) {
        return shape.dim(axis);
    }

    /**
     * Returns a copy of the strides: how far apart, in storage elements, neighbours along each
     * dimension are.
     *
     * @return the strides
     */
    public int[] strides() {
        return strides.clone();
    }

    /**
     * Returns the position in the storage of element {@code (0, 0, …)}.
     *
     * @return the offset
     */
    public int offset() {
        return offset;
    }

    /**
     * Tells whether the elements lie in row-major order with no gaps (the offset may be anything).
     *
     * @return true if contiguous
     */
    public boolean isContiguous() {
        if (size() == 0) {
            return true; // no elements, so no gaps (and the strides of a 0-size dimension are arbitrary)
        }
        int expected = 1;
        for (int i = strides.length - 1; i >= 0; i--) {
            if (shape.dim(i) != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape.dim(i);
        }
        return true;
    }

    /**
     * Tells whether this tensor and another share the same storage array (one is a view of the other).
     *
     * @param other the other tensor
     * @return true if they share storage
     */
    public boolean sharesStorageWith(Tensor other) {
        return storage == other.storage;
    }

    /**
     * Returns one element.
     *
     * @param index one index per dimension; negative values count from the end
     * @return the element
     * @throws IllegalArgumentException if the number of indices is not the rank
     * @throws IndexOutOfBoundsException naming the index and the shape if one is out of range
     */
    public double get(int... index) {
        return storage[storageIndex("get", index)];
    }

    /**
     * Writes one element, in place.
     *
     * @param value the new value
     * @param index one index per dimension; negative values count from the end
     * @return this tensor
     */
    public Tensor setInPlace(double value, int... index) {
        storage[storageIndex("setInPlace", index)] = value;
        return this;
    }

    private int storageIndex(String op, int[] index) {
        if (index.length != rank()) {
            throw new IllegalArgumentException(op + ": index " + Arrays.toString(index) + " has "
                    + index.length + " components but shape " + shape + " has rank " + rank());
        }
        int position = offset;
        for (int d = 0; d < index.length; d++) {
            position += strides[d] * Axes.checkIndex(op, shape, index[d], d);
        }
        return position;
    }

    /**
     * Returns the only element of a one-element tensor.
     *
     * @return the value
     * @throws IllegalArgumentException if the tensor does not have exactly one element
     */
    public double item() {
        checkArgument(size() == 1, "item: only a one-element tensor has an item, but shape %s has %s elements",
                shape, size());
        return storage[offset];
    }

    /**
     * Returns the elements in row-major order, in a new array.
     *
     * @return a flat copy
     */
    public double[] toDoubleArray() {
        return contiguousData();
    }

    /**
     * Returns a 1-D tensor's elements as a Java array.
     *
     * @return a new array
     * @throws IllegalArgumentException if the rank is not 1
     */
    public double[] to1DArray() {
        checkRank("to1DArray", 1);
        return contiguousData();
    }

    /**
     * Returns a 2-D tensor's elements as a Java array of rows.
     *
     * @return a new array indexed {@code [row][column]}
     * @throws IllegalArgumentException if the rank is not 2
     */
    public double[][] to2DArray() {
        checkRank("to2DArray", 2);
        double[][] rows = new double[dim(0)][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = select(0, i).contiguousData();
        }
        return rows;
    }

    /**
     * Returns a 3-D tensor's elements as a Java array.
     *
     * @return a new array indexed {@code [i][j][k]}
     * @throws IllegalArgumentException if the rank is not 3
     */
    public double[][][] to3DArray() {
        checkRank("to3DArray", 3);
        double[][][] result = new double[dim(0)][][];
        for (int i = 0; i < result.length; i++) {
            result[i] = select(0, i).to2DArray();
        }
        return result;
    }

    /**
     * Returns a 4-D tensor's elements as a Java array.
     *
     * @return a new array indexed {@code [i][j][k][l]}
     * @throws IllegalArgumentException if the rank is not 4
     */
    public double[][][][] to4DArray() {
        checkRank("to4DArray", 4);
        double[][][][] result = new double[dim(0)][][][];
        for (int i = 0; i < result.length; i++) {
            result[i] = select(0, i).to3DArray();
        }
        return result;
    }

    private void checkRank(String op, int expected) {
        checkArgument(rank() == expected, "%s: needs a tensor of rank %s, got shape %s", op, expected, shape);
    }

    /** Returns the elements in row-major order, in a new array: the storage itself is never handed out. */
    double[] contiguousData() {
        double[] out = new double[size()];
        if (out.length == 0) {
            return out; // an empty view's offset may point past the end of its storage
        } else if (isContiguous()) {
            System.arraycopy(storage, offset, out, 0, out.length);
        } else {
            StridedLoops.copy(storage, offset, strides, shape.toArray(), out, 0, shape.contiguousStrides());
        }
        return out;
    }
    /** The storage array itself, for this package's helpers (views share it; kernels read and write it). */
    double[] storage() {
        return storage;
    }

    // ---------------------------------------------------------------------------------------
    // Element-wise operations with broadcasting
    // ---------------------------------------------------------------------------------------

    /**
     * Returns {@code this + other}, element-wise with broadcasting.
     *
     * @param other the other operand
     * @return a new tensor of the broadcast shape
     */
    public Tensor add(Tensor other) {
        return binary("add", other, Double::sum, ElementwiseKernels::add);
    }

    /**
     * Returns {@code this + value} for every element.
     *
     * @param value the scalar
     * @return a new tensor
     */
    public Tensor add(double value) {
        return map(x -> x + value);
    }

    /**
     * Returns {@code this - other}, element-wise with broadcasting.
     *
     * @param other the other operand
     * @return a new tensor of the broadcast shape
     */
    public Tensor sub(Tensor other) {
        return binary("sub", other, (x, y) -> x - y, ElementwiseKernels::sub);
    }

    /**
     * Returns {@code this - value} for every element.
     *
     * @param value the scalar
     * @return a new tensor
     */
    public Tensor sub(double value) {
        return map(x -> x - value);
    }

    /**
     * Returns {@code this * other}, element-wise with broadcasting (numpy's {@code *}, not matmul).
     *
     * @param other the other operand
     * @return a new tensor of the broadcast shape
     */
    public Tensor mul(Tensor other) {
        return binary("mul", other, (x, y) -> x * y, ElementwiseKernels::mul);
    }

    /**
     * Returns {@code this * value} for every element.
     *
     * @param value the scalar
     * @return a new tensor
     */
    public Tensor mul(double value) {
        if (isContiguous()) {
            double[] out = new double[size()];
            ElementwiseKernels.scale(storage, offset, value, out, out.length);
            return new Tensor(out, shape);
        }
        return map(x -> x * value);
    }

    /**
     * Returns {@code this / other}, element-wise with broadcasting (IEEE: {@code 1/0 = inf}).
     *
     * @param other the divisor
     * @return a new tensor of the broadcast shape
     */
    public Tensor div(Tensor other) {
        return binary("div", other, (x, y) -> x / y, ElementwiseKernels::div);
    }

    /**
     * Returns {@code this / value} for every element.
     *
     * @param value the divisor
     * @return a new tensor
     */
    public Tensor div(double value) {
        return map(x -> x / value);
    }

    /**
     * Returns {@code this ** other}, element-wise with broadcasting ({@link Math#pow}).
     *
     * @param exponent the exponents
     * @return a new tensor of the broadcast shape
     */
    public Tensor pow(Tensor exponent) {
        return binary("pow", exponent, Math::pow, null);
    }

    /**
     * Returns {@code this ** exponent} for every element.
     *
     * @param exponent the exponent
     * @return a new tensor
     */
    public Tensor pow(double exponent) {
        if (exponent == 2.0) {
            return map(x -> x * x);
        }
        return map(x -> Math.pow(x, exponent));
    }

    /**
     * Returns the larger of the two operands at each position, with broadcasting (NaN if either is NaN).
     *
     * @param other the other operand
     * @return a new tensor of the broadcast shape
     */
    public Tensor maximum(Tensor other) {
        return binary("maximum", other, Math::max, ElementwiseKernels::maximum);
    }

    /**
     * Returns {@code max(this, value)} for every element: {@code maximum(0)} is ReLU, as in the seed's
     * {@code np.maximum(0, z)}.
     *
     * @param value the scalar
     * @return a new tensor
     */
    public Tensor maximum(double value) {
        return map(x -> Math.max(x, value));
    }

    /**
     * Returns the smaller of the two operands at each position, with broadcasting (NaN if either is NaN).
     *
     * @param other the other operand
     * @return a new tensor of the broadcast shape
     */
    public Tensor minimum(Tensor other) {
        return binary("minimum", other, Math::min, ElementwiseKernels::minimum);
    }

    /**
     * Returns {@code min(this, value)} for every element.
     *
     * @param value the scalar
     * @return a new tensor
     */
    public Tensor minimum(double value) {
        return map(x -> Math.min(x, value));
    }

    /**
     * Returns 1 where {@code this == other} and 0 elsewhere, with broadcasting.
     *
     * @param other the other operand
     * @return a new tensor of 0s and 1s
     */
    public Tensor eq(Tensor other) {
        return binary("eq", other, (x, y) -> x == y ? 1.0 : 0.0, null);
    }

    /**
     * Returns 1 where {@code this != other} and 0 elsewhere, with broadcasting.
     *
     * @param other the other operand
     * @return a new tensor of 0s and 1s
     */
    public Tensor ne(Tensor other) {
        return binary("ne", other, (x, y) -> x != y ? 1.0 : 0.0, null);
    }

    /**
     * Returns 1 where {@code this < other} and 0 elsewhere, with broadcasting.
     *
     * @param other the other operand
     * @return a new tensor of 0s and 1s
     */
    public Tensor lt(Tensor other) {
        return binary("lt", other, (x, y) -> x < y ? 1.0 : 0.0, null);
    }

    /**
     * Returns 1 where {@code this <= other} and 0 elsewhere, with broadcasting.
     *
     * @param other the other operand
     * @return a new tensor of 0s and 1s
     */
    public Tensor le(Tensor other) {
        return binary("le", other, (x, y) -> x <= y ? 1.0 : 0.0, null);
    }

    /**
     * Returns 1 where {@code this > other} and 0 elsewhere, with broadcasting.
     *
     * @param other the other operand
     * @return a new tensor of 0s and 1s
     */
    public Tensor gt(Tensor other) {
        return binary("gt", other, (x, y) -> x > y ? 1.0 : 0.0, null);
    }

    /**
     * Returns 1 where {@code this >= other} and 0 elsewhere, with broadcasting.
     *
     * @param other the other operand
     * @return a new tensor of 0s and 1s
     */
    public Tensor ge(Tensor other) {
        return binary("ge", other, (x, y) -> x >= y ? 1.0 : 0.0, null);
    }

    /**
     * Returns 1 where {@code this > value} and 0 elsewhere.
     *
     * @param value the threshold
     * @return a new tensor of 0s and 1s
     */
    public Tensor gt(double value) {
        if (isContiguous()) {
            double[] out = new double[size()];
            ElementwiseKernels.greaterThan(storage, offset, value, out, out.length);
            return new Tensor(out, shape);
        }
        return map(x -> x > value ? 1.0 : 0.0);
    }

    /**
     * Returns 1 where {@code this < value} and 0 elsewhere.
     *
     * @param value the threshold
     * @return a new tensor of 0s and 1s
     */
    public Tensor lt(double value) {
        return map(x -> x < value ? 1.0 : 0.0);
    }

    /**
     * Returns 1 where {@code this == value} and 0 elsewhere.
     *
     * @param value the value to compare with
     * @return a new tensor of 0s and 1s
     */
    public Tensor eq(double value) {
        return map(x -> x == value ? 1.0 : 0.0);
    }

    /**
     * Chooses element-wise between two tensors, like {@code np.where(condition, ifTrue, ifFalse)}:
     * where the condition is non-zero the result takes {@code ifTrue}, elsewhere {@code ifFalse}. All
     * three broadcast together.
     *
     * @param condition the mask (non-zero means true)
     * @param ifTrue values where the condition holds
     * @param ifFalse values where it does not
     * @return a new tensor of the broadcast shape of all three
     */
    public static Tensor where(Tensor condition, Tensor ifTrue, Tensor ifFalse) {
        Shape outShape;
        try {
            outShape = Shape.broadcast(Shape.broadcast(condition.shape, ifTrue.shape), ifFalse.shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("where: condition " + condition.shape + ", ifTrue "
                    + ifTrue.shape + " and ifFalse " + ifFalse.shape + " do not broadcast together: "
                    + e.getMessage(), e);
        }
        Tensor c = condition.broadcastTo(outShape).contiguous();
        Tensor t = ifTrue.broadcastTo(outShape).contiguous();
        Tensor f = ifFalse.broadcastTo(outShape).contiguous();
        double[] out = new double[outShape.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.storage[c.offset + i] != 0 ? t.storage[t.offset + i] : f.storage[f.offset + i];
        }
        return new Tensor(out, outShape);
    }

    /**
     * Applies a function of two numbers element-wise, with broadcasting.
     *
     * @param other the second operand
     * @param function the function, called as {@code function(thisElement, otherElement)}
     * @return a new tensor of the broadcast shape
     */
    public Tensor zipWith(Tensor other, DoubleBinaryOperator function) {
        return binary("zipWith", other, function, null);
    }

    /**
     * The one element-wise engine for two tensors: broadcasts the shapes, then hands both layouts to
     * {@link ElementwiseKernels#binary}, which picks the loop (the op's own {@code kernel} if it has
     * one and the layout allows, the general strided loop calling {@code function} otherwise). Two
     * scalars skip the dispatch: the same one step of the flat loop, without the layout checks.
     */
    private Tensor binary(String op, Tensor other, DoubleBinaryOperator function, ElementwiseKernels.Binary kernel) {
        if (rank() == 0 && other.rank() == 0) {
            double[] out = new double[1];
            if (kernel != null) {
                kernel.apply(storage, offset, other.storage, other.offset, out, 0, 1);
            } else {
                out[0] = function.applyAsDouble(storage[offset], other.storage[other.offset]);
            }
            return new Tensor(out, shape, strides, 0);
        }
        Shape outShape;
        if (shape.equals(other.shape)) {
            outShape = shape;
        } else {
            try {
                outShape = Shape.broadcast(shape, other.shape);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
            }
        }
        double[] out = new double[outShape.size()];
        ElementwiseKernels.binary(storage, offset, kernelStrides(outShape), other.storage, other.offset,
                other.kernelStrides(outShape), outShape.dimsForKernels(), out, function, kernel);
        return new Tensor(out, outShape);
    }

    /**
     * The strides that {@link ElementwiseKernels#binary} reads this tensor with as the (broadcast)
     * shape {@code target}: this tensor's own strides, not a copy, unless a dimension of size 1 is
     * stretched — the kernels read missing leading dimensions as stride 0 themselves. So a bias
     * {@code (n,)} added to {@code (batch, n)} costs no allocation besides the result.
     */
    private int[] kernelStrides(Shape target) {
        int lead = target.rank() - rank();
        for (int i = 0; i < rank(); i++) {
            if (shape.dim(i) == 1 && target.dim(lead + i) != 1) {
                return broadcastStrides(target);
            }
        }
        return strides;
    }

    /**
     * Returns the strides that read this tensor as if it had the (broadcast) shape {@code target}:
     * stride 0 along every dimension that is stretched or added on the left. For the same shape it
     * returns this tensor's own strides array, not a copy (nothing is stretched): callers only read it.
     */
    int[] broadcastStrides(Shape target) {
        if (shape.equals(target)) {
            return strides;
        }
        int lead = target.rank() - rank();
        int[] result = new int[target.rank()];
        for (int i = 0; i < rank(); i++) {
            result[lead + i] = shape.dim(i) == 1 && target.dim(lead + i) != 1 ? 0 : strides[i];
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------
    // Element-wise functions of one tensor
    // ---------------------------------------------------------------------------------------

    /**
     * Applies a function to every element.
     *
     * @param function the function
     * @return a new tensor of the same shape
     */
    public Tensor map(DoubleUnaryOperator function) {
        double[] out = new double[size()];
        if (isContiguous()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = function.applyAsDouble(storage[offset + i]);
            }
        } else {
            double[] source = contiguousData();
            for (int i = 0; i < out.length; i++) {
                out[i] = function.applyAsDouble(source[i]);
            }
        }
        return new Tensor(out, shape);
    }

    /**
     * Returns {@code -this}.
     *
     * @return a new tensor
     */
    public Tensor neg() {
        return map(x -> -x);
    }

    /**
     * Returns {@code |this|}.
     *
     * @return a new tensor
     */
    public Tensor abs() {
        return map(Math::abs);
    }

    /**
     * Returns {@code e^this}: within 2 ulp of {@code StrictMath.exp}, and the same bits on every JVM
     * and CPU, with or without the Vector API (one formula, a range reduction and a polynomial with
     * FMAs, evaluated identically by a scalar and a vector loop).
     *
     * @return a new tensor
     */
    public Tensor exp() {
        return transcendental(ElementwiseKernels::exp);
    }

    /**
     * Returns the natural logarithm (−inf at 0, NaN below 0): within 2 ulp of {@code StrictMath.log},
     * the same bits with or without the Vector API, like {@link #exp()}.
     *
     * @return a new tensor
     */
    public Tensor log() {
        return transcendental(ElementwiseKernels::log);
    }

    /**
     * Returns the square root (NaN below 0).
     *
     * @return a new tensor
     */
    public Tensor sqrt() {
        return map(Math::sqrt);
    }

    /**
     * Returns the hyperbolic tangent: within 2 ulp of {@code StrictMath.tanh}, exactly ±1 from
     * {@code |x| = 22} on, the same bits with or without the Vector API, like {@link #exp()}.
     *
     * @return a new tensor
     */
    public Tensor tanh() {
        return transcendental(ElementwiseKernels::tanh);
    }

    /**
     * Returns the sine of every element (in radians).
     *
     * @return a new tensor
     */
    public Tensor sin() {
        return map(Math::sin);
    }

    /**
     * Returns the cosine of every element (in radians).
     *
     * @return a new tensor
     */
    public Tensor cos() {
        return map(Math::cos);
    }

    /**
     * Returns the error function {@code erf(x) = 2/√π ∫₀ˣ e^(−t²) dt} of every element
     * ({@link SpecialFunctions#erf}, accurate to one unit in the last place).
     *
     * @return a new tensor
     */
    public Tensor erf() {
        return map(SpecialFunctions::erf);
    }

    /**
     * Returns the logistic sigmoid {@code 1 / (1 + e^-x)}, computed so that it is exact for large
     * |x|: {@code sigmoid(-800) == 0} and {@code sigmoid(800) == 1}, never NaN.
     *
     * @return a new tensor
     */
    public Tensor sigmoid() {
        return transcendental(ElementwiseKernels::sigmoid);
    }

    /**
     * Runs one of the flat transcendental loops of {@link ElementwiseKernels} (exp, log, tanh, sigmoid)
     * over the elements, reading a strided view through a contiguous copy.
     */
    private Tensor transcendental(UnaryKernel kernel) {
        if (isContiguous()) {
            double[] out = new double[size()];
            kernel.apply(storage, offset, out, out.length);
            return new Tensor(out, shape);
        }
        double[] values = contiguousData();
        kernel.apply(values, 0, values, values.length); // in place: each element is read before it is written
        return new Tensor(values, shape);
    }

    /** A flat loop over one operand: {@code out[i] = f(a[aOffset + i])} for {@code i < n}. */
    @FunctionalInterface
    private interface UnaryKernel {
        void apply(double[] a, int aOffset, double[] out, int n);
    }

    /**
     * The logistic sigmoid of one number, stable for large |x|.
     *
     * <p>For x ≥ 0, {@code 1 / (1 + e^-x)} (e^-x cannot overflow). For x &lt; 0,
     * {@code e^x / (1 + e^x)} (e^x cannot overflow, and underflows to exactly 0). The exponential is
     * the one of {@link #exp()}, so this gives the same bits as {@link #sigmoid()}.
     *
     * @param x the input
     * @return sigmoid(x), in [0, 1]
     */
    public static double sigmoid(double x) {
        return ElementwiseKernels.sigmoid(x);
    }

    /**
     * Returns the rectified linear unit {@code max(x, 0)}.
     *
     * @return a new tensor
     */
    public Tensor relu() {
        if (isContiguous()) {
            double[] out = new double[size()];
            ElementwiseKernels.relu(storage, offset, out, out.length);
            return new Tensor(out, shape);
        }
        return map(x -> Math.max(x, 0.0));
    }

    /**
     * Returns the sign of every element: −1, 0 or 1 (NaN stays NaN).
     *
     * @return a new tensor
     */
    public Tensor sign() {
        return map(Math::signum);
    }

    /**
     * Limits every element to {@code [min, max]}.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return a new tensor
     * @throws IllegalArgumentException if {@code min > max}
     */
    public Tensor clip(double min, double max) {
        checkArgument(min <= max, "clip: min (%s) is greater than max (%s)", min, max);
        return map(x -> Math.min(Math.max(x, min), max));
    }

    /**
     * Rounds every element to a number of decimals, half to even, like {@code np.round}.
     *
     * @param decimals digits after the point (may be negative)
     * @return a new tensor
     */
    public Tensor round(int decimals) {
        double scale = Math.pow(10, decimals);
        return map(x -> Math.rint(x * scale) / scale);
    }

    // ---------------------------------------------------------------------------------------
    // Matrix products
    // ---------------------------------------------------------------------------------------

    /**
     * Returns the matrix product with numpy's {@code @} semantics.
     *
     * <ul>
     *   <li>1-D · 1-D: the dot product, a scalar;</li>
     *   <li>2-D · 2-D: {@code c_ij = Σ_k a_ik · b_kj};</li>
     *   <li>1-D · 2-D and 2-D · 1-D: the vector is treated as a row (resp. column) and that
     *       dimension is removed from the result;</li>
     *   <li>N-D: a stack of matrices in the last two dimensions; the leading (batch) dimensions
     *       broadcast.</li>
     * </ul>
     *
     * @param other the right operand
     * @return a new tensor
     * @throws IllegalArgumentException naming both shapes if the inner dimensions differ, if either
     *     operand is a scalar, or if the batch dimensions do not broadcast
     */
    public Tensor matmul(Tensor other) {
        return MatrixProducts.matmul(this, other);
    }

    /**
     * Copies every sliding window of a batch of images into a column (im2col, PyTorch's
     * {@code F.unfold}): {@code (N, C, H, W)} becomes {@code (N, C·kh·kw, outH·outW)}, where
     * {@code y[n, (c·kh + i)·kw + j, oy·outW + ox] = x[n, c, oy·sh − ph + i·dh, ox·sw − pw + j·dw]}
     * (0 in the zero padding) and {@code outH = ⌊(H + 2·ph − dh·(kh − 1) − 1) / sh⌋ + 1}, likewise outW.
     * A convolution is this followed by one matrix product with the weights (docs/convolution.md).
     * A strided view is read in place, not copied.
     *
     * @param kernelSize {@code {kh, kw}}
     * @param stride {@code {sh, sw}}, each at least 1
     * @param padding {@code {ph, pw}}, zeros on both sides, each at least 0
     * @param dilation {@code {dh, dw}}, the step between kernel taps, each at least 1
     * @return a new contiguous tensor {@code (N, C·kh·kw, outH·outW)}
     * @throws IllegalArgumentException if this is not 4-D, or naming the input size, kernel, stride,
     *     padding and dilation if the output would be empty
     */
    public Tensor unfold(int[] kernelSize, int[] stride, int[] padding, int[] dilation) {
        return Patches.unfold(this, kernelSize, stride, padding, dilation);
    }

    /**
     * Adds columns back into images (col2im, PyTorch's {@code F.fold}), the adjoint of
     * {@link #unfold}: {@code (N, C·kh·kw, outH·outW)} becomes {@code (N, C, H, W)}, each entry added
     * to the input position unfold read it from; where windows overlap, the entries sum, and entries
     * from the padding are dropped.
     *
     * @param outputSize {@code {H, W}} of the images
     * @param kernelSize {@code {kh, kw}}
     * @param stride {@code {sh, sw}}
     * @param padding {@code {ph, pw}}
     * @param dilation {@code {dh, dw}}
     * @return a new contiguous tensor {@code (N, C, H, W)}
     * @throws IllegalArgumentException if this is not {@code (N, C·kh·kw, outH·outW)} for the geometry
     */
    public Tensor fold(int[] outputSize, int[] kernelSize, int[] stride, int[] padding, int[] dilation) {
        return Patches.fold(this, outputSize, kernelSize, stride, padding, dilation);
    }

    /**
     * Returns the name of the kernel {@link #matmul} uses for all but tiny products: {@code "vectorized"}
     * when the JVM was started with {@code --add-modules jdk.incubator.vector} and the CPU has 256-bit
     * vectors, {@code "blocked"} otherwise (docs/performance.md compares them). Both give the same
     * numbers.
     *
     * @return {@code "vectorized"} or {@code "blocked"}
     */
    public static String matmulKernelName() {
        return MatMulKernels.kernelName();
    }

    /**
     * Returns the dot product {@code Σ_i a_i · b_i} of two 1-D tensors of equal length.
     *
     * @param other the other vector
     * @return a scalar tensor
     * @throws IllegalArgumentException if either is not 1-D or the lengths differ
     */
    public Tensor dot(Tensor other) {
        checkArgument(rank() == 1 && other.rank() == 1 && dim(0) == other.dim(0),
                "dot: needs two 1-D tensors of equal length, got %s and %s", shape, other.shape);
        return matmul(other);
    }

    /**
     * Returns the outer product {@code c_ij = a_i · b_j} of two 1-D tensors.
     *
     * @param other the other vector
     * @return a tensor of shape {@code (this.size, other.size)}
     * @throws IllegalArgumentException if either is not 1-D
     */
    public Tensor outer(Tensor other) {
        checkArgument(rank() == 1 && other.rank() == 1, "outer: needs two 1-D tensors, got %s and %s", shape, other.shape);
        return unsqueeze(1).mul(other.unsqueeze(0));
    }

    // ---------------------------------------------------------------------------------------
    // Views: these share storage with this tensor
    // ---------------------------------------------------------------------------------------

    /**
     * Returns the transpose of a 2-D tensor (a view): element {@code (i, j)} of the result is element
     * {@code (j, i)} of this. A 1-D tensor is returned unchanged, as in numpy.
     *
     * @return a view
     * @throws IllegalArgumentException if the rank is above 2
     */
    public Tensor transpose() {
        return TensorViews.transpose(this);
    }

    /**
     * Swaps two dimensions (a view).
     *
     * @param axis0 one dimension
     * @param axis1 the other
     * @return a view
     */
    public Tensor transpose(int axis0, int axis1) {
        return TensorViews.transpose(this, axis0, axis1);
    }

    /**
     * Reorders the dimensions (a view): dimension {@code i} of the result is dimension
     * {@code order[i]} of this, like {@code np.transpose(x, order)}.
     *
     * @param order a permutation of {@code 0 … rank-1}
     * @return a view
     * @throws IllegalArgumentException if order is not a permutation
     */
    public Tensor permute(int... order) {
        return TensorViews.permute(this, order);
    }

    /**
     * Returns the same elements, in the same row-major order, with a new shape. A view when this
     * tensor is contiguous, a copy otherwise. One dimension may be {@code -1}: it is inferred.
     *
     * @param dims the new shape
     * @return a tensor of the new shape
     * @throws IllegalArgumentException if the element counts differ
     */
    public Tensor reshape(int... dims) {
        return TensorViews.reshape(this, dims);
    }

    /**
     * Returns the tensor reshaped to one dimension with the same size.
     *
     * @param newShape the new shape
     * @return a tensor of the new shape
     */
    public Tensor reshape(Shape newShape) {
        return reshape(newShape.toArray());
    }

    /**
     * Returns the elements as a 1-D tensor (a view when contiguous).
     *
     * @return a tensor of shape {@code (size,)}
     */
    public Tensor flatten() {
        return reshape(size());
    }

    /**
     * Removes every dimension of size 1 (a view).
     *
     * @return a view
     */
    public Tensor squeeze() {
        return TensorViews.squeeze(this);
    }

    /**
     * Removes one dimension of size 1 (a view).
     *
     * @param axis the dimension; negative counts from the end
     * @return a view
     * @throws IllegalArgumentException if that dimension's size is not 1
     */
    public Tensor squeeze(int axis) {
        return TensorViews.squeeze(this, axis);
    }

    /**
     * Inserts a dimension of size 1 (a view).
     *
     * @param axis where the new dimension goes, in {@code [-(rank+1), rank]}
     * @return a view of rank {@code rank + 1}
     */
    public Tensor unsqueeze(int axis) {
        return TensorViews.unsqueeze(this, axis);
    }

    /**
     * Broadcasts to a larger shape without copying (a view whose stretched dimensions have stride 0),
     * like {@code np.broadcast_to}.
     *
     * @param target the shape to broadcast to
     * @return a view of shape {@code target}; do not write into it
     * @throws IllegalArgumentException if this shape does not broadcast to {@code target}
     */
    public Tensor broadcastTo(Shape target) {
        return TensorViews.broadcastTo(this, target);
    }

    /**
     * Broadcasts to a larger shape without copying, like PyTorch's {@code expand}; {@code -1} keeps a
     * dimension as it is.
     *
     * @param dims the target shape
     * @return a view
     * @throws IllegalArgumentException naming both shapes if this shape does not broadcast to the target
     */
    public Tensor expand(int... dims) {
        return TensorViews.expand(this, dims);
    }

    /**
     * Takes every {@code step}-th index in {@code [from, to)} along one dimension (a view), like
     * {@code x[from:to:step]} in numpy. Negative bounds count from the end; bounds beyond the size
     * are clamped, as numpy does.
     *
     * @param axis the dimension
     * @param from the first index, inclusive
     * @param to the end, exclusive
     * @param step the stride; must be positive
     * @return a view
     */
    public Tensor slice(int axis, int from, int to, int step) {
        return TensorViews.slice(this, axis, from, to, step);
    }

    /**
     * Takes indices {@code [from, to)} along one dimension (a view).
     *
     * @param axis the dimension
     * @param from the first index, inclusive
     * @param to the end, exclusive
     * @return a view
     */
    public Tensor slice(int axis, int from, int to) {
        return slice(axis, from, to, 1);
    }

    /**
     * Picks one index along a dimension and removes that dimension (a view), like {@code x[i]} or
     * {@code x[:, i]}.
     *
     * @param axis the dimension
     * @param index the index; negative counts from the end
     * @return a view of rank {@code rank - 1}
     */
    public Tensor select(int axis, int index) {
        return TensorViews.select(this, axis, index);
    }

    /**
     * Returns a contiguous tensor with the same elements: this tensor if it already is contiguous,
     * a row-major copy otherwise.
     *
     * @return a contiguous tensor
     */
    public Tensor contiguous() {
        return isContiguous() ? this : new Tensor(contiguousData(), shape);
    }

    /**
     * Returns a copy with its own storage.
     *
     * @return a new contiguous tensor equal to this one
     */
    public Tensor copy() {
        return new Tensor(contiguousData(), shape);
    }

    /**
     * Gathers whole slices along dimension 0 by index, like numpy's {@code x[indices]} with an
     * integer index array: row {@code i} of the result is row {@code indices[i]} of this.
     *
     * @param indices the row indices (negative counts from the end)
     * @return a new tensor of shape {@code (indices.length, …)}
     * @throws IndexOutOfBoundsException naming the index and the shape if an index is out of range
     */
    public Tensor indexSelect(int[] indices) {
        return TensorViews.indexSelect(this, indices);
    }

    /**
     * Adds the rows of this tensor into zeros of a larger shape by index, the adjoint of
     * {@link #indexSelect}: {@code y = zeros(fullShape)}, then {@code y[indices[r]] += this[r]} for
     * each {@code r} in order, so a row named twice receives the sum — PyTorch's
     * {@code torch.zeros(fullShape).index_add_(0, indices, this)}.
     *
     * @param fullShape the result's shape: this tensor's shape with another first dimension
     * @param indices one target row per row of this (negative counts from the end)
     * @return a new tensor of shape {@code fullShape}
     * @throws IllegalArgumentException naming both shapes if they do not fit, or the counts if there is
     *     not one index per row
     * @throws IndexOutOfBoundsException naming the index and the shape if an index is out of range
     */
    public Tensor indexAdd(Shape fullShape, int[] indices) {
        return TensorViews.indexAdd(this, fullShape, indices);
    }

    // ---------------------------------------------------------------------------------------
    // Joining
    // ---------------------------------------------------------------------------------------

    /**
     * Joins tensors along an existing dimension, like {@code torch.cat(tensors, dim)} and
     * {@code np.concatenate(tensors, axis)}: the tensors first, then the axis.
     *
     * <pre>{@code
     * Tensor.concat(List.of(a, b), 0);   // (2, 3) and (4, 3) -> (6, 3)
     * }</pre>
     *
     * @param tensors the tensors; all of the same rank with equal sizes except along {@code axis}
     * @param axis the dimension to join along (negative counts from the end)
     * @return a new tensor
     * @throws IllegalArgumentException naming the shapes that do not fit
     */
    public static Tensor concat(List<Tensor> tensors, int axis) {
        return Joining.concatenate(Joining.checkedArray("concat", tensors), axis);
    }

    /**
     * Joins tensors of equal shape along a new dimension, like {@code torch.stack(tensors, dim)} and
     * {@code np.stack(tensors, axis)}: the tensors first, then the axis.
     *
     * @param tensors the tensors, all of the same shape
     * @param axis where the new dimension goes (negative counts from the end of the result's shape)
     * @return a new tensor of rank one more than the inputs
     * @throws IllegalArgumentException naming the shapes that differ
     */
    public static Tensor stack(List<Tensor> tensors, int axis) {
        return Joining.stack(Joining.checkedArray("stack", tensors), axis);
    }

    /**
     * Joins tensors column-wise, like {@code np.hstack}: along dimension 1, or dimension 0 for 1-D
     * tensors. Scalars count as 1-D tensors of one element. The seed notebook builds its weight
     * matrices from column vectors this way.
     *
     * @param tensors the tensors
     * @return a new tensor
     */
    public static Tensor hstack(Tensor... tensors) {
        return Joining.hstack(tensors);
    }

    /**
     * Joins tensors row-wise, like {@code np.vstack}: 1-D tensors become rows, scalars {@code (1, 1)}
     * matrices.
     *
     * @param tensors the tensors
     * @return a new tensor
     */
    public static Tensor vstack(Tensor... tensors) {
        return Joining.vstack(tensors);
    }

    // ---------------------------------------------------------------------------------------
    // Reductions
    // ---------------------------------------------------------------------------------------

    /**
     * Returns the sum of all elements.
     *
     * @return a scalar tensor
     */
    public Tensor sum() {
        return Reductions.all(this, "sum", LaneReducer.SUM);
    }

    /**
     * Returns sums along one dimension.
     *
     * @param axis the dimension to sum over
     * @param keepDims whether to keep that dimension with size 1 (so the result broadcasts against this)
     * @return a new tensor
     */
    public Tensor sum(int axis, boolean keepDims) {
        return Reductions.along(this, "sum", axis, keepDims, LaneReducer.SUM);
    }

    /**
     * Returns sums along one dimension, removing that dimension, like {@code x.sum(dim)} and
     * {@code np.sum(x, axis)}: the same as {@code sum(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return a new tensor with one dimension fewer
     */
    public Tensor sum(int axis) {
        return sum(axis, false);
    }

    /**
     * Returns the mean of all elements.
     *
     * @return a scalar tensor
     * @throws IllegalArgumentException if the tensor is empty
     */
    public Tensor mean() {
        return Reductions.all(this, "mean", LaneReducer.MEAN);
    }

    /**
     * Returns means along one dimension.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return a new tensor
     */
    public Tensor mean(int axis, boolean keepDims) {
        return Reductions.along(this, "mean", axis, keepDims, LaneReducer.MEAN);
    }

    /**
     * Returns means along one dimension, removing that dimension, like {@code x.mean(dim)} and
     * {@code np.mean(x, axis)}: the same as {@code mean(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return a new tensor with one dimension fewer
     */
    public Tensor mean(int axis) {
        return mean(axis, false);
    }

    /**
     * Returns the largest element (NaN if any is NaN).
     *
     * @return a scalar tensor
     */
    public Tensor max() {
        return Reductions.all(this, "max", LaneReducer.MAX);
    }

    /**
     * Returns maxima along one dimension.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return a new tensor
     */
    public Tensor max(int axis, boolean keepDims) {
        return Reductions.along(this, "max", axis, keepDims, LaneReducer.MAX);
    }

    /**
     * Returns maxima along one dimension, removing that dimension, like {@code x.amax(dim)} and
     * {@code np.max(x, axis)}: the same as {@code max(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return a new tensor with one dimension fewer
     */
    public Tensor max(int axis) {
        return max(axis, false);
    }

    /**
     * Returns the smallest element (NaN if any is NaN).
     *
     * @return a scalar tensor
     */
    public Tensor min() {
        return Reductions.all(this, "min", LaneReducer.MIN);
    }

    /**
     * Returns minima along one dimension.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return a new tensor
     */
    public Tensor min(int axis, boolean keepDims) {
        return Reductions.along(this, "min", axis, keepDims, LaneReducer.MIN);
    }

    /**
     * Returns minima along one dimension, removing that dimension, like {@code x.amin(dim)} and
     * {@code np.min(x, axis)}: the same as {@code min(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return a new tensor with one dimension fewer
     */
    public Tensor min(int axis) {
        return min(axis, false);
    }

    /**
     * Returns the flat (row-major) index of the first largest element, like {@code np.argmax}.
     *
     * @return a scalar tensor holding the index
     */
    public Tensor argmax() {
        return Reductions.all(this, "argmax", LaneReducer.ARGMAX);
    }

    /**
     * Returns the index of the first largest element along one dimension.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return a new tensor of indices
     */
    public Tensor argmax(int axis, boolean keepDims) {
        return Reductions.along(this, "argmax", axis, keepDims, LaneReducer.ARGMAX);
    }

    /**
     * Returns indices of the first largest elements along one dimension,
     * removing that dimension, like {@code x.argmax(dim)} and
     * {@code np.argmax(x, axis)}: the same as {@code argmax(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return a new tensor with one dimension fewer
     */
    public Tensor argmax(int axis) {
        return argmax(axis, false);
    }

    /**
     * Returns the flat (row-major) index of the first smallest element.
     *
     * @return a scalar tensor holding the index
     */
    public Tensor argmin() {
        return Reductions.all(this, "argmin", LaneReducer.ARGMIN);
    }

    /**
     * Returns the index of the first smallest element along one dimension.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return a new tensor of indices
     */
    public Tensor argmin(int axis, boolean keepDims) {
        return Reductions.along(this, "argmin", axis, keepDims, LaneReducer.ARGMIN);
    }

    /**
     * Returns indices of the first smallest elements along one dimension,
     * removing that dimension, like {@code x.argmin(dim)} and
     * {@code np.argmin(x, axis)}: the same as {@code argmin(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return a new tensor with one dimension fewer
     */
    public Tensor argmin(int axis) {
        return argmin(axis, false);
    }

    /**
     * Returns the population variance of all elements, {@code mean((x - mean(x))²)}, like numpy's
     * {@code var} with {@code ddof=0}.
     *
     * @return a scalar tensor
     */
    public Tensor variance() {
        return Reductions.all(this, "variance", LaneReducer.VARIANCE);
    }

    /**
     * Returns population variances (ddof = 0) along one dimension.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return a new tensor
     */
    public Tensor variance(int axis, boolean keepDims) {
        return Reductions.along(this, "variance", axis, keepDims, LaneReducer.VARIANCE);
    }

    /**
     * Returns population variances (ddof = 0) along one dimension,
     * removing that dimension, like {@code x.var(dim, unbiased=False)} and
     * {@code np.var(x, axis)}: the same as {@code variance(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return a new tensor with one dimension fewer
     */
    public Tensor variance(int axis) {
        return variance(axis, false);
    }

    /**
     * Returns the population standard deviation of all elements, {@code sqrt(variance())}.
     *
     * @return a scalar tensor
     */
    public Tensor std() {
        return variance().sqrt();
    }

    /**
     * Returns population standard deviations along one dimension.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return a new tensor
     */
    public Tensor std(int axis, boolean keepDims) {
        return variance(axis, keepDims).sqrt();
    }

    /**
     * Returns population standard deviations along one dimension,
     * removing that dimension, like {@code x.std(dim, unbiased=False)} and
     * {@code np.std(x, axis)}: the same as {@code std(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return a new tensor with one dimension fewer
     */
    public Tensor std(int axis) {
        return std(axis, false);
    }

    /**
     * Returns {@code log Σ e^x} over all elements, computed stably as {@code m + log Σ e^(x - m)}
     * with {@code m = max x}, so that large inputs do not overflow.
     *
     * @return a scalar tensor
     */
    public Tensor logSumExp() {
        return Reductions.all(this, "logSumExp", LaneReducer.LOG_SUM_EXP);
    }

    /**
     * Returns {@code log Σ e^x} along one dimension, computed stably.
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return a new tensor
     */
    public Tensor logSumExp(int axis, boolean keepDims) {
        return Reductions.along(this, "logSumExp", axis, keepDims, LaneReducer.LOG_SUM_EXP);
    }

    /**
     * Returns {@code log Σ e^x}, computed stably, along one dimension,
     * removing that dimension, like {@code x.logsumexp(dim)} and
     * {@code scipy.special.logsumexp(x, axis)}: the same as {@code logSumExp(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return a new tensor with one dimension fewer
     */
    public Tensor logSumExp(int axis) {
        return logSumExp(axis, false);
    }

    /**
     * Returns the softmax along one dimension, {@code e^x_i / Σ_j e^x_j}, computed stably as
     * {@code exp(x - logSumExp(x))}.
     *
     * @param axis the dimension whose entries sum to 1 in the result
     * @return a new tensor of the same shape
     */
    public Tensor softmax(int axis) {
        return logSoftmax(axis).exp();
    }

    /**
     * Returns the log-softmax along one dimension, {@code x_i - log Σ_j e^x_j}, computed stably:
     * {@code logSoftmax([1000, 1001, 1002])} is finite.
     *
     * @param axis the dimension
     * @return a new tensor of the same shape
     */
    public Tensor logSoftmax(int axis) {
        return sub(logSumExp(axis, true));
    }

    /**
     * Sums this tensor down to a shape that broadcasts to it — the inverse of broadcasting, used to
     * undo broadcasting in gradients. Leading dimensions are summed away, and dimensions where
     * {@code target} has 1 are summed with keepDims.
     *
     * @param target a shape that broadcasts to this tensor's shape
     * @return a new tensor of shape {@code target} (this tensor itself if the shapes are equal)
     * @throws IllegalArgumentException if {@code target} does not broadcast to this shape
     */
    public Tensor sumToShape(Shape target) {
        return Reductions.sumToShape(this, target);
    }

    // ---------------------------------------------------------------------------------------
    // Writing in place — for optimizers and kernels
    // ---------------------------------------------------------------------------------------

    /**
     * Sets every element to a value, in place.
     *
     * @param value the value
     * @return this tensor
     */
    public Tensor fill(double value) {
        if (size() == 0) {
            return this; // nothing to write; an empty view's offset may point past its storage
        }
        if (isContiguous()) {
            Arrays.fill(storage, offset, offset + size(), value);
        } else {
            StridedLoops.fill(storage, offset, strides, shape.toArray(), value);
        }
        return this;
    }

    /**
     * Copies another tensor's elements into this one, in place, broadcasting the source to this shape.
     *
     * @param source the values to copy; its shape must broadcast to this one
     * @return this tensor
     */
    public Tensor copyFrom(Tensor source) {
        Tensor s;
        try {
            s = source.broadcastTo(shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("copyFrom: cannot copy " + source.shape + " into " + shape, e);
        }
        if (size() == 0) {
            return this; // nothing to copy; an empty view's offset may point past its storage
        }
        if (s.isContiguous() && isContiguous()) {
            System.arraycopy(s.storage, s.offset, storage, offset, size());
        } else {
            double[] data = s.contiguousData();
            StridedLoops.copy(data, 0, shape.contiguousStrides(), shape.toArray(), storage, offset, strides);
        }
        return this;
    }

    /**
     * Copies the elements, in row-major order, into an existing array (no allocation; for optimizers
     * and kernels that work on plain arrays).
     *
     * @param target an array of at least {@link #size()} elements; the first {@code size()} are written
     * @throws IllegalArgumentException if the array is too short
     */
    public void copyInto(double[] target) {
        if (target.length < size()) {
            throw new IllegalArgumentException("copyInto: an array of " + target.length
                    + " elements cannot hold a tensor of shape " + shape + " (" + size() + " elements)");
        }
        if (size() == 0) {
            return; // an empty view's offset may lie past the end of its storage
        }
        if (isContiguous()) {
            System.arraycopy(storage, offset, target, 0, size());
        } else {
            StridedLoops.copy(storage, offset, strides, shape.toArray(), target, 0, shape.contiguousStrides());
        }
    }

    /**
     * Overwrites every element, in place, with values given in row-major order.
     *
     * @param source an array of at least {@link #size()} elements; the first {@code size()} are read
     * @return this tensor
     * @throws IllegalArgumentException if the array is too short
     */
    public Tensor copyFrom(double[] source) {
        if (source.length < size()) {
            throw new IllegalArgumentException("copyFrom: an array of " + source.length
                    + " elements cannot fill a tensor of shape " + shape + " (" + size() + " elements)");
        }
        if (size() == 0) {
            return this;
        }
        if (isContiguous()) {
            System.arraycopy(source, 0, storage, offset, size());
        } else {
            StridedLoops.copy(source, 0, shape.contiguousStrides(), shape.toArray(), storage, offset, strides);
        }
        return this;
    }

    /**
     * Adds another tensor into this one, in place: {@code this += other} (other broadcasts to this shape).
     *
     * @param other the tensor to add
     * @return this tensor
     */
    public Tensor addInPlace(Tensor other) {
        return addScaledInPlace("addInPlace", 1.0, other);
    }

    /**
     * Adds a multiple of another tensor into this one, in place: {@code this += alpha · other}
     * (BLAS's "axpy"). Other broadcasts to this shape.
     *
     * @param alpha the multiplier
     * @param other the tensor to add
     * @return this tensor
     */
    public Tensor addScaledInPlace(double alpha, Tensor other) {
        return addScaledInPlace("addScaledInPlace", alpha, other);
    }

    private Tensor addScaledInPlace(String op, double alpha, Tensor other) {
        if (rank() == 0 && other.rank() == 0) { // two scalars: one element, nothing to check
            storage[offset] += alpha * other.storage[other.offset];
            return this;
        }
        if (!other.shape.broadcastsTo(shape)) {
            throw new IllegalArgumentException(op + ": cannot add " + other.shape + " into " + shape
                    + ": the operand must broadcast to the target's shape");
        }
        if (isContiguous() && other.isContiguous() && other.shape.equals(shape)) {
            double[] b = other.storage;
            int bo = other.offset;
            for (int i = 0; i < size(); i++) {
                storage[offset + i] += alpha * b[bo + i];
            }
        } else {
            copyFrom(add(other.mul(alpha)));
        }
        return this;
    }

    /**
     * Multiplies every element by a scalar, in place.
     *
     * @param factor the multiplier
     * @return this tensor
     */
    public Tensor mulInPlace(double factor) {
        if (isContiguous()) {
            for (int i = offset; i < offset + size(); i++) {
                storage[i] *= factor;
            }
        } else {
            copyFrom(mul(factor));
        }
        return this;
    }

    // ---------------------------------------------------------------------------------------
    // Comparing and printing
    // ---------------------------------------------------------------------------------------

    /**
     * Tells whether two tensors are close element-wise, numpy's rule:
     * {@code |a - b| <= atol + rtol·|b|} everywhere (with broadcasting). NaN is never close, and an
     * infinity is close only to the same infinity.
     *
     * @param other the tensor to compare with
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @return true if every element is close
     * @throws IllegalArgumentException naming both shapes if they do not broadcast together
     */
    public boolean allClose(Tensor other, double rtol, double atol) {
        Shape common;
        try {
            common = Shape.broadcast(shape, other.shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("allClose: " + e.getMessage(), e);
        }
        double[] x = broadcastTo(common).contiguousData();
        double[] y = other.broadcastTo(common).contiguousData();
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                continue; // equal infinities are close
            }
            if (Double.isInfinite(x[i]) || Double.isInfinite(y[i])) {
                return false; // an infinity is close only to itself (inf <= atol + rtol·inf would pass)
            }
            if (!(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether two tensors are close with numpy's default tolerances, {@code rtol = 1e-5} and
     * {@code atol = 1e-8}.
     *
     * @param other the tensor to compare with
     * @return true if every element is close
     */
    public boolean allClose(Tensor other) {
        return allClose(other, 1e-5, 1e-8);
    }

    /**
     * Tells whether the other object is a tensor of the same shape with exactly the same elements
     * (compared as {@link Arrays#equals(double[], double[])} does: NaN equals NaN, 0.0 differs from -0.0).
     * Layout (strides, offset) does not matter.
     *
     * @param other the object to compare with
     * @return true if equal
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Tensor)) {
            return false;
        }
        Tensor that = (Tensor) other;
        return shape.equals(that.shape) && Arrays.equals(contiguousData(), that.contiguousData());
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(contiguousData());
    }

    /**
     * Returns the elements formatted as numpy prints them, e.g. {@code [[2.3  2.46 0.21]]}; large
     * tensors are summarised with {@code ...}. Use {@link #toStringWithShape()} to see the shape too.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }

    /**
     * Returns {@link #toString()} followed by the shape, e.g. {@code [1. 2.] shape=(2,)}.
     *
     * @return the text
     */
    public String toStringWithShape() {
        return toString() + " shape=" + shape;
    }
}
