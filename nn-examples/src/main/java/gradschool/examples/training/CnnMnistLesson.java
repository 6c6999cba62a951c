package gradschool.examples.training;

import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.data.LabeledData;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import gradschool.examples.plot.Charts;
import gradschool.examples.plot.DigitGrid;
import gradschool.examples.plot.ImageGrid;
import gradschool.examples.plot.TrainingCurves;
import gradschool.nn.Conv2d;
import gradschool.nn.Flatten;
import gradschool.nn.History;
import gradschool.nn.Init;
import gradschool.nn.Layer;
import gradschool.nn.LayerState;
import gradschool.nn.Linear;
import gradschool.nn.MaxPool2d;
import gradschool.nn.ReLU;
import gradschool.nn.Sequential;
import gradschool.nn.Trainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * MNIST again, now with a convolutional network: LeNet-5 (LeCun et al., 1998) with ReLU and max
 * pooling, as it is taught today.
 *
 * <pre>
 * data      data/mnist/*.gz, pixels scaled to [0, 1]; each row of 784 pixels is seen as a 1×28×28 image
 * model     Conv2d(1→6, 5×5, padding 2) → ReLU → MaxPool 2       (6, 28, 28) → (6, 14, 14)
 *           Conv2d(6→16, 5×5) → ReLU → MaxPool 2                 (16, 10, 10) → (16, 5, 5)
 *           Flatten → 400 → 120 → 84 → 10, ReLU                  (61,706 parameters)
 * training  cross-entropy, Adam, batches of 64, shuffled each epoch (seed 0); the learning rate
 *           falls from 0.002 to 0.00002 along a cosine over the run (CosineAnnealing)
 * </pre>
 *
 * <p>With about half the parameters of the {@code mnist} lesson's MLP, the CNN makes fewer than half
 * its mistakes after five epochs (99.18% against 98.03% test accuracy, trained the same way): the same 5×5 filters look for the same strokes everywhere in the image, and pooling
 * forgives a stroke that is a pixel off. Then the lesson shows what it learned: the six first-layer
 * filters, the feature maps of one test digit after each convolution, and the test digits it still
 * gets wrong. It saves the trained weights as {@code cnn-mnist.npz}. Last, it trains the {@code mnist}
 * lesson's MLP the same way and draws both networks' test accuracy per epoch on one chart.
 *
 * <p>Smoke mode trains {@value #SMOKE_EPOCHS} epochs on the first {@value #SMOKE_TRAIN_SIZE} training
 * images and tests on the first {@value #SMOKE_TEST_SIZE} test images, and still writes every file.
 */
public final class CnnMnistLesson implements Lesson {

    /** Epochs of the full run. */
    static final int EPOCHS = 5;

    /** Epochs of the smoke run: two, so that one can see the loss fall. */
    static final int SMOKE_EPOCHS = 2;

    /** Training images of the smoke run. */
    static final int SMOKE_TRAIN_SIZE = 2_000;

    /** Test images of the smoke run. */
    static final int SMOKE_TEST_SIZE = 500;

    /** Samples per gradient step. */
    static final int BATCH_SIZE = 64;

    /** Images per forward pass when only evaluating (bounds the memory im2col needs). */
    static final int EVALUATION_BATCH = 500;

    /** Adam's learning rate in the first epoch. */
    static final double LEARNING_RATE = 2e-3;

