package gradschool.examples.plot;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.data.LabeledData;
import gradschool.examples.training.Evaluation;
import gradschool.nn.Layer;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A picture of what a 2-D classifier has learnt: the plane coloured by the class the model predicts
 * at each place, with the data points on top in their true class's colour.
 *
 * <pre>{@code
 * DecisionBoundary.write(model, moons, "two moons", context.output("two-moons-boundary.png"));
 * }</pre>
 *
 * <p>How it is drawn: the rectangle around the data (plus a margin) is cut into
 * {@value #GRID_SIZE}×{@value #GRID_SIZE} cells; the model classifies the centres of all cells in one
 * batch ({@link Evaluation#predictClasses}); each cell becomes a small pale square of its predicted
 * class's colour. Where two colours meet is the decision boundary. The squares are drawn slightly
 * larger than a cell so that no white gaps show; where two regions meet, the later class overlaps the
 * earlier by at most a pixel or two.
 */
public final class DecisionBoundary {

    /** Cells along each axis of the background grid. */
    public static final int GRID_SIZE = 100;

    /** Width of the picture, in pixels. */
    public static final int WIDTH = 640;

    /** Height of the picture, in pixels. */
    public static final int HEIGHT = 560;

    /** How much white is mixed into a class colour for its background region. */
    private static final double BACKGROUND_WHITENESS = 0.7;

    /** The margin added around the data, as a fraction of its extent. */
    private static final double MARGIN = 0.1;

    private DecisionBoundary() {
    }

    /**
     * Makes the chart.
     *
     * @param model a classifier of 2-D points: outputs {@code (n, classes)}, or {@code (n, 1)} logits
     * @param data the points to show, features {@code (n, 2)}, with their class names
     * @param title the chart's title
     * @return the chart
     * @throws IllegalArgumentException if the data is not 2-D or has no class names
     */
    public static XYChart chart(Layer model, LabeledData data, String title) {
        Charts.useHeadlessGraphics();
        if (data.featureCount() != 2 || data.size() == 0 || data.classCount() == 0) {
            throw new IllegalArgumentException("DecisionBoundary: needs named classes and 2-D points, got " + data);
        }
        double[][] points = data.features().to2DArray();
        Bounds bounds = Bounds.around(points);
        Tensor cellCentres = bounds.cellCentres(GRID_SIZE);
        double[] predicted = Evaluation.predictClasses(model, cellCentres).toDoubleArray();
        int classes = classCount(data, predicted);

        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("x1").yAxisTitle("x2").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setPlotContentSize(1.0);   // no empty band between the background and the axes
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setXAxisMin(bounds.xMin).setXAxisMax(bounds.xMax);
        chart.getStyler().setYAxisMin(bounds.yMin).setYAxisMax(bounds.yMax);
        chart.getStyler().setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");

        // Background first (drawn first = underneath): one series of cell squares per predicted class.
        double[][] cells = cellCentres.to2DArray();
        Tile tile = new Tile(bounds.tilePixels(GRID_SIZE));
        for (int k = 0; k < classes; k++) {
            List<double[]> region = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                if (predicted[i] == k) {
                    region.add(cells[i]);
                }
            }
            if (!region.isEmpty()) {
                XYSeries series = chart.addSeries("predicted " + className(data, k), column(region, 0), column(region, 1));
                series.setMarker(tile);
                series.setMarkerColor(Charts.paler(Charts.classColor(k), BACKGROUND_WHITENESS));
                series.setShowInLegend(false);
            }
        }
        // Then the data points, in their true class's colour.
        double[] labels = data.labels().toDoubleArray();
        for (int k = 0; k < data.classCount(); k++) {
            List<double[]> members = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                if (labels[i] == k) {
                    members.add(points[i]);
                }
            }
            if (!members.isEmpty()) {
                XYSeries series = chart.addSeries("class " + className(data, k), column(members, 0), column(members, 1));
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setMarkerColor(Charts.classColor(k));
            }
        }
        return chart;
    }

    /**
     * Makes the chart and writes it as a PNG file.
     *
     * @param model a classifier of 2-D points
     * @param data the points to show
     * @param title the chart's title
     * @param file the file to write (its folder must exist)
     * @throws IOException if the file cannot be written
     */
    public static void write(Layer model, LabeledData data, String title, Path file) throws IOException {
        Charts.savePng(chart(model, data, title), file);
    }

    private static int classCount(LabeledData data, double[] predicted) {
        int classes = data.classCount();
        for (double p : predicted) {
            classes = Math.max(classes, (int) p + 1);
        }
        return classes;
    }

    private static String className(LabeledData data, int k) {
        return k < data.classCount() ? data.classNames().get(k) : Integer.toString(k);
    }

    private static double[] column(List<double[]> rows, int j) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i)[j];
        }
        return values;
    }

    /** The rectangle shown: the data's bounding box plus a margin on every side. */
    private static final class Bounds {
        final double xMin;
        final double xMax;
        final double yMin;
        final double yMax;

        private Bounds(double xMin, double xMax, double yMin, double yMax) {
            this.xMin = xMin;
            this.xMax = xMax;
            this.yMin = yMin;
            this.yMax = yMax;
        }

        static Bounds around(double[][] points) {
            double xLow = Double.POSITIVE_INFINITY;
            double xHigh = Double.NEGATIVE_INFINITY;
            double yLow = Double.POSITIVE_INFINITY;
            double yHigh = Double.NEGATIVE_INFINITY;
            for (double[] p : points) {
                xLow = Math.min(xLow, p[0]);
                xHigh = Math.max(xHigh, p[0]);
                yLow = Math.min(yLow, p[1]);
                yHigh = Math.max(yHigh, p[1]);
            }
            // At least 0.5 of margin, so that a few points (XOR's four corners) are not on the edge.
            double xMargin = Math.max(0.5, MARGIN * (xHigh - xLow));
            double yMargin = Math.max(0.5, MARGIN * (yHigh - yLow));
            return new Bounds(xLow - xMargin, xHigh + xMargin, yLow - yMargin, yHigh + yMargin);
        }

        /** Returns the centres of {@code size × size} equal cells, row by row: shape {@code (size², 2)}. */
        Tensor cellCentres(int size) {
            double[] centres = new double[2 * size * size];
            double cellWidth = (xMax - xMin) / size;
            double cellHeight = (yMax - yMin) / size;
            int i = 0;
            for (int row = 0; row < size; row++) {
                for (int col = 0; col < size; col++) {
                    centres[i++] = xMin + (col + 0.5) * cellWidth;
                    centres[i++] = yMin + (row + 0.5) * cellHeight;
                }
            }
            return Tensor.of(Shape.of(size * size, 2), centres);
        }

        /**
         * Returns the side of a tile in pixels: a cell of the plot area (which is somewhat smaller than
         * the whole picture) plus two pixels, so that neighbouring tiles overlap rather than leave gaps.
         */
        double tilePixels(int size) {
            return Math.max(WIDTH, HEIGHT) / (double) size + 2;
        }
    }

    /**
     * A square marker of a fixed size in pixels, whatever the chart's marker size: the background
     * cells need their own size while the data points keep theirs.
     */
    private static final class Tile extends Marker {
        private final double side;

        Tile(double side) {
            this.side = side;
        }

        @Override
        public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
            g.setStroke(new BasicStroke(0f));
            g.fill(new Rectangle2D.Double(xOffset - side / 2, yOffset - side / 2, side, side));
        }
    }
}
