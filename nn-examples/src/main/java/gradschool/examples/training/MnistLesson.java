package gradschool.examples.training;

import gradschool.core.Tensor;
import gradschool.data.LabeledData;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import gradschool.examples.plot.DigitGrid;
import gradschool.examples.plot.TrainingCurves;
import gradschool.nn.History;
import gradschool.nn.Init;
import gradschool.nn.Linear;
import gradschool.nn.LayerState;
import gradschool.nn.ReLU;
import gradschool.nn.Sequential;
import gradschool.nn.Trainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * MNIST: 60,000 handwritten 28×28 digits to learn from and 10,000 to test on — the "hello world"
 * of deep learning, trained here with nothing but gradschool.
 *
 * <pre>
 * data      data/mnist/*.gz, pixels scaled to [0, 1] (Mnist.read); the official train/test files
 * model     784 → 128 → 64 → 10, ReLU, one score per digit   (109,386 parameters)
 * training  cross-entropy, Adam, batches of 64, shuffled each epoch (seed 0); the learning rate
 *           falls from 0.002 to 0.00002 along a cosine over the run (CosineAnnealing)
 * </pre>
 *
 * <p>The full run reaches about 98% test accuracy in {@value #EPOCHS} epochs. Then the lesson does
 * what every real project does: it saves the trained weights ({@link LayerState#save}, a numpy
 * {@code .npz} file), builds a fresh, untrained network, loads the file into it, and checks that the
 * copy gives exactly the same answers. Last, a picture of test digits with the predicted and true
 * labels.
 *
 * <p>Smoke mode trains {@value #SMOKE_EPOCHS} epochs on the first {@value #SMOKE_TRAIN_SIZE} training images and tests
 * on the first {@value #SMOKE_TEST_SIZE} test images, and still writes every file.
 */
public final class MnistLesson implements Lesson {

    /** Epochs of the full run. */
    static final int EPOCHS = 6;

    /** Epochs of the smoke run: two, so that one can see the loss fall. */
    static final int SMOKE_EPOCHS = 2;

    /** Training images of the smoke run. */
    static final int SMOKE_TRAIN_SIZE = 2_000;

    /** Test images of the smoke run. */
    static final int SMOKE_TEST_SIZE = 500;

    /** Samples per gradient step. */
    static final int BATCH_SIZE = 64;

    /** Adam's learning rate in the first epoch. */
    static final double LEARNING_RATE = 2e-3;

    /** How many test digits the picture shows. */
    static final int PICTURE_DIGITS = 16;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new MnistLesson());
    }

    @Override
    public String name() {
        return "mnist";
    }

    @Override
    public String description() {
        return "MNIST with a 784-128-64-10 MLP and Adam: ~98% test accuracy, save and reload the model";
    }

    @Override
    public List<String> dataFiles() {
        return List.of("mnist/train-images-idx3-ubyte.gz", "mnist/train-labels-idx1-ubyte.gz",
                "mnist/t10k-images-idx3-ubyte.gz", "mnist/t10k-labels-idx1-ubyte.gz");
    }

    /** Makes the network; called twice, for the model to train and for the fresh copy to load into. */
    static Sequential newModel() {
        return new Sequential(
                new Linear(784, 128), new ReLU(),
                new Linear(128, 64), new ReLU(),
                new Linear(64, 10));
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        boolean smoke = context.smoke();

        MnistData data = MnistData.readTimed(context, smoke ? SMOKE_TRAIN_SIZE : 60_000,
                smoke ? SMOKE_TEST_SIZE : 10_000);
        LabeledData test = data.test();

        Init.manualSeed(0);
        Sequential model = newModel();
        out.println(model);

        // 1. Train. The Trainer shows a progress bar on a terminal, one line per epoch otherwise.
        int epochs = smoke ? SMOKE_EPOCHS : EPOCHS;
        History history = data.fitWithCosineSchedule(model, LEARNING_RATE, BATCH_SIZE, 1_000, epochs,
                smoke ? Trainer.Progress.LINES : Trainer.Progress.AUTO, out);

        data.printEpochTable(history, out);
        out.println("(seconds include evaluating the test images after the epoch)");
        double accuracy = Evaluation.accuracy(model, test);
        out.printf("test accuracy: %.2f%% (%,d images)%n", 100 * accuracy, test.size());
        Path curves = context.output("mnist-curves.png");
        TrainingCurves.write(history, "MNIST", curves);
        out.println("wrote " + curves);

        // 2. Save the weights, load them into a fresh network, and check that nothing was lost.
        Path saved = context.output("mnist-mlp.npz");
        LayerState.save(model, saved);
        out.println("saved the model's " + model.namedParameters().keySet() + " to " + saved);
        Init.manualSeed(12345);
        Sequential reloaded = newModel();
        out.printf("a fresh, untrained network: test accuracy %.2f%% (chance is 10%%)%n",
                100 * Evaluation.accuracy(reloaded, test));
        LayerState.load(reloaded, saved);
        double reloadedAccuracy = Evaluation.accuracy(reloaded, test);
        boolean sameOutputs = Evaluation.outputs(reloaded, test.features()).equals(
                Evaluation.outputs(model, test.features()));
        out.printf("after loading %s: test accuracy %.2f%%; identical to the trained model: %s%n",
                saved.getFileName(), 100 * reloadedAccuracy, reloadedAccuracy == accuracy && sameOutputs);

        // 3. A picture of the first test digits, with what the reloaded network says they are.
        Tensor images = test.features().slice(0, 0, PICTURE_DIGITS);
        Tensor predicted = Evaluation.predictClasses(reloaded, images);
        Path picture = context.output("mnist-predictions.png");
        DigitGrid.write(images, predicted, test.labels().slice(0, 0, PICTURE_DIGITS), 8, picture);
        out.println("wrote " + picture);
    }
}
