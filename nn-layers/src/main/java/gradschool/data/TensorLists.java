package gradschool.data;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.List;

/** Turns rows collected while reading a text file into tensors. */
final class TensorLists {

    private TensorLists() {}

    /**
     * Stacks rows of equal length into a matrix.
     *
     * @param rows the rows, each of length {@code d}
     * @param columns {@code d}, needed when there are no rows
     * @return shape {@code (rows.size(), d)}
     */
    static Tensor matrix(List<double[]> rows, int columns) {
        double[] data = new double[rows.size() * columns];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, data, i * columns, columns);
        }
        return Tensor.of(Shape.of(rows.size(), columns), data);
    }

    /**
     * Turns numbers into a vector.
     *
     * @param values the numbers
     * @return shape {@code (values.size(),)}
     */
    static Tensor vector(List<Double> values) {
        double[] data = new double[values.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = values.get(i);
        }
        return Tensor.of(Shape.of(data.length), data);
    }
}
