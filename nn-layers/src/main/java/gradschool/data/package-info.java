/**
 * Datasets as {@link gradschool.core.Tensor}s: readers for the files shipped in the repository's
 * {@code data/} directory, seeded synthetic generators, and small preprocessing helpers.
 *
 * <pre>{@code
 * LabeledData iris = Iris.read(Path.of("data/iris/iris.csv"));      // features (150, 4), labels (150,)
 * Split.TrainTest parts = Split.trainTest(iris, 0.2, 42);           // seeded shuffle, 120 / 30
 * Standardizer scaler = Standardizer.fit(parts.train().features()); // mean and std of the train set only
 * Tensor x = scaler.transform(parts.train().features());
 * Tensor y = OneHot.encode(parts.train().labels(), iris.classCount()); // (120, 3)
 * }</pre>
 *
 * <h2>What lives here</h2>
 * <ul>
 *   <li>{@link LabeledData}: features {@code (n, d)} and labels {@code (n,)}, plus class names.</li>
 *   <li>Readers: {@link Iris} (CSV), {@link Digits} (gzipped CSV of 8×8 images), {@link Mnist}
 *       (IDX files, gzipped or not). A malformed file raises a {@link MalformedDataException} that
 *       names the file and the line or byte where it went wrong.</li>
 *   <li>{@link Synthetic}: two moons, spirals, XOR, Gaussian blobs and linear-regression data, all
 *       deterministic for a given seed.</li>
 *   <li>Preprocessing: {@link Split} (seeded train/test split), {@link Standardizer} (zero mean,
 *       unit variance per feature) and {@link OneHot} (class index → one-hot row).</li>
 *   <li>Feeding a training loop: {@link Dataset}, {@link TensorDataset} and {@link DataLoader},
 *       which yields mini-batches ({@link Batch}) with seeded shuffling.</li>
 * </ul>
 *
 * <p>This package depends only on {@code gradschool.core}: it produces plain tensors and knows
 * nothing about gradients.
 */
package gradschool.data;
