package gradschool.nn;

import java.util.List;

/**
 * Counts of (true class, predicted class) pairs: row {@code i}, column {@code j} holds how many
 * samples of class {@code i} were predicted as class {@code j}. The diagonal holds the correct ones.
 *
 * <pre>{@code
 * ConfusionMatrix matrix = ConfusionMatrix.of(Metrics.predictions(outputs), labels, 3);
 * System.out.println(matrix);   // a table with class names, if given
 * }</pre>
 */
public final class ConfusionMatrix {

    private final long[][] counts;
    private final List<String> classNames;

    private ConfusionMatrix(long[][] counts, List<String> classNames) {
        this.counts = counts;
        this.classNames = classNames;
    }

    /**
     * Counts predictions against labels.
     *
     * @param predicted {@code (n,)} predicted class indices
     * @param labels {@code (n,)} true class indices
     * @param classes the number of classes
     * @return the matrix
     */
    public static ConfusionMatrix of(gradschool.core.Tensor predicted, gradschool.core.Tensor labels, int classes) {
        return of(predicted, labels, classes, null);
    }

    /**
     * Counts predictions against labels, with class names for printing.
     *
     * @param predicted {@code (n,)} predicted class indices
     * @param labels {@code (n,)} true class indices
     * @param classes the number of classes
     * @param classNames a name per class, or null
     * @return the matrix
     */
    public static ConfusionMatrix of(gradschool.core.Tensor predicted, gradschool.core.Tensor labels, int classes,
                                     List<String> classNames) {
        if (!predicted.shape().equals(labels.shape()) || predicted.rank() != 1) {
            throw new IllegalArgumentException("ConfusionMatrix: predictions " + predicted.shape()
                    + " and labels " + labels.shape() + " must be 1-D of the same length");
        }
        if (classNames != null && classNames.size() != classes) {
            throw new IllegalArgumentException("ConfusionMatrix: " + classNames.size() + " class names for "
                    + classes + " classes");
        }
        long[][] counts = new long[classes][classes];
        double[] p = predicted.toDoubleArray();
        double[] t = labels.toDoubleArray();
        for (int i = 0; i < p.length; i++) {
            counts[checkClass(t[i], classes, i, "label")][checkClass(p[i], classes, i, "prediction")]++;
        }
        return new ConfusionMatrix(counts, classNames == null ? null : List.copyOf(classNames));
    }

    private static int checkClass(double value, int classes, int sample, String what) {
        if (value != Math.rint(value) || value < 0 || value >= classes) {
            throw new IllegalArgumentException("ConfusionMatrix: " + what + " " + value + " of sample " + sample
                    + " is not a class index in [0, " + classes + ")");
        }
        return (int) value;
    }

    /**
     * Returns how many samples of class {@code actual} were predicted as {@code predicted}.
     *
     * @param actual the true class
     * @param predicted the predicted class
     * @return the count
     */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /**
     * Returns the number of classes.
     *
     * @return the count
     */
    public int classes() {
        return counts.length;
    }

    /**
     * Returns the fraction on the diagonal.
     *
     * @return accuracy in {@code [0, 1]}
     */
    public double accuracy() {
        long correct = 0;
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                total += counts[i][j];
                correct += i == j ? counts[i][j] : 0;
            }
        }
        return total == 0 ? 0 : (double) correct / total;
    }

    /**
     * Prints the table, rows = true class, columns = predicted class.
     *
     * @return the text
     */
    @Override
    public String toString() {
        int width = 6;
        for (int i = 0; i < counts.length; i++) {
            width = Math.max(width, name(i).length() + 1);
        }
        StringBuilder text = new StringBuilder(String.format("%" + width + "s", "true\\pred"));
        for (int j = 0; j < counts.length; j++) {
            text.append(String.format(" %" + width + "s", name(j)));
        }
        text.append('\n');
        for (int i = 0; i < counts.length; i++) {
            text.append(String.format("%" + width + "s", name(i)));
            for (int j = 0; j < counts.length; j++) {
                text.append(String.format(" %" + width + "d", counts[i][j]));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private String name(int i) {
        return classNames == null ? Integer.toString(i) : classNames.get(i);
    }
}
