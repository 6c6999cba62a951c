package gradschool.data;

import gradschool.core.Tensor;
import java.util.Arrays;

/**
 * A collection of samples, each an input tensor and a target tensor, indexed from 0.
 *
 * <p>{@link TensorDataset} keeps everything in two tensors; implement this interface for data
 * that is computed or loaded per sample. A {@link DataLoader} turns a dataset into batches.
 */
public interface Dataset {

    /**
     * Returns the number of samples.
     *
     * @return the size
     */
    int size();

    /**
     * Returns one sample's input.
     *
     * @param index the sample, in {@code [0, size)}
     * @return its input tensor
     */
    Tensor input(int index);

    /**
     * Returns one sample's target.
     *
     * @param index the sample, in {@code [0, size)}
     * @return its target tensor (a scalar class index, or a vector)
     */
    Tensor target(int index);

    /**
     * Returns the samples at the given indices stacked along a new first dimension. The default
     * stacks sample by sample; {@link TensorDataset} gathers rows directly.
     *
     * @param indices the samples, in batch order
     * @return the batch
     */
    default Batch batch(int[] indices) {
        Tensor[] inputs = new Tensor[indices.length];
        Tensor[] targets = new Tensor[indices.length];
        for (int i = 0; i < indices.length; i++) {
            inputs[i] = input(indices[i]);
            targets[i] = target(indices[i]);
        }
        return new Batch(Tensor.stack(Arrays.asList(inputs), 0), Tensor.stack(Arrays.asList(targets), 0));
    }
}
