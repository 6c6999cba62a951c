package gradschool.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Cuts a dataset into batches, optionally in a new random order every epoch.
 *
 * <pre>{@code
 * DataLoader loader = DataLoader.of(train).batchSize(64).shuffle(42);
 * for (int epoch = 0; epoch < 5; epoch++) {
 *     for (Batch batch : loader) {           // each pass over the loader is one epoch
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Shuffling is seeded: the order of every epoch is drawn (Fisher–Yates) from one generator made
 * from the seed, so the same seed gives the same sequence of epochs on every run and machine. The
 * last batch is smaller when the batch size does not divide the dataset, unless {@link #dropLast()}.
 */
public final class DataLoader implements Iterable<Batch> {

    private final Dataset dataset;
    private int batchSize = 1;
    private Random shuffler;
    private boolean dropLast;

    private DataLoader(Dataset dataset) {
        this.dataset = dataset;
    }

    /**
     * Starts a loader over a dataset: batch size 1, in order, keeping the last partial batch.
     *
     * @param dataset the dataset
     * @return the loader, to configure further
     * @throws IllegalArgumentException if {@code dataset} is null
     */
    public static DataLoader of(Dataset dataset) {
        if (dataset == null) {
            throw new IllegalArgumentException("DataLoader.of: the dataset is null (was it loaded or assigned?)");
        }
        return new DataLoader(dataset);
    }

    /**
     * Sets the number of samples per batch.
     *
     * @param size the batch size, {@code >= 1}
     * @return this loader
     */
    public DataLoader batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("DataLoader: the batch size must be at least 1, got " + size);
        }
        this.batchSize = size;
        return this;
    }

    /**
     * Shuffles the samples every epoch, reproducibly from a seed.
     *
     * @param seed the seed
     * @return this loader
     */
    public DataLoader shuffle(long seed) {
        this.shuffler = new Random(seed);
        return this;
    }

    /**
     * Drops the last batch of each epoch if it is smaller than the batch size.
     *
     * @return this loader
     */
    public DataLoader dropLast() {
        this.dropLast = true;
        return this;
    }

    /**
     * Returns the dataset.
     *
     * @return the dataset
     */
    public Dataset dataset() {
        return dataset;
    }

    /**
     * Returns the number of samples per batch (the last batch of an epoch may have fewer).
     *
     * @return the batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Returns the number of batches in one epoch.
     *
     * @return the count
     */
    public int batchCount() {
        int full = dataset.size() / batchSize;
        return dropLast || dataset.size() % batchSize == 0 ? full : full + 1;
    }

    /**
     * Describes the loader, e.g. {@code "DataLoader(150 samples, batch size 16, shuffled, 10 batches)"}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "DataLoader(" + dataset.size() + " samples, batch size " + batchSize
                + (shuffler != null ? ", shuffled" : "") + (dropLast ? ", dropLast" : "")
                + ", " + batchCount() + " batches)";
    }

    /**
     * Starts one epoch: a new order (if shuffling) and an iterator over its batches.
     *
     * @return the batches of one epoch
     */
    @Override
    public Iterator<Batch> iterator() {
        int n = dataset.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffler != null) {
            for (int i = n - 1; i > 0; i--) { // Fisher–Yates
                int j = shuffler.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        int batches = batchCount();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("DataLoader: the epoch has no more batches");
                }
                int from = next * batchSize;
                int to = Math.min(from + batchSize, n);
                int[] indices = new int[to - from];
                System.arraycopy(order, from, indices, 0, indices.length);
                next++;
                return dataset.batch(indices);
            }
        };
    }
}
