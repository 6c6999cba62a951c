package gradschool.data;

import gradschool.core.Tensor;

/**
 * A dataset held in two tensors: sample {@code i} is row {@code i} of the inputs and of the targets.
 *
 * <pre>{@code
 * TensorDataset train = TensorDataset.of(Mnist.read(dir, "train", 60_000));
 * train.size();                  // 60000
 * train.input(0).shape();        // (784,)
 * }</pre>
 */
public final class TensorDataset implements Dataset {

    private final Tensor inputs;
    private final Tensor targets;

    /**
     * Makes a dataset from inputs and targets with the same first dimension.
     *
     * @param inputs {@code (n, …)}
     * @param targets {@code (n, …)}, e.g. class indices {@code (n,)}
     * @throws IllegalArgumentException if the first dimensions differ
     */
    public TensorDataset(Tensor inputs, Tensor targets) {
        if (inputs.rank() == 0 || targets.rank() == 0 || inputs.dim(0) != targets.dim(0)) {
            throw new IllegalArgumentException("TensorDataset: inputs " + inputs.shape() + " and targets "
                    + targets.shape() + " must have the same number of samples along dimension 0");
        }
        this.inputs = inputs.contiguous();
        this.targets = targets.contiguous();
    }

    /**
     * Makes a dataset of features and class labels.
     *
     * @param data labeled data, e.g. from a reader
     * @return the dataset
     */
    public static TensorDataset of(LabeledData data) {
        return new TensorDataset(data.features(), data.labels());
    }

    @Override
    public int size() {
        return inputs.dim(0);
    }

    @Override
    public Tensor input(int index) {
        return inputs.select(0, index);
    }

    @Override
    public Tensor target(int index) {
        return targets.select(0, index);
    }

    /**
     * Gathers the rows directly (one copy per batch).
     *
     * @param indices the samples, in batch order
     * @return the batch
     */
    @Override
    public Batch batch(int[] indices) {
        return new Batch(inputs.indexSelect(indices), targets.indexSelect(indices));
    }

    /**
     * Returns all inputs.
     *
     * @return the inputs tensor
     */
    public Tensor inputs() {
        return inputs;
    }

    /**
     * Returns all targets.
     *
     * @return the targets tensor
     */
    public Tensor targets() {
        return targets;
    }
}
