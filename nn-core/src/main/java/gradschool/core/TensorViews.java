package gradschool.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * Views for {@link Tensor}: new shapes, strides and offsets over the same storage, never a copy of the
 * numbers (except {@link #reshape} of a non-contiguous tensor and {@link #indexSelect}, which say so).
 *
 * <p>Element {@code (i0, i1, …)} of a tensor is {@code storage[offset + i0·strides[0] + i1·strides[1] + …]},
 * so a view is made by arithmetic on those three: a transpose swaps two strides, a slice moves the
 * offset and multiplies a stride, a broadcast sets a stride to 0.
 */
final class TensorViews {

    private TensorViews() {
    }

    /** The transpose of a matrix; a vector or scalar unchanged. */
    static Tensor transpose(Tensor t) {
        if (t.rank() < 2) {
            return t;
        }
        checkArgument(t.rank() == 2, "transpose: the no-argument form needs rank <= 2, got shape %s;"
                + " use transpose(axis0, axis1) or permute", t.shape());
        return permute(t, 1, 0);
    }

    /** Swaps two dimensions. */
    static Tensor transpose(Tensor t, int axis0, int axis1) {
        int[] order = new int[t.rank()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int a = Axes.normalize("transpose", t.shape(), axis0);
        int b = Axes.normalize("transpose", t.shape(), axis1);
        order[a] = b;
        order[b] = a;
        return permute(t, order);
    }

    /** Dimension {@code i} of the result is dimension {@code order[i]} of {@code t}. */
    static Tensor permute(Tensor t, int... order) {
        Shape shape = t.shape();
        int rank = t.rank();
        if (order.length != rank) {
            throw new IllegalArgumentException("permute: order " + Arrays.toString(order)
                    + " has " + order.length + " entries but shape " + shape + " has rank " + rank);
        }
        int[] strides = t.strides();
        boolean[] seen = new boolean[rank];
        int[] dims = new int[rank];
        int[] newStrides = new int[rank];
        for (int i = 0; i < order.length; i++) {
            int axis = order[i] < 0 ? order[i] + rank : order[i];
            if (axis < 0 || axis >= rank || seen[axis]) {
                throw new IllegalArgumentException("permute: order " + Arrays.toString(order)
                        + " is not a permutation of the " + rank + " axes of shape " + shape);
            }
            seen[axis] = true;
            dims[i] = shape.dim(axis);
            newStrides[i] = strides[axis];
        }
        return new Tensor(t.storage(), Shape.of(dims), newStrides, t.offset());
    }

    /** The same elements in row-major order with new dimensions, one of which may be -1 (inferred). */
    static Tensor reshape(Tensor t, int... dims) {
        int[] resolved = dims.clone();
        int inferred = -1;
        int known = 1;
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("reshape: only one dimension may be -1, got "
                            + Arrays.toString(dims));
                }
                inferred = i;
            } else if (resolved[i] < 0) {
                throw new IllegalArgumentException("reshape: dimension " + i + " is negative in "
                        + Arrays.toString(dims));
            } else {
                known *= resolved[i];
            }
        }
        int size = t.size();
        if (inferred >= 0) {
            if (known == 0 || size % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + t.shape() + " (" + size
                        + " elements) into " + Arrays.toString(dims));
            }
            resolved[inferred] = size / known;
        }
        Shape newShape = Shape.of(resolved);
        if (newShape.size() != size) {
            throw new IllegalArgumentException("reshape: cannot reshape " + t.shape() + " (" + size
                    + " elements) into " + newShape + " (" + newShape.size() + " elements)");
        }
        if (t.isContiguous()) {
            return new Tensor(t.storage(), newShape, newShape.contiguousStrides(), t.offset());
        }
        return new Tensor(t.contiguousData(), newShape);
    }

    /** Removes every dimension of size 1. */
    static Tensor squeeze(Tensor t) {
        Shape shape = t.shape();
        int[] strides = t.strides();
        int count = 0;
        for (int i = 0; i < t.rank(); i++) {
            if (shape.dim(i) != 1) {
                count++;
            }
        }
        int[] dims = new int[count];
        int[] newStrides = new int[count];
        int j = 0;
        for (int i = 0; i < t.rank(); i++) {
            if (shape.dim(i) != 1) {
                dims[j] = shape.dim(i);
                newStrides[j++] = strides[i];
            }
        }
        return new Tensor(t.storage(), Shape.of(dims), newStrides, t.offset());
    }

    /** Removes one dimension of size 1. */
    static Tensor squeeze(Tensor t, int axis) {
        Shape shape = t.shape();
        int a = Axes.normalize("squeeze", shape, axis);
        checkArgument(shape.dim(a) == 1, "squeeze: axis %s of shape %s has size %s, only a dimension of size 1"
                + " can be removed", axis, shape, shape.dim(a));
        return new Tensor(t.storage(), Shape.of(Axes.remove(shape.toArray(), a)), Axes.remove(t.strides(), a),
                t.offset());
    }

    /** Inserts a dimension of size 1 at {@code axis}, in {@code [-(rank+1), rank]}. */
    static Tensor unsqueeze(Tensor t, int axis) {
        int rank = t.rank();
        int a = axis < 0 ? axis + rank + 1 : axis;
        if (a < 0 || a > rank) {
            throw new IndexOutOfBoundsException("unsqueeze: axis " + axis + " is out of range for shape "
                    + t.shape() + " (valid: " + -(rank + 1) + " to " + rank + ")");
        }
        int[] strides = t.strides();
        int stride = a < rank ? strides[a] * t.shape().dim(a) : 1;
        return new Tensor(t.storage(), Shape.of(Axes.insert(t.shape().toArray(), a, 1)),
                Axes.insert(strides, a, stride), t.offset());
    }

    /** A view of shape {@code target} whose stretched dimensions have stride 0. */
    static Tensor broadcastTo(Tensor t, Shape target) {
        if (t.shape().equals(target)) {
            return t;
        }
        checkArgument(t.shape().broadcastsTo(target), "broadcastTo: cannot broadcast %s to %s: each dimension"
                + " must equal the target's or be 1, aligned at the right", t.shape(), target);
        return new Tensor(t.storage(), target, t.broadcastStrides(target), t.offset());
    }

    /** PyTorch's {@code expand}: {@link #broadcastTo} where {@code -1} keeps a dimension. */
    static Tensor expand(Tensor t, int... dims) {
        Shape shape = t.shape();
        int[] resolved = dims.clone();
        int lead = resolved.length - t.rank();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] == -1) {
                if (i < lead) {
                    throw new IllegalArgumentException("expand: -1 is not allowed for a new leading dimension "
                            + i + " when expanding " + shape + " to " + Arrays.toString(dims));
                }
                resolved[i] = shape.dim(i - lead);
            }
        }
        Shape target = Shape.of(resolved);
        checkArgument(shape.broadcastsTo(target), "expand: cannot expand %s to %s: each dimension must equal"
                + " the target's or be 1, aligned at the right", shape, target);
        return broadcastTo(t, target);
    }

    /** Every {@code step}-th index in {@code [from, to)} along one dimension, numpy's bounds clamped. */
    static Tensor slice(Tensor t, int axis, int from, int to, int step) {
        Shape shape = t.shape();
        int a = Axes.normalize("slice", shape, axis);
        checkArgument(step > 0, "slice: step must be positive, got %s", step);
        int size = shape.dim(a);
        int start = clampSliceBound(from, size);
        int end = clampSliceBound(to, size);
        int count = end > start ? (end - start - 1) / step + 1 : 0; // ceil((end - start) / step), without overflow
        int[] dims = shape.toArray();
        dims[a] = count;
        int[] strides = t.strides();
        int[] newStrides = strides.clone();
        newStrides[a] = strides[a] * step;
        int newOffset = count == 0 ? t.offset() : t.offset() + start * strides[a];
        return new Tensor(t.storage(), Shape.of(dims), newStrides, newOffset);
    }

    private static int clampSliceBound(int bound, int size) {
        int b = bound < 0 ? bound + size : bound;
        return Math.max(0, Math.min(size, b));
    }

    /** One index along a dimension, that dimension removed. */
    static Tensor select(Tensor t, int axis, int index) {
        Shape shape = t.shape();
        int a = Axes.normalize("select", shape, axis);
        int i = Axes.checkIndex("select", shape, index, a);
        int[] strides = t.strides();
        return new Tensor(t.storage(), Shape.of(Axes.remove(shape.toArray(), a)), Axes.remove(strides, a),
                t.offset() + i * strides[a]);
    }

    /** Rows of {@code t} gathered by index into a new tensor (a copy, not a view). */
    static Tensor indexSelect(Tensor t, int[] indices) {
        checkArgument(t.rank() != 0, "indexSelect: a scalar has no rows to select");
        int[] dims = t.shape().toArray();
        int rowSize = dims[0] == 0 ? 0 : t.size() / dims[0];
        dims[0] = indices.length;
        boolean inPlace = t.isContiguous();
        double[] source = inPlace ? t.storage() : t.contiguousData();
        int base = inPlace ? t.offset() : 0;
        double[] out = new double[Math.multiplyExact(indices.length, rowSize)];
        for (int i = 0; i < indices.length; i++) {
            int row = Axes.checkIndex("indexSelect", t.shape(), indices[i], 0);
            System.arraycopy(source, base + row * rowSize, out, i * rowSize, rowSize);
        }
        return new Tensor(out, Shape.of(dims));
    }

    /** {@code y = zeros(fullShape)}, then {@code y[indices[r]] += source[r]} for each r in order. */
    static Tensor indexAdd(Tensor source, Shape fullShape, int[] indices) {
        checkArgument(source.rank() != 0 && fullShape.rank() == source.rank(),
                "indexAdd: the rows of shape %s cannot be added into shape %s: both need the same rank, at least 1",
                source.shape(), fullShape);
        int[] rowDims = source.shape().toArray();
        int[] fullDims = fullShape.toArray();
        checkArgument(rowDims[0] == indices.length,
                "indexAdd: %s indices for %s rows (shape %s): one index per row", indices.length, rowDims[0], source.shape());
        for (int d = 1; d < rowDims.length; d++) {
            checkArgument(rowDims[d] == fullDims[d],
                    "indexAdd: rows of shape %s do not fit into %s: every dimension after the first must agree",
                    source.shape(), fullShape);
        }
        int rowSize = rowDims[0] == 0 ? fullShape.size() / Math.max(1, fullDims[0]) : source.size() / rowDims[0];
        boolean inPlace = source.isContiguous();
        double[] rows = inPlace ? source.storage() : source.contiguousData();
        int base = inPlace ? source.offset() : 0;
        double[] out = new double[fullShape.size()];
        for (int r = 0; r < indices.length; r++) {
            int target = Axes.checkIndex("indexAdd", fullShape, indices[r], 0) * rowSize;
            int from = base + r * rowSize;
            for (int k = 0; k < rowSize; k++) {
                out[target + k] += rows[from + k];
            }
        }
        return new Tensor(out, fullShape);
    }
}
