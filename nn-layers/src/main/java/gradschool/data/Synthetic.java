package gradschool.data;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Small synthetic datasets for trying a network on a problem whose answer you can see: two moons,
 * spirals, XOR, Gaussian blobs and a linear regression. Each is generated from a seed, so the same
 * arguments always give exactly the same data.
 *
 * <pre>{@code
 * LabeledData moons = Synthetic.twoMoons(200, 0.1, 42);   // features (200, 2), labels 0 / 1
 * LabeledData arms = Synthetic.spirals(100, 3, 0.2, 7);   // features (300, 2), labels 0 / 1 / 2
 * LabeledData xor = Synthetic.xor();                      // the four corners of the unit square
 * }</pre>
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Examples come grouped by class, class 0 first; they are <em>not</em> shuffled. Shuffle with
 *       {@link Split#trainTest} or a data loader.</li>
 *   <li>Randomness comes from one {@code java.util.Random(seed)}, drawn in a fixed, documented order;
 *       "{@code N(0,1)}" below means {@code random.nextGaussian()}.</li>
 *   <li>{@code noise} and {@code std} are standard deviations of Gaussian noise; 0 gives the exact
 *       noiseless shape.</li>
 * </ul>
 */
public final class Synthetic {

    private static final List<String> BINARY_CLASS_NAMES = List.of("0", "1");

    private Synthetic() {}

    /**
     * Returns two interleaving half circles, as scikit-learn's {@code make_moons} (without its
     * shuffle). With {@code t} evenly spaced in {@code [0, π]}:
     * <pre>
     * class 0, the upper moon: (cos t,     sin t)         for the first  n/2 (rounded down) points
     * class 1, the lower moon: (1 − cos t, 0.5 − sin t)   for the other n − n/2 points
     * </pre>
     * then {@code noise·N(0,1)} is added to each coordinate (x then y, point by point, class 0 first).
     *
     * @param n the total number of points; {@code >= 0}
     * @param noise the standard deviation of the Gaussian noise; {@code >= 0}
     * @param seed the random seed
     * @return features {@code (n, 2)}, labels {@code (n,)} 0 or 1, class names "0", "1"
     * @throws IllegalArgumentException if {@code n} or {@code noise} is negative
     */
    public static LabeledData twoMoons(int n, double noise, long seed) {
        checkCount("twoMoons", "n", n);
        checkDeviation("twoMoons", "noise", noise);
        Random random = new Random(seed);
        int upper = n / 2;
        int lower = n - upper;
        double[] features = new double[2 * n];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            boolean isUpper = i < upper;
            double t = evenlySpaced(isUpper ? i : i - upper, isUpper ? upper : lower, Math.PI);
            double x = isUpper ? Math.cos(t) : 1 - Math.cos(t);
            double y = isUpper ? Math.sin(t) : 0.5 - Math.sin(t);
            features[2 * i] = x + noise * random.nextGaussian();
            features[2 * i + 1] = y + noise * random.nextGaussian();
            labels[i] = isUpper ? 0 : 1;
        }
        return new LabeledData(Tensor.of(Shape.of(n, 2), features), Tensor.of(Shape.of(n), labels),
                BINARY_CLASS_NAMES);
    }

    /** Returns the {@code i}-th of {@code count} values evenly spaced in {@code [0, end]}, like numpy's linspace. */
    private static double evenlySpaced(int i, int count, double end) {
        return count == 1 ? 0 : end * i / (count - 1);
    }

    /**
     * Returns {@code classes} spiral arms winding out from the origin (the classic CS231n toy
     * problem). For arm {@code k} and point {@code i = 0 … nPerClass − 1}:
     * <pre>
     * r = i / nPerClass
     * θ = k·2π/classes + 4π·r + noise·N(0,1)
     * point = (r·cos θ, r·sin θ),  label k
     * </pre>
     * Each arm makes two full turns; the noise jitters the angle.
     *
     * @param nPerClass points per arm; {@code >= 0}
     * @param classes the number of arms; {@code >= 1}
     * @param noise the standard deviation of the angle noise, in radians; {@code >= 0}
     * @param seed the random seed
     * @return features {@code (nPerClass·classes, 2)}, labels {@code 0 … classes − 1}, class names "0", "1", …
     * @throws IllegalArgumentException if a count is out of range or the noise negative
     */
    public static LabeledData spirals(int nPerClass, int classes, double noise, long seed) {
        checkCount("spirals", "nPerClass", nPerClass);
        checkClasses("spirals", classes);
        checkDeviation("spirals", "noise", noise);
        Random random = new Random(seed);
        int n = Math.multiplyExact(nPerClass, classes);
        double[] features = new double[2 * n];
        double[] labels = new double[n];
        int row = 0;
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < nPerClass; i++) {
                double r = (double) i / nPerClass;
                double theta = k * 2 * Math.PI / classes + 4 * Math.PI * r + noise * random.nextGaussian();
                features[2 * row] = r * Math.cos(theta);
                features[2 * row + 1] = r * Math.sin(theta);
                labels[row] = k;
                row++;
            }
        }
        return new LabeledData(Tensor.of(Shape.of(n, 2), features), Tensor.of(Shape.of(n), labels),
                numberedClassNames(classes));
    }

    /**
     * Returns the four points of the XOR truth table, the smallest problem a single linear layer
     * cannot solve.
     * <pre>
     * (0, 0) → 0
     * (0, 1) → 1
     * (1, 0) → 1
     * (1, 1) → 0
     * </pre>
     *
     * @return features {@code (4, 2)}, labels {@code (4,)}, class names "0", "1"
     */
    public static LabeledData xor() {
        return xor(4, 0.0, 0);
    }

    /**
     * Returns {@code n} noisy copies of the XOR corners: point {@code i} is corner {@code i mod 4}
     * of the table in {@link #xor()} plus {@code noise·N(0,1)} on each coordinate, with that
     * corner's label. When {@code n} is a multiple of 4 the two classes are exactly balanced.
     *
     * @param n the number of points; {@code >= 0}
     * @param noise the standard deviation of the Gaussian noise; {@code >= 0}
     * @param seed the random seed
     * @return features {@code (n, 2)}, labels {@code (n,)} 0 or 1, class names "0", "1"
     * @throws IllegalArgumentException if {@code n} or {@code noise} is negative
     */
    public static LabeledData xor(int n, double noise, long seed) {
        checkCount("xor", "n", n);
        checkDeviation("xor", "noise", noise);
        Random random = new Random(seed);
        double[] features = new double[2 * n];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            int corner = i % 4;
            int a = corner / 2;
            int b = corner % 2;
            features[2 * i] = a + noise * random.nextGaussian();
            features[2 * i + 1] = b + noise * random.nextGaussian();
            labels[i] = a ^ b;
        }
        return new LabeledData(Tensor.of(Shape.of(n, 2), features), Tensor.of(Shape.of(n), labels),
                BINARY_CLASS_NAMES);
    }

    /**
     * Returns isotropic Gaussian blobs, one per center (like scikit-learn's {@code make_blobs}):
     * for class {@code k}, each of its {@code nPerClass} points is {@code centers[k] + std·N(0,1)}
     * coordinate by coordinate.
     *
     * @param nPerClass points per blob; {@code >= 0}
     * @param centers shape {@code (classes, d)}: row {@code k} is the center of class {@code k}
     * @param std the standard deviation of each coordinate around its center; {@code >= 0}
     * @param seed the random seed
     * @return features {@code (nPerClass·classes, d)}, labels {@code 0 … classes − 1}, class names "0", "1", …
     * @throws IllegalArgumentException if the centers are not a non-empty matrix, or a count or
     *     {@code std} is negative
     */
    public static LabeledData blobs(int nPerClass, Tensor centers, double std, long seed) {
        Objects.requireNonNull(centers, "centers");
        checkCount("blobs", "nPerClass", nPerClass);
        checkDeviation("blobs", "std", std);
        if (centers.rank() != 2 || centers.dim(0) < 1) {
            throw new IllegalArgumentException(
                    "Synthetic.blobs: centers must have shape (classes, d) with classes >= 1, got " + centers.shape());
        }
        int classes = centers.dim(0);
        int d = centers.dim(1);
        double[][] centerRows = centers.to2DArray();
        Random random = new Random(seed);
        int n = Math.multiplyExact(nPerClass, classes);
        double[] features = new double[Math.multiplyExact(n, d)];
        double[] labels = new double[n];
        int row = 0;
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < nPerClass; i++) {
                for (int j = 0; j < d; j++) {
                    features[row * d + j] = centerRows[k][j] + std * random.nextGaussian();
                }
                labels[row] = k;
                row++;
            }
        }
        return new LabeledData(Tensor.of(Shape.of(n, d), features), Tensor.of(Shape.of(n), labels),
                numberedClassNames(classes));
    }

    /**
     * Returns data for a linear regression, {@code y = x·w + b + noise·N(0,1)}, with each feature of
     * {@code x} drawn from {@code N(0,1)}. Draw order: for each example, its {@code d} features, then
     * its noise.
     *
     * @param n the number of examples; {@code >= 0}
     * @param weights the true weights {@code w}, shape {@code (d,)}
     * @param bias the true bias {@code b}
     * @param noise the standard deviation of the noise on {@code y}; {@code >= 0}
     * @param seed the random seed
     * @return features {@code x} of shape {@code (n, d)}; the labels hold the targets {@code y},
     *     shape {@code (n,)}, and there are no class names
     * @throws IllegalArgumentException if the weights are not a vector, or {@code n} or {@code noise} is negative
     */
    public static LabeledData linearRegression(int n, Tensor weights, double bias, double noise, long seed) {
        Objects.requireNonNull(weights, "weights");
        checkCount("linearRegression", "n", n);
        checkDeviation("linearRegression", "noise", noise);
        if (weights.rank() != 1) {
            throw new IllegalArgumentException(
                    "Synthetic.linearRegression: weights must have shape (d,), got " + weights.shape());
        }
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("Synthetic.linearRegression: bias must be finite, got " + bias);
        }
        double[] w = weights.toDoubleArray();
        int d = w.length;
        Random random = new Random(seed);
        double[] features = new double[Math.multiplyExact(n, d)];
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            double y = bias;
            for (int j = 0; j < d; j++) {
                double x = random.nextGaussian();
                features[i * d + j] = x;
                y += x * w[j];
            }
            targets[i] = y + noise * random.nextGaussian();
        }
        return new LabeledData(Tensor.of(Shape.of(n, d), features), Tensor.of(Shape.of(n), targets));
    }

    private static List<String> numberedClassNames(int classes) {
        List<String> names = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            names.add(String.valueOf(k));
        }
        return names;
    }

    private static void checkCount(String method, String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Synthetic." + method + ": " + name + " must be >= 0, got " + value);
        }
    }

    private static void checkClasses(String method, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("Synthetic." + method + ": classes must be >= 1, got " + classes);
        }
    }

    private static void checkDeviation(String method, String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "Synthetic." + method + ": " + name + " must be a finite standard deviation >= 0, got " + value);
        }
    }
}
