package gradschool.data;

import gradschool.core.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * A dataset held in memory: one row of features and one label per example.
 *
 * <pre>{@code
 * LabeledData iris = Iris.read(Path.of("data/iris/iris.csv"));
 * iris.features();   // shape (150, 4): row i holds the measurements of flower i
 * iris.labels();     // shape (150,): 0.0, 1.0 or 2.0, the index of the species
 * iris.classNames(); // [setosa, versicolor, virginica]
 * }</pre>
 *
 * <h2>Labels</h2>
 * For classification, {@code labels.get(i)} is the class index of example {@code i} stored as a
 * double ({@code 0.0, 1.0, …}), and {@link #classNames()} names each index. For regression (see
 * {@link Synthetic#linearRegression}) the labels are the real-valued targets and the list of class
 * names is empty.
 *
 * <h2>Immutability</h2>
 * The object never changes after construction. Its tensors are shared, not copied (MNIST's features
 * take hundreds of megabytes), and tensors are immutable by convention: only methods whose name
 * says so ({@code fill}, {@code addInPlace}, …) write into one. Do not call those on the tensors
 * you get from here; {@link Tensor#copy()} them first.
 */
public final class LabeledData {

    private final Tensor features;
    private final Tensor labels;
    private final List<String> classNames;

    /**
     * Makes a dataset from features, labels and class names.
     *
     * @param features shape {@code (n, d)}: one row per example
     * @param labels shape {@code (n,)}: the class index of each example (or its target, for regression)
     * @param classNames the name of each class index, in order; empty when unknown or for regression
     * @throws IllegalArgumentException if the shapes do not fit together, or a label is not a class
     *     index {@code 0 ≤ label < classNames.size()} when class names are given
     */
    public LabeledData(Tensor features, Tensor labels, List<String> classNames) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        this.classNames = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        if (features.rank() != 2) {
            throw new IllegalArgumentException(
                    "LabeledData: features must have shape (n, d), got " + features.shape());
        }
        if (labels.rank() != 1) {
            throw new IllegalArgumentException(
                    "LabeledData: labels must have shape (n,), got " + labels.shape());
        }
        if (features.dim(0) != labels.dim(0)) {
            throw new IllegalArgumentException("LabeledData: features " + features.shape() + " have "
                    + features.dim(0) + " rows but labels " + labels.shape() + " have " + labels.dim(0));
        }
        if (!this.classNames.isEmpty()) {
            checkClassIndices(labels, this.classNames.size());
        }
        this.features = features;
        this.labels = labels;
    }

    /**
     * Makes a dataset without class names (for regression targets, or classes with no names).
     *
     * @param features shape {@code (n, d)}
     * @param labels shape {@code (n,)}
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    public LabeledData(Tensor features, Tensor labels) {
        this(features, labels, List.of());
    }

    private static void checkClassIndices(Tensor labels, int classCount) {
        double[] values = labels.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            double label = values[i];
            if (label != Math.rint(label) || label < 0 || label >= classCount) {
                throw new IllegalArgumentException("LabeledData: label " + label + " of example " + i
                        + " is not a class index 0.." + (classCount - 1));
            }
        }
    }

    /**
     * Returns the features, shape {@code (n, d)}; row {@code i} describes example {@code i}.
     *
     * @return the features (shared, not copied)
     */
    public Tensor features() {
        return features;
    }

    /**
     * Returns the labels, shape {@code (n,)}: class indices as doubles, or regression targets.
     *
     * @return the labels (shared, not copied)
     */
    public Tensor labels() {
        return labels;
    }

    /**
     * Returns the name of each class index, in order; empty when unknown or for regression.
     *
     * @return an unmodifiable list
     */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * Returns the number of classes, which is the number of class names.
     *
     * @return {@code classNames().size()}
     */
    public int classCount() {
        return classNames.size();
    }

    /**
     * Returns the number of examples, {@code n}.
     *
     * @return the number of rows
     */
    public int size() {
        return features.dim(0);
    }

    /**
     * Returns the number of features per example, {@code d}.
     *
     * @return the number of columns of the features
     */
    public int featureCount() {
        return features.dim(1);
    }

    /**
     * Returns how many examples carry each class index.
     *
     * @return an array of length {@link #classCount()}; entry {@code k} counts label {@code k}
     * @throws IllegalStateException if the dataset has no class names (regression targets)
     */
    public int[] classCounts() {
        if (classNames.isEmpty()) {
            throw new IllegalStateException(
                    "LabeledData.classCounts: this dataset has no class names, so its labels are not class indices");
        }
        int[] counts = new int[classNames.size()];
        for (double label : labels.toDoubleArray()) {
            counts[(int) label]++;
        }
        return counts;
    }

    /**
     * Returns the examples at the given indices, in that order, as a new dataset (like numpy's
     * {@code x[indices]}).
     *
     * @param indices the row indices; each in {@code [0, size())}
     * @return a new dataset with {@code indices.length} examples and the same class names
     * @throws IllegalArgumentException if an index is out of range
     */
    public LabeledData subset(int[] indices) {
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= size()) {
                throw new IllegalArgumentException("LabeledData.subset: index " + indices[i]
                        + " at position " + i + " is outside 0.." + (size() - 1));
            }
        }
        return new LabeledData(features.indexSelect(indices), labels.indexSelect(indices), classNames);
    }

    /**
     * Returns a dataset with the same labels and class names but other features, e.g. standardized.
     *
     * @param newFeatures shape {@code (n, d')} with the same {@code n}
     * @return a new dataset
     * @throws IllegalArgumentException if the number of rows differs
     */
    public LabeledData withFeatures(Tensor newFeatures) {
        return new LabeledData(newFeatures, labels, classNames);
    }

    /**
     * Returns a one-line summary, e.g. {@code LabeledData(n=150, features=(150, 4), classes=[setosa, …])}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "LabeledData(n=" + size() + ", features=" + features.shape()
                + (classNames.isEmpty() ? ", regression targets or unnamed labels" : ", classes=" + classNames)
                + ")";
    }
}
