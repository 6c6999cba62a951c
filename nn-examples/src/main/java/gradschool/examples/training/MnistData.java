package gradschool.examples.training;

import gradschool.data.DataLoader;
import gradschool.data.LabeledData;
import gradschool.data.Mnist;
import gradschool.data.TensorDataset;
import gradschool.examples.LessonContext;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.History;
import gradschool.nn.Layer;
import gradschool.nn.Trainer;
import gradschool.optim.Adam;
import gradschool.optim.CosineAnnealing;
import gradschool.optim.LearningRateSchedule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The MNIST images a lesson learns from and tests on, and what the MNIST lessons ({@code mnist},
 * {@code cnn-mnist}, {@code cnn-batchnorm}) do with them in the same way: read them, batch them and
 * train on them.
 *
 * @param train the training images (rows of 784 pixels in [0, 1]) and their digits
 * @param test the test images and their digits
 */
record MnistData(LabeledData train, LabeledData test) {

    /**
     * Reads the first {@code trainSize} training and {@code testSize} test images of data/mnist.
     *
     * @param context where the data directory is
     * @param trainSize training images, at most 60,000
     * @param testSize test images, at most 10,000
     * @return the images
     * @throws IOException if reading fails
     */
    static MnistData read(LessonContext context, int trainSize, int testSize) throws IOException {
        Path directory = context.data("mnist");
        return new MnistData(Mnist.read(directory, Mnist.TRAIN, trainSize),
                Mnist.read(directory, Mnist.TEST, testSize));
    }

    /**
     * Reads as {@link #read} does, and prints how many images it read and in how many seconds.
     *
     * @param context where the data directory is, and where to print
     * @param trainSize training images, at most 60,000
     * @param testSize test images, at most 10,000
     * @return the images
     * @throws IOException if reading fails
     */
    static MnistData readTimed(LessonContext context, int trainSize, int testSize) throws IOException {
        long start = System.nanoTime();
        MnistData data = read(context, trainSize, testSize);
        context.out().printf("read %,d training and %,d test images in %.1f s%n", data.train.size(),
                data.test.size(), (System.nanoTime() - start) / 1e9);
        return data;
    }

    /**
     * Returns the training images in batches, shuffled each epoch (seed 0).
     *
     * @param batchSize samples per gradient step
     * @return the loader
     */
    DataLoader trainLoader(int batchSize) {
        return DataLoader.of(TensorDataset.of(train)).batchSize(batchSize).shuffle(0);
    }

    /**
     * Returns the test images in batches, in order.
     *
     * @param batchSize images per forward pass
     * @return the loader
     */
    DataLoader testLoader(int batchSize) {
        return DataLoader.of(TensorDataset.of(test)).batchSize(batchSize);
    }

    /**
     * Trains with cross-entropy and Adam, whose learning rate falls along a cosine to a hundredth of
     * its start over the run, and measures the test accuracy after each epoch.
     *
     * @param model the network, 784 pixels in, 10 scores out
     * @param learningRate Adam's learning rate in the first epoch
     * @param batchSize samples per gradient step
     * @param testBatchSize images per forward pass when testing
     * @param epochs passes over the training images
     * @param progress how the Trainer shows its progress
     * @param out where it prints
     * @return the losses and accuracies per epoch
     */
    History fitWithCosineSchedule(Layer model, double learningRate, int batchSize, int testBatchSize, int epochs,
                                  Trainer.Progress progress, PrintStream out) {
        DataLoader trainLoader = trainLoader(batchSize);
        DataLoader testLoader = testLoader(testBatchSize);
        Adam optimizer = new Adam(model.parameters(), learningRate);
        LearningRateSchedule schedule = new CosineAnnealing(optimizer, epochs, learningRate / 100);
        return Trainer.of(model, new CrossEntropyLoss(), optimizer)
                .epochs(epochs)
                .validation(testLoader)
                .progress(progress)
                .printTo(out)
                .onEpochEnd(epoch -> schedule.step())
                .fit(trainLoader);
    }

    /**
     * Prints a blank line and a table of the epochs: seconds, training images per second, learning
     * rate and test accuracy.
     *
     * @param history what the Trainer recorded
     * @param out where to print
     * @return the seconds of all epochs together
     */
    double printEpochTable(History history, PrintStream out) {
        out.println();
        out.println("epoch | seconds | images/s | learning rate | test accuracy");
        double totalSeconds = 0;
        for (History.Epoch epoch : history.epochs()) {
            totalSeconds += epoch.seconds();
            out.printf("%5d | %7.1f | %8.0f | %13.6f | %.2f%%%n", epoch.number(), epoch.seconds(),
                    train.size() / epoch.seconds(), epoch.learningRate(), 100 * epoch.validationAccuracy());
        }
        return totalSeconds;
    }
}
