package gradschool.examples.plot;

import gradschool.nn.History;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss and accuracy curves of a training run, from the {@link History} a {@code Trainer} returns.
 *
 * <pre>{@code
 * History history = Trainer.of(model, loss, optimizer).epochs(10).validation(testLoader).fit(trainLoader);
 * TrainingCurves.write(history, "MNIST", context.output("mnist-curves.png"));
 * }</pre>
 *
 * <p>The x-axis is the epoch number. The training loss is the mean over the epoch's batches (so it
 * mixes the model of the epoch's start and of its end); the validation figures are measured after
 * the epoch. A validation curve that turns upwards while the training curve keeps falling is the
 * classic picture of over-fitting.
 */
public final class TrainingCurves {

    /** Width of one chart, in pixels. */
    public static final int WIDTH = 600;

    /** Height of one chart, in pixels. */
    public static final int HEIGHT = 420;

    /** With more epochs than this, curves are drawn as plain lines, without a marker per epoch. */
    private static final int MAX_EPOCHS_WITH_MARKERS = 40;

    private TrainingCurves() {
    }

    /**
     * Makes a chart of the training loss per epoch, and the validation loss if it was measured.
     *
     * @param history the run
     * @param title the chart's title
     * @return the chart
     */
    public static XYChart lossChart(History history, String title) {
        List<History.Epoch> epochs = nonEmpty(history);
        XYChart chart = newChart(title, "loss");
        chart.getStyler().setYAxisDecimalPattern("0.0##");
        addCurve(chart, "train loss", epochNumbers(epochs), values(epochs, Figure.TRAIN_LOSS));
        if (measured(epochs, Figure.VALIDATION_LOSS)) {
            addCurve(chart, "validation loss", epochNumbers(epochs), values(epochs, Figure.VALIDATION_LOSS));
        }
        return chart;
    }

    /**
     * Makes a chart of the training accuracy per epoch, and the validation accuracy if it was
     * measured, in percent.
     *
     * @param history the run, which must have measured accuracy ({@link #hasAccuracy})
     * @param title the chart's title
     * @return the chart
     * @throws IllegalArgumentException if no accuracy was measured (e.g. a regression run)
     */
    public static XYChart accuracyChart(History history, String title) {
        List<History.Epoch> epochs = nonEmpty(history);
        if (!hasAccuracy(history)) {
            throw new IllegalArgumentException("accuracyChart: the history has no accuracy (outputs were not "
                    + "class scores of shape (batch, classes) with targets of shape (batch,))");
        }
        XYChart chart = newChart(title, "accuracy (%)");
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);   // accuracy ends high: keep the legend low
        if (measured(epochs, Figure.TRAIN_ACCURACY)) {
            addCurve(chart, "train accuracy", epochNumbers(epochs), percent(values(epochs, Figure.TRAIN_ACCURACY)));
        }
        if (measured(epochs, Figure.VALIDATION_ACCURACY)) {
            addCurve(chart, "validation accuracy", epochNumbers(epochs),
                    percent(values(epochs, Figure.VALIDATION_ACCURACY)));
        }
        return chart;
    }

    /**
     * Tells whether the run measured an accuracy (training or validation) in its first epoch.
     *
     * @param history the run
     * @return true for a classification run
     */
    public static boolean hasAccuracy(History history) {
        List<History.Epoch> epochs = nonEmpty(history);
        return measured(epochs, Figure.TRAIN_ACCURACY) || measured(epochs, Figure.VALIDATION_ACCURACY);
    }

    /**
     * Writes the loss chart, with the accuracy chart beside it when accuracy was measured, as one PNG.
     *
     * @param history the run
     * @param title the start of each chart's title, e.g. {@code "MNIST"}
     * @param file the file to write (its folder must exist)
     * @throws IOException if the file cannot be written
     */
    public static void write(History history, String title, Path file) throws IOException {
        Charts.useHeadlessGraphics();
        List<XYChart> charts = new ArrayList<>();
        charts.add(lossChart(history, title + ": loss"));
        if (hasAccuracy(history)) {
            charts.add(accuracyChart(history, title + ": accuracy"));
        }
        Charts.savePng(charts, 1, charts.size(), file);
    }

    /** The four figures of an epoch that can be drawn. */
    private enum Figure {
        TRAIN_LOSS, TRAIN_ACCURACY, VALIDATION_LOSS, VALIDATION_ACCURACY;

        double of(History.Epoch epoch) {
            return switch (this) {
                case TRAIN_LOSS -> epoch.trainLoss();
                case TRAIN_ACCURACY -> epoch.trainAccuracy();
                case VALIDATION_LOSS -> epoch.validationLoss();
                case VALIDATION_ACCURACY -> epoch.validationAccuracy();
            };
        }
    }

    private static List<History.Epoch> nonEmpty(History history) {
        if (history.epochs().isEmpty()) {
            throw new IllegalArgumentException("TrainingCurves: the history has no epochs to draw");
        }
        return history.epochs();
    }

    private static XYChart newChart(String title, String yAxisTitle) {
        Charts.useHeadlessGraphics();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle(yAxisTitle).build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    private static void addCurve(XYChart chart, String name, double[] x, double[] y) {
        var series = chart.addSeries(name, x, y);
        series.setLineColor(Charts.classColor(chart.getSeriesMap().size() - 1));
        series.setMarkerColor(Charts.classColor(chart.getSeriesMap().size() - 1));
        if (x.length > MAX_EPOCHS_WITH_MARKERS) {
            series.setMarker(SeriesMarkers.NONE);
            // Long runs: an axis from 0 gets round tick labels (0, 100, 200, …) instead of 1, 28, 55, ….
            chart.getStyler().setXAxisMin(0.0).setXAxisMax(x[x.length - 1]);
        }
    }

    private static double[] epochNumbers(List<History.Epoch> epochs) {
        return epochs.stream().mapToDouble(History.Epoch::number).toArray();
    }

    private static double[] values(List<History.Epoch> epochs, Figure figure) {
        return epochs.stream().mapToDouble(figure::of).toArray();
    }

    private static boolean measured(List<History.Epoch> epochs, Figure figure) {
        return !Double.isNaN(figure.of(epochs.get(0)));
    }

    private static double[] percent(double[] fractions) {
        double[] result = new double[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            result[i] = 100 * fractions[i];
        }
        return result;
    }
}
