package gradschool.examples.training;

import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import gradschool.examples.plot.Charts;
import gradschool.examples.plot.TrainingCurves;
import gradschool.nn.BatchNorm2d;
import gradschool.nn.Conv2d;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.Flatten;
import gradschool.nn.History;
import gradschool.nn.Init;
import gradschool.nn.Linear;
import gradschool.nn.MaxPool2d;
import gradschool.nn.ReLU;
import gradschool.nn.Sequential;
import gradschool.nn.Trainer;
import gradschool.optim.Adam;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What batch normalization does: the {@code cnn-mnist} network trained twice, without and with a
 * {@link BatchNorm2d} after each convolution, from the same seed, on the same batches.
 *
 * <pre>
 * data      the first {@value #TRAIN_SIZE} MNIST training images, the first {@value #TEST_SIZE} test images
 * models    LeNet-5 as in cnn-mnist; and the same with BatchNorm2d(6) and BatchNorm2d(16) between
 *           each Conv2d and its ReLU (the convolutions then need no bias, but keep it, to change one thing only)
 * training  cross-entropy, Adam with a constant learning rate of {@value #LEARNING_RATE}, batches of 64, {@value #EPOCHS} epochs
 * </pre>
 *
 * <p>It prints both runs' training loss and test accuracy per epoch and draws them on one chart
 * each. The test accuracy of the normalized network is measured in evaluation mode, with the
 * running statistics (see docs/convolution.md, "Normalization"). A subset keeps the lesson under a
 * minute; smoke mode uses {@value #SMOKE_TRAIN_SIZE} and {@value #SMOKE_TEST_SIZE} images and
 * {@value #SMOKE_EPOCHS} epochs.
 */
public final class CnnBatchNormLesson implements Lesson {

    /** Training images of the full run. */
    static final int TRAIN_SIZE = 5_000;
    /** Test images of the full run. */
    static final int TEST_SIZE = 2_000;
    /** Epochs of the full run. */
    static final int EPOCHS = 6;
    /** Training images of the smoke run. */
    static final int SMOKE_TRAIN_SIZE = 1_000;
    /** Test images of the smoke run. */
    static final int SMOKE_TEST_SIZE = 200;
    /** Epochs of the smoke run. */
    static final int SMOKE_EPOCHS = 2;
    /** Adam's learning rate, the same for both networks. */
    static final double LEARNING_RATE = 2e-3;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new CnnBatchNormLesson());
    }

    @Override
    public String name() {
        return "cnn-batchnorm";
    }

    @Override
    public String description() {
        return "the cnn-mnist network with and without BatchNorm2d after each convolution, on one chart";
    }

    @Override
    public List<String> dataFiles() {
        return new MnistLesson().dataFiles();
    }

    /** LeNet-5 as in cnn-mnist, with a BatchNorm2d between each convolution and its ReLU. */
    static Sequential newNormalizedModel() {
        return new Sequential(
                new CnnMnistLesson.ToImage(),
                new Conv2d(1, 6, 5, 1, 2), new BatchNorm2d(6), new ReLU(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), new BatchNorm2d(16), new ReLU(), new MaxPool2d(2),
                new Flatten(),
                new Linear(400, 120), new ReLU(),
                new Linear(120, 84), new ReLU(),
                new Linear(84, 10));
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        boolean smoke = context.smoke();
        MnistData data = MnistData.read(context, smoke ? SMOKE_TRAIN_SIZE : TRAIN_SIZE,
                smoke ? SMOKE_TEST_SIZE : TEST_SIZE);
        int epochs = smoke ? SMOKE_EPOCHS : EPOCHS;
        out.printf("%,d training and %,d test images, %d epochs, Adam with learning rate %s%n", data.train().size(),
                data.test().size(), epochs, LEARNING_RATE);

        out.println("without BatchNorm:");
        Init.manualSeed(0);
        History plain = fit(CnnMnistLesson.newModel(), data, epochs, out);
        out.println("with BatchNorm2d after each convolution:");
        Init.manualSeed(0);
        Sequential normalized = newNormalizedModel();
        History withNorm = fit(normalized, data, epochs, out);

        out.println();
        out.println("epoch | train loss: plain  batchnorm | test accuracy: plain  batchnorm");
        for (int i = 0; i < epochs; i++) {
            History.Epoch a = plain.epochs().get(i);
            History.Epoch b = withNorm.epochs().get(i);
            out.printf("%5d | %18.4f %10.4f | %20.2f%% %9.2f%%%n", a.number(), a.trainLoss(), b.trainLoss(),
                    100 * a.validationAccuracy(), 100 * b.validationAccuracy());
        }
        out.println("(test accuracy of the BatchNorm network in evaluation mode, with its running statistics)");

        Path file = context.output("cnn-batchnorm.png");
        Charts.savePng(List.of(
                chart("training loss", "loss", plain, withNorm, History.Epoch::trainLoss, 1),
                chart("test accuracy", "test accuracy (%)", plain, withNorm, History.Epoch::validationAccuracy, 100)),
                1, 2, file);
        out.println("wrote " + file);
    }

    private static History fit(Sequential model, MnistData data, int epochs, PrintStream out) {
        Adam optimizer = new Adam(model.parameters(), LEARNING_RATE);
        return Trainer.of(model, new CrossEntropyLoss(), optimizer)
                .epochs(epochs)
                .validation(data.testLoader(CnnMnistLesson.EVALUATION_BATCH))
                .progress(Trainer.Progress.LINES)
                .printTo(out)
                .fit(data.trainLoader(CnnMnistLesson.BATCH_SIZE));
    }

    private static XYChart chart(String title, String yTitle, History plain, History withNorm,
                                 ToDoubleFunction<History.Epoch> figure, double scale) {
        Charts.useHeadlessGraphics();
        XYChart chart = new XYChartBuilder().width(TrainingCurves.WIDTH).height(TrainingCurves.HEIGHT)
                .title("LeNet-5 on MNIST: " + title).xAxisTitle("epoch").yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendPosition(scale == 1 ? LegendPosition.InsideNE : LegendPosition.InsideSE);
        for (var run : List.of(Map.entry("without BatchNorm", plain),
                Map.entry("with BatchNorm2d", withNorm))) {
            List<History.Epoch> epochs = run.getValue().epochs();
            double[] x = new double[epochs.size()];
            double[] y = new double[epochs.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = epochs.get(i).number();
                y[i] = scale * figure.applyAsDouble(epochs.get(i));
            }
            chart.addSeries(run.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }
}
