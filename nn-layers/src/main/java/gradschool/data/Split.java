package gradschool.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * Splits a dataset into a training part and a test part, after a seeded shuffle.
 *
 * <pre>{@code
 * Split.TrainTest parts = Split.trainTest(iris, 0.2, 42);
 * parts.train().size(); // 120
 * parts.test().size();  // 30
 * }</pre>
 *
 * <p>The shuffle is a Fisher–Yates shuffle driven by {@code new java.util.Random(seed)}, so the
 * same data, fraction and seed always give the same split. The split is not stratified: class
 * proportions in each part are only approximately those of the whole.
 */
public final class Split {

    private Split() {}

    /** The two parts of a train/test split. */
    public static final class TrainTest {
        private final LabeledData train;
        private final LabeledData test;

        /**
         * Pairs a training part with a test part.
         *
         * @param train the examples to fit on
         * @param test the held-out examples to evaluate on
         */
        public TrainTest(LabeledData train, LabeledData test) {
            this.train = Objects.requireNonNull(train, "train");
            this.test = Objects.requireNonNull(test, "test");
        }

        /**
         * Returns the training part.
         *
         * @return the examples to fit on
         */
        public LabeledData train() {
            return train;
        }

        /**
         * Returns the test part.
         *
         * @return the held-out examples
         */
        public LabeledData test() {
            return test;
        }

        /**
         * Returns a summary such as {@code TrainTest(train=120, test=30)}.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return "TrainTest(train=" + train.size() + ", test=" + test.size() + ")";
        }
    }

    /**
     * Shuffles the examples with a seed and holds out a fraction of them for testing.
     * The test part gets {@code round(n · testFraction)} examples: the first ones of the shuffled
     * order; the training part gets the rest, also in shuffled order.
     *
     * @param data the dataset
     * @param testFraction the fraction to hold out, in {@code [0, 1]}
     * @param seed the seed of the shuffle
     * @return the two parts; together they hold every example exactly once
     * @throws IllegalArgumentException if the fraction is outside {@code [0, 1]}
     */
    public static TrainTest trainTest(LabeledData data, double testFraction, long seed) {
        Objects.requireNonNull(data, "data");
        if (!(testFraction >= 0 && testFraction <= 1)) {
            throw new IllegalArgumentException(
                    "Split.trainTest: testFraction must be in [0, 1], got " + testFraction);
        }
        int n = data.size();
        int testCount = (int) Math.round(n * testFraction);
        int[] order = shuffledIndices(n, seed);
        int[] testRows = Arrays.copyOfRange(order, 0, testCount);
        int[] trainRows = Arrays.copyOfRange(order, testCount, n);
        return new TrainTest(data.subset(trainRows), data.subset(testRows));
    }

    /**
     * Returns {@code 0, 1, …, n − 1} in an order shuffled by Fisher–Yates: for {@code i} from
     * {@code n − 1} down to 1, swap position {@code i} with a position {@code j} drawn uniformly from
     * {@code 0 … i} by {@code new Random(seed).nextInt(i + 1)}.
     *
     * @param n how many indices; {@code >= 0}
     * @param seed the seed
     * @return a permutation of {@code 0 … n − 1}, the same for the same {@code n} and seed
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static int[] shuffledIndices(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("Split.shuffledIndices: n must be >= 0, got " + n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
