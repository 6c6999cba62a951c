package gradschool.data;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Objects;

/**
 * Converts class indices to one-hot rows and back.
 *
 * <pre>{@code
 * Tensor y = OneHot.encode(Tensor.of(new double[] {2, 0, 1}), 3);
 * // [[0. 0. 1.]
 * //  [1. 0. 0.]
 * //  [0. 1. 0.]]
 * OneHot.decode(y); // [2. 0. 1.]
 * }</pre>
 *
 * <p>Row {@code i} of the encoding is all zeros except for a 1 in column {@code labels[i]}: the
 * target distribution that puts all its probability on the true class, as a mean-squared-error
 * or cross-entropy loss on probabilities expects.
 */
public final class OneHot {

    private OneHot() {}

    /**
     * Encodes class indices as one-hot rows.
     *
     * @param labels shape {@code (n,)}: class indices stored as doubles, each a whole number in
     *     {@code [0, classes)}
     * @param classes the number of classes; {@code >= 1}
     * @return shape {@code (n, classes)}
     * @throws IllegalArgumentException if the labels are not a vector, or a label is not a whole
     *     number in range (the message names the label and its position)
     */
    public static Tensor encode(Tensor labels, int classes) {
        Objects.requireNonNull(labels, "labels");
        if (classes < 1) {
            throw new IllegalArgumentException("OneHot.encode: classes must be >= 1, got " + classes);
        }
        if (labels.rank() != 1) {
            throw new IllegalArgumentException("OneHot.encode: labels must have shape (n,), got " + labels.shape());
        }
        double[] values = labels.toDoubleArray();
        double[] rows = new double[Math.multiplyExact(values.length, classes)];
        for (int i = 0; i < values.length; i++) {
            double label = values[i];
            if (label != Math.rint(label) || label < 0 || label >= classes) {
                throw new IllegalArgumentException("OneHot.encode: label " + label + " at index " + i
                        + " is not a class index in 0.." + (classes - 1));
            }
            rows[i * classes + (int) label] = 1.0;
        }
        return Tensor.of(Shape.of(values.length, classes), rows);
    }

    /**
     * Decodes rows back to class indices: the column of each row's largest value (its argmax), so
     * it also turns a matrix of predicted scores or probabilities into predicted classes.
     *
     * @param rows shape {@code (n, classes)}
     * @return shape {@code (n,)}, class indices as doubles
     * @throws IllegalArgumentException if {@code rows} is not a matrix with at least one column
     */
    public static Tensor decode(Tensor rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.rank() != 2 || rows.dim(1) < 1) {
            throw new IllegalArgumentException(
                    "OneHot.decode: expected shape (n, classes) with classes >= 1, got " + rows.shape());
        }
        return rows.argmax(1, false);
    }
}
