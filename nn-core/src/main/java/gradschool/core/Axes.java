package gradschool.core;

/**
 * Small helpers for axes and indices, shared by {@link Tensor} and its package-private helpers.
 */
final class Axes {

    private Axes() {
    }

    /** Converts a possibly negative axis into {@code [0, rank)}; the error names the op, the axis and the shape. */
    static int normalize(String op, Shape shape, int axis) {
        try {
            return shape.normalizeAxis(axis);
        } catch (IndexOutOfBoundsException e) {
            throw new IndexOutOfBoundsException(op + ": " + e.getMessage());
        }
    }

    /** Converts a possibly negative index along one axis into {@code [0, size)}; the error names the op, the index and the shape. */
    static int checkIndex(String op, Shape shape, int index, int axis) {
        int size = shape.dim(axis);
        int normalized = index < 0 ? index + size : index;
        if (normalized < 0 || normalized >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + index + " is out of range for axis "
                    + axis + " of size " + size + " in shape " + shape);
        }
        return normalized;
    }

    /** Returns the values without the one at {@code index}. */
    static int[] remove(int[] values, int index) {
        int[] result = new int[values.length - 1];
        System.arraycopy(values, 0, result, 0, index);
        System.arraycopy(values, index + 1, result, index, values.length - index - 1);
        return result;
    }

    /** Returns the values with {@code value} inserted at {@code index}. */
    static int[] insert(int[] values, int index, int value) {
        int[] result = new int[values.length + 1];
        System.arraycopy(values, 0, result, 0, index);
        result[index] = value;
        System.arraycopy(values, index, result, index + 1, values.length - index);
        return result;
    }
}
