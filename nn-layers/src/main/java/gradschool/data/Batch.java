package gradschool.data;

import gradschool.core.Tensor;

/**
 * A batch of samples: inputs stacked along dimension 0, and their targets.
 */
public final class Batch {

    private final Tensor inputs;
    private final Tensor targets;

    /**
     * Makes a batch.
     *
     * @param inputs the inputs, {@code (batch, …)}
     * @param targets the targets, {@code (batch, …)}
     * @throws IllegalArgumentException if their first dimensions differ
     */
    public Batch(Tensor inputs, Tensor targets) {
        if (inputs.rank() == 0 || targets.rank() == 0 || inputs.dim(0) != targets.dim(0)) {
            throw new IllegalArgumentException("Batch: inputs " + inputs.shape() + " and targets " + targets.shape()
                    + " must have the same size along dimension 0");
        }
        this.inputs = inputs;
        this.targets = targets;
    }

    /**
     * Returns the inputs.
     *
     * @return the inputs, {@code (batch, …)}
     */
    public Tensor inputs() {
        return inputs;
    }

    /**
     * Returns the targets.
     *
     * @return the targets, {@code (batch, …)}
     */
    public Tensor targets() {
        return targets;
    }

    /**
     * Returns the number of samples.
     *
     * @return the batch size
     */
    public int size() {
        return inputs.dim(0);
    }

    @Override
    public String toString() {
        return "Batch(inputs " + inputs.shape() + ", targets " + targets.shape() + ")";
    }
}
