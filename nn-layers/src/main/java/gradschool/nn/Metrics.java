package gradschool.nn;

import gradschool.core.Tensor;

/**
 * Classification metrics computed from a model's outputs and the true class indices.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Returns the predicted class of each sample: the index of the largest output (logit or
     * probability) along the last dimension.
     *
     * @param outputs {@code (batch, classes)}
     * @return {@code (batch,)} class indices
     */
    public static Tensor predictions(Tensor outputs) {
        if (outputs.rank() != 2) {
            throw new IllegalArgumentException("predictions: needs outputs of shape (batch, classes), got " + outputs.shape());
        }
        return outputs.argmax(1, false);
    }

    /**
     * Returns the number of samples whose largest output is at their true class.
     *
     * @param outputs {@code (batch, classes)}
     * @param labels {@code (batch,)} class indices
     * @return the number correct
     */
    public static int correctCount(Tensor outputs, Tensor labels) {
        Tensor predicted = predictions(outputs);
        if (!predicted.shape().equals(labels.shape())) {
            throw new IllegalArgumentException("accuracy: outputs " + outputs.shape() + " give predictions "
                    + predicted.shape() + " but labels have shape " + labels.shape());
        }
        return (int) predicted.eq(labels).sum().item();
    }

    /**
     * Returns the fraction of samples classified correctly.
     *
     * @param outputs {@code (batch, classes)}
     * @param labels {@code (batch,)} class indices
     * @return accuracy in {@code [0, 1]}
     */
    public static double accuracy(Tensor outputs, Tensor labels) {
        return labels.size() == 0 ? 0.0 : (double) correctCount(outputs, labels) / labels.size();
    }
}
