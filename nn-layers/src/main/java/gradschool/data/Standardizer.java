package gradschool.data;

import gradschool.core.Tensor;
import java.util.Objects;

/**
 * Rescales each feature to zero mean and unit variance, {@code x' = (x − mean) / std}, with the
 * mean and standard deviation learnt from training data (like scikit-learn's {@code StandardScaler}).
 *
 * <pre>{@code
 * Standardizer scaler = Standardizer.fit(parts.train().features()); // learn from the train set only
 * Tensor xTrain = scaler.transform(parts.train().features());
 * Tensor xTest = scaler.transform(parts.test().features());         // the same mean and std
 * }</pre>
 *
 * <p>Fit on the training part only and apply the same transform to the test part: computing the
 * statistics on test data would leak information about it into training.
 *
 * <h2>Formulas</h2>
 * For feature {@code j} over the {@code n} training rows:
 * {@code mean_j = (1/n) Σ_i x_ij} and {@code std_j = sqrt((1/n) Σ_i (x_ij − mean_j)²)} (the
 * population standard deviation, ddof = 0, as scikit-learn uses).
 *
 * <h2>Constant features</h2>
 * A feature with standard deviation 0 (e.g. an MNIST pixel that is blank in every image) cannot be
 * scaled to unit variance. It is centred but <em>left unscaled</em>: its scale is taken as 1, so it
 * becomes 0 (up to rounding) for the training data instead of 0/0 = NaN. A standard deviation that
 * is not exactly 0 but no larger than {@value #CONSTANT_TOLERANCE}·max(1, |mean|) counts as 0,
 * since only rounding error can make a constant column's computed deviation non-zero.
 */
public final class Standardizer {

    /** Relative size below which a standard deviation counts as 0 (see the class comment). */
    public static final double CONSTANT_TOLERANCE = 1e-12;

    private final Tensor mean;
    private final Tensor std;
    private final Tensor scale;

    private Standardizer(Tensor mean, Tensor std, Tensor scale) {
        this.mean = mean;
        this.std = std;
        this.scale = scale;
    }

    /**
     * Learns the mean and standard deviation of each feature.
     *
     * @param features shape {@code (n, d)} with {@code n >= 1}
     * @return a standardizer for {@code d} features
     * @throws IllegalArgumentException if the features are not a non-empty matrix
     */
    public static Standardizer fit(Tensor features) {
        Objects.requireNonNull(features, "features");
        if (features.rank() != 2 || features.dim(0) < 1) {
            throw new IllegalArgumentException(
                    "Standardizer.fit: features must have shape (n, d) with n >= 1, got " + features.shape());
        }
        Tensor mean = features.mean(0, false);
        Tensor std = features.std(0, false);
        double[] means = mean.toDoubleArray();
        double[] deviations = std.toDoubleArray();
        double[] scales = new double[deviations.length];
        for (int j = 0; j < scales.length; j++) {
            boolean constant = deviations[j] <= CONSTANT_TOLERANCE * Math.max(1.0, Math.abs(means[j]));
            scales[j] = constant ? 1.0 : deviations[j];
        }
        return new Standardizer(mean, std, Tensor.of(scales));
    }

    /**
     * Learns the mean and standard deviation of each feature of a dataset.
     *
     * @param data the training data
     * @return a standardizer for its features
     */
    public static Standardizer fit(LabeledData data) {
        return fit(Objects.requireNonNull(data, "data").features());
    }

    /**
     * Returns {@code (x − mean) / scale} row by row, where {@code scale} is the standard deviation,
     * or 1 for a constant feature.
     *
     * @param features shape {@code (m, d)}, with the {@code d} the standardizer was fitted on
     * @return a new tensor of the same shape
     * @throws IllegalArgumentException if the number of features differs
     */
    public Tensor transform(Tensor features) {
        checkFeatures("transform", features);
        return features.sub(mean).div(scale);
    }

    /**
     * Returns the dataset with its features standardized; labels and class names are unchanged.
     *
     * @param data the data
     * @return a new dataset
     */
    public LabeledData transform(LabeledData data) {
        Objects.requireNonNull(data, "data");
        return data.withFeatures(transform(data.features()));
    }

    /**
     * Undoes {@link #transform(Tensor)}: returns {@code x' · scale + mean}.
     *
     * @param standardized shape {@code (m, d)}
     * @return a new tensor in the original units
     * @throws IllegalArgumentException if the number of features differs
     */
    public Tensor inverseTransform(Tensor standardized) {
        checkFeatures("inverseTransform", standardized);
        return standardized.mul(scale).add(mean);
    }

    private void checkFeatures(String method, Tensor features) {
        Objects.requireNonNull(features, "features");
        if (features.rank() != 2 || features.dim(1) != mean.size()) {
            throw new IllegalArgumentException("Standardizer." + method + ": expected features of shape (m, "
                    + mean.size() + "), got " + features.shape());
        }
    }

    /**
     * Returns the mean of each feature on the training data.
     *
     * @return a copy, shape {@code (d,)}
     */
    public Tensor mean() {
        return mean.copy();
    }

    /**
     * Returns the population standard deviation of each feature on the training data.
     *
     * @return a copy, shape {@code (d,)}
     */
    public Tensor std() {
        return std.copy();
    }

    /**
     * Returns what each feature is divided by: its standard deviation, or 1 for a constant feature.
     *
     * @return a copy, shape {@code (d,)}
     */
    public Tensor scale() {
        return scale.copy();
    }

    /**
     * Returns a summary with the mean and scale of each feature.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Standardizer(mean=" + mean + ", scale=" + scale + ")";
    }
}
