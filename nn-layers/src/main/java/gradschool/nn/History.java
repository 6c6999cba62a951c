package gradschool.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What happened in each epoch of a training run: losses, accuracies, time and learning rate.
 */
public final class History {

    private final List<Epoch> epochs = new ArrayList<>();
    private boolean stoppedEarly;

    /** One epoch's figures; accuracies and validation figures are NaN when not measured. */
    public static final class Epoch {
        private final int number;
        private final double trainLoss;
        private final double trainAccuracy;
        private final double validationLoss;
        private final double validationAccuracy;
        private final double seconds;
        private final double learningRate;

        Epoch(int number, double trainLoss, double trainAccuracy, double validationLoss,
              double validationAccuracy, double seconds, double learningRate) {
            this.number = number;
            this.trainLoss = trainLoss;
            this.trainAccuracy = trainAccuracy;
            this.validationLoss = validationLoss;
            this.validationAccuracy = validationAccuracy;
            this.seconds = seconds;
            this.learningRate = learningRate;
        }

        /**
         * Returns the epoch number, starting at 1.
         *
         * @return the number
         */
        public int number() {
            return number;
        }

        /**
         * Returns the mean training loss over the epoch's batches (weighted by batch size).
         *
         * @return the loss
         */
        public double trainLoss() {
            return trainLoss;
        }

        /**
         * Returns the training accuracy (NaN for non-classification outputs).
         *
         * @return the accuracy
         */
        public double trainAccuracy() {
            return trainAccuracy;
        }

        /**
         * Returns the validation loss (NaN without validation data).
         *
         * @return the loss
         */
        public double validationLoss() {
            return validationLoss;
        }

        /**
         * Returns the validation accuracy (NaN without validation data or for non-classification).
         *
         * @return the accuracy
         */
        public double validationAccuracy() {
            return validationAccuracy;
        }

        /**
         * Returns the wall time of the epoch, validation included.
         *
         * @return seconds
         */
        public double seconds() {
            return seconds;
        }

        /**
         * Returns the learning rate used in the epoch.
         *
         * @return the learning rate
         */
        public double learningRate() {
            return learningRate;
        }

        /**
         * Returns one line, e.g. {@code "epoch 3: train loss 0.1234, acc 96.50% | val loss 0.1500, acc 95.90% | 2.1 s"}.
         *
         * @return the text
         */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(String.format("epoch %d: train loss %.4f", number, trainLoss));
            if (!Double.isNaN(trainAccuracy)) {
                text.append(String.format(", acc %.2f%%", 100 * trainAccuracy));
            }
            if (!Double.isNaN(validationLoss)) {
                text.append(String.format(" | val loss %.4f", validationLoss));
                if (!Double.isNaN(validationAccuracy)) {
                    text.append(String.format(", acc %.2f%%", 100 * validationAccuracy));
                }
            }
            return text.append(String.format(" | %.2f s", seconds)).toString();
        }
    }

    void add(Epoch epoch) {
        epochs.add(epoch);
    }

    void markStoppedEarly() {
        stoppedEarly = true;
    }

    /**
     * Returns the epochs in order.
     *
     * @return an unmodifiable list
     */
    public List<Epoch> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /**
     * Returns the last epoch.
     *
     * @return the last epoch's figures
     * @throws IllegalStateException if no epoch ran
     */
    public Epoch last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("History: no epoch has run");
        }
        return epochs.get(epochs.size() - 1);
    }

    /**
     * Tells whether early stopping ended the run.
     *
     * @return true if it stopped before the last planned epoch
     */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /**
     * Returns one line per epoch.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        epochs.forEach(e -> text.append(e).append('\n'));
        if (stoppedEarly) {
            text.append("(stopped early)\n");
        }
        return text.toString();
    }
}