    /** How many misclassified test digits the picture shows, at most. */
    static final int MISTAKES_SHOWN = 24;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new CnnMnistLesson());
    }

    @Override
    public String name() {
        return "cnn-mnist";
    }

    @Override
    public String description() {
        return "MNIST with a LeNet-5 convolutional network: ~99% test accuracy, its filters and feature maps";
    }

    @Override
    public List<String> dataFiles() {
        return new MnistLesson().dataFiles();
    }

    /** Reshapes each row of 784 pixels to a one-channel 28×28 image: {@code (N, 784)} → {@code (N, 1, 28, 28)}. */
    static final class ToImage extends Layer {
        @Override
        public Variable forward(Variable input) {
            return input.reshape(input.shape().dim(0), 1, 28, 28);
        }
    }

    /** Makes the network: LeNet-5 with ReLU and max pooling. */
    static Sequential newModel() {
        return new Sequential(
                new ToImage(),
                new Conv2d(1, 6, 5, 1, 2), new ReLU(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2),
                new Flatten(),
                new Linear(400, 120), new ReLU(),
                new Linear(120, 84), new ReLU(),
                new Linear(84, 10));
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
        History history = fit(model, data, epochs, smoke ? Trainer.Progress.LINES : Trainer.Progress.AUTO, out);

        double totalSeconds = data.printEpochTable(history, out);
        out.printf("(seconds include evaluating the test images after the epoch; %.1f s in all)%n", totalSeconds);
        Tensor predicted = predictInBatches(model, test.features());
        double accuracy = predicted.eq(test.labels()).sum().item() / test.size();
        out.printf("test accuracy: %.2f%% (%,d images, %,d wrong)%n", 100 * accuracy, test.size(),
                Math.round((1 - accuracy) * test.size()));
        Path curves = context.output("cnn-mnist-curves.png");
        TrainingCurves.write(history, "MNIST, LeNet-5", curves);
        out.println("wrote " + curves);
        Path saved = context.output("cnn-mnist.npz");
        LayerState.save(model, saved);
        out.println("saved the model's " + model.namedParameters().size() + " parameter tensors to " + saved);

        // 2. What the first layer learned: six 5×5 filters, each one looking for a kind of stroke.
        Conv2d first = (Conv2d) model.get(1);
        Tensor filters = first.weight().value();
        List<Tensor> filterImages = new ArrayList<>();
        List<String> filterCaptions = new ArrayList<>();
        for (int f = 0; f < filters.dim(0); f++) {
            filterImages.add(filters.select(0, f).select(0, 0));
            filterCaptions.add("filter " + (f + 1));
        }
        Path filterPicture = context.output("cnn-mnist-filters.png");
        ImageGrid.write(filterImages, filterCaptions, filters.dim(0), filterPicture);
        out.println("wrote " + filterPicture + " (dark = large weight, light = small or negative)");

        // 3. One test digit on its way through: the maps after each convolution (and its ReLU).
        Path mapsPicture = context.output("cnn-mnist-feature-maps.png");
        writeFeatureMaps(model, test.features().slice(0, 0, 1), (int) test.labels().get(0), mapsPicture);
        out.println("wrote " + mapsPicture);

        // 4. The digits it still gets wrong.
        Path mistakesPicture = context.output("cnn-mnist-mistakes.png");
        int shown = writeMistakes(test, predicted, mistakesPicture);
        out.println("wrote " + mistakesPicture + " (the first " + shown + " misclassified test digits)");

        // 5. The mnist lesson's MLP, trained the same way for as many epochs, on one chart with the CNN.
        out.println();
        out.printf("for comparison, the MLP of the mnist lesson (784-128-64-10), trained the same way for %d epochs:%n",
                epochs);
        Init.manualSeed(0);
        History mlp = fit(MnistLesson.newModel(), data, epochs, Trainer.Progress.QUIET, out);
        for (History.Epoch epoch : mlp.epochs()) {
            out.printf("  epoch %d: MLP %.2f%%, CNN %.2f%% test accuracy%n", epoch.number(),
                    100 * epoch.validationAccuracy(), 100 * history.epochs().get(epoch.number() - 1).validationAccuracy());
        }
        Path comparison = context.output("cnn-mnist-vs-mlp.png");
        Charts.savePng(comparisonChart(mlp, history), comparison);
        out.println("wrote " + comparison);
    }

    /** Trains with Adam, cross-entropy, batches of {@value #BATCH_SIZE} and a cosine learning rate; tests after each epoch. */
    private static History fit(Layer model, MnistData data, int epochs, Trainer.Progress progress, PrintStream out) {
        return data.fitWithCosineSchedule(model, LEARNING_RATE, BATCH_SIZE, EVALUATION_BATCH, epochs, progress, out);
    }

    /** The test accuracy per epoch of both networks, on one chart. */
    private static XYChart comparisonChart(History mlp, History cnn) {
        Charts.useHeadlessGraphics();
        XYChart chart = new XYChartBuilder().width(TrainingCurves.WIDTH).height(TrainingCurves.HEIGHT)
                .title("MNIST: test accuracy, MLP vs CNN").xAxisTitle("epoch").yAxisTitle("test accuracy (%)").build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        chart.getStyler().setXAxisDecimalPattern("0");
        for (var run : List.of(Map.entry("MLP 784-128-64-10", mlp), Map.entry("CNN LeNet-5", cnn))) {
            List<History.Epoch> epochs = run.getValue().epochs();
            double[] x = new double[epochs.size()];
            double[] y = new double[epochs.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = epochs.get(i).number();
                y[i] = 100 * epochs.get(i).validationAccuracy();
            }
            chart.addSeries(run.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** Predicts the class of every row, {@value #EVALUATION_BATCH} at a time. */
    static Tensor predictInBatches(Layer model, Tensor features) {
        List<Tensor> parts = new ArrayList<>();
        for (int from = 0; from < features.dim(0); from += EVALUATION_BATCH) {
            int to = Math.min(features.dim(0), from + EVALUATION_BATCH);
            parts.add(Evaluation.predictClasses(model, features.slice(0, from, to)));
        }
        return Tensor.concat(parts, 0);
    }

    /** Draws the digit, then the 6 maps after the first convolution, then the 16 after the second. */
    private static void writeFeatureMaps(Sequential model, Tensor image, int label, Path file) throws Exception {
        List<Tensor> maps = new ArrayList<>();
        boolean wasTraining = model.isTraining();
        model.eval();
        try (GradMode.Scope off = GradMode.off()) {
            Variable x = Variable.of(image);
            for (int i = 0; i < model.size(); i++) {
                x = model.get(i).forward(x);
                if (i == 0 || model.get(i - 1) instanceof Conv2d) {   // the input image, or just after a ReLU
                    maps.add(x.value().select(0, 0));                  // (channels, height, width)
                }
            }
        } finally {
            if (wasTraining) {
                model.train();
            }
        }
        List<Tensor> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        int columns = 8;
        images.add(maps.get(0).select(0, 0));
        captions.add("input (a " + label + ")");
        images.add(null);
        captions.add("");
        for (int layer = 1; layer < maps.size(); layer++) {
            Tensor channels = maps.get(layer);
            while (layer > 1 && images.size() % columns != 0) {   // each later layer starts a new row
                images.add(null);
                captions.add("");
            }
            for (int c = 0; c < channels.dim(0); c++) {
                images.add(channels.select(0, c));
                captions.add("conv" + layer + " map " + (c + 1));
            }
        }
        ImageGrid.write(images, captions, columns, file);
    }

    /** Draws up to {@value #MISTAKES_SHOWN} misclassified test digits; returns how many. */
    private static int writeMistakes(LabeledData test, Tensor predicted, Path file) throws Exception {
        double[] predictions = predicted.toDoubleArray();
        double[] labels = test.labels().toDoubleArray();
        List<Tensor> rows = new ArrayList<>();
        List<Double> wrong = new ArrayList<>();
        List<Double> right = new ArrayList<>();
        for (int n = 0; n < labels.length && rows.size() < MISTAKES_SHOWN; n++) {
            if (predictions[n] != labels[n]) {
                rows.add(test.features().slice(0, n, n + 1));
                wrong.add(predictions[n]);
                right.add(labels[n]);
            }
        }
        if (rows.isEmpty()) {   // a perfect score: show the first digit, so that the file still exists
            rows.add(test.features().slice(0, 0, 1));
            wrong.add(predictions[0]);
            right.add(labels[0]);
        }
        DigitGrid.write(Tensor.concat(rows, 0), Tensor.of(wrong.stream().mapToDouble(Double::doubleValue).toArray()),
                Tensor.of(right.stream().mapToDouble(Double::doubleValue).toArray()), 8, file);
        return rows.size();
    }
}
