package gradschool.examples.language;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.data.TensorDataset;
import gradschool.examples.plot.Charts;
import gradschool.nn.BatchNorm1d;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.Layer;
import gradschool.nn.Linear;
import gradschool.nn.Parameter;
import gradschool.nn.Tanh;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The third lecture's diagnostics, on its deeper network: C (27, 10), then five tanh layers of 100
 * units and an output layer, written as the lecture's list of layers,
 * <pre>{@code
 * Linear(30, 100, bias=False), [BatchNorm1d(100)], Tanh(), … ×5 …, Linear(100, 27, bias=False), [BatchNorm1d(27)]
 * }</pre>
 * in three versions: with N(0, 1) weights (the second lecture's initialisation: the tanh units
 * saturate), with the fixes (Kaiming: N(0, 1)·(5/3)/√fanIn, the last layer ×0.1), and with the fixes
 * plus a BatchNorm1d after every Linear (the last one's γ ×0.1). For each it keeps what the lecture
 * plots: the histograms of every tanh layer's output and of its gradient after the first step, and the
 * update-to-data ratio {@code log10(std(lr·grad) / std(data))} of every weight matrix at every step.
 */
final class DeepTanhDiagnostics {

    /** The three versions of the network. */
    enum Version {
        /** Weights from N(0, 1), as the second lecture draws them. */
        UNSCALED("N(0, 1) weights, no fixes"),
        /** Kaiming initialisation with the tanh gain 5/3, the last layer scaled by 0.1. */
        KAIMING("Kaiming init (gain 5/3), last layer ×0.1"),
        /** Kaiming initialisation and a BatchNorm1d after every Linear. */
        BATCH_NORM("Kaiming init + BatchNorm1d after each Linear");

        final String title;

        Version(String title) {
            this.title = title;
        }
    }

    /** Units per hidden layer, as in the lecture. */
    static final int HIDDEN = 100;
    /** Hidden tanh layers. */
    static final int TANH_LAYERS = 5;
    /** The learning rate of the diagnostic runs. */
    static final double LEARNING_RATE = 0.1;
    /** Histogram bins. */
    static final int BINS = 50;

    /** What one run measured. */
    record Run(Version version, List<double[]> activations, List<double[]> gradients, List<double[]> ratios,
               List<String> weightNames) {
    }

    private final Parameter embedding;
    private final List<Layer> layers = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Parameter> weights = new ArrayList<>();
    private final List<String> weightNames = new ArrayList<>();
    private final Version version;
    private final int blockSize;

    DeepTanhDiagnostics(Version version, Random g, int blockSize) {
        this.version = version;
        this.blockSize = blockSize;
        int embeddingSize = 10;
        embedding = new Parameter(Tensor.randn(g, 27, embeddingSize));
        parameters.add(embedding);
        int in = blockSize * embeddingSize;
        for (int layer = 0; layer <= TANH_LAYERS; layer++) {
            boolean last = layer == TANH_LAYERS;
            int out = last ? 27 : HIDDEN;
            Linear linear = Linear.withoutBias(in, out);
            double scale = switch (version) {
                case UNSCALED -> 1.0;
                case KAIMING -> (last ? 0.1 : 5.0 / 3) / Math.sqrt(in);
                case BATCH_NORM -> (last ? 1.0 : 5.0 / 3) / Math.sqrt(in);
            };
            linear.weight().value().copyFrom(Tensor.randn(g, out, in).mul(scale));
            layers.add(linear);
            weights.add(linear.weight());
            weightNames.add("Linear " + (layer + 1) + " weight " + linear.weight().shape());
            if (version == Version.BATCH_NORM) {
                BatchNorm1d norm = new BatchNorm1d(out);
                if (last) {
                    norm.weight().value().mulInPlace(0.1);   // γ ×0.1: a less confident first softmax
                }
                layers.add(norm);
            }
            if (!last) {
                layers.add(new Tanh());
            }
            in = out;
        }
        for (Layer layer : layers) {
            parameters.addAll(layer.parameters());
        }
    }

    /** Trains for {@code steps} steps on random minibatches, measuring as the lecture does. */
    Run run(TensorDataset train, Random g, int steps, int batchSize) {
        CrossEntropyLoss crossEntropy = new CrossEntropyLoss();
        List<double[]> activations = new ArrayList<>();
        List<double[]> gradients = new ArrayList<>();
        List<double[]> ratios = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            int[] ix = LanguageModels.randomRows(g, train.size(), batchSize);
            Tensor xb = train.inputs().indexSelect(ix);
            Variable x = embedding.indexSelect(LanguageModels.indices(xb)).reshape(batchSize, -1);
            List<Variable> tanhOutputs = new ArrayList<>();
            for (Layer layer : layers) {
                x = layer.forward(x);
                if (layer instanceof Tanh) {
                    tanhOutputs.add(x.retainGrad());   // the lecture's layer.out.retain_grad()
                }
            }
            Variable loss = crossEntropy.forward(x, train.targets().indexSelect(ix));
            parameters.forEach(Variable::zeroGrad);
            loss.backward();
            if (step == 0) {
                for (Variable out : tanhOutputs) {
                    activations.add(out.value().toDoubleArray());
                    gradients.add(out.grad().toDoubleArray());
                }
            }
            double[] ratio = new double[weights.size()];
            for (int i = 0; i < weights.size(); i++) {
                Parameter w = weights.get(i);
                ratio[i] = Math.log10(w.grad().mul(LEARNING_RATE).std().item() / w.value().std().item());
            }
            ratios.add(ratio);
            for (Parameter p : parameters) {
                p.value().addScaledInPlace(-LEARNING_RATE, p.grad());
            }
        }
        return new Run(version, activations, gradients, ratios, List.copyOf(weightNames));
    }

    /** Prints the lecture's lines: per tanh layer, the mean, std and saturated fraction (|t| &gt; 0.97). */
    static void printActivations(Run run, PrintStream out) {
        out.println(run.version().title + ": tanh outputs after the first forward pass");
        for (int i = 0; i < run.activations().size(); i++) {
            double[] t = run.activations().get(i);
            int saturated = 0;
            for (double v : t) {
                saturated += Math.abs(v) > 0.97 ? 1 : 0;
            }
            out.printf("  layer %d (Tanh): mean %+.2f, std %.2f, saturated: %.2f%%%n", i + 1, mean(t), std(t),
                    100.0 * saturated / t.length);
        }
        out.println("  and their gradients:");
        for (int i = 0; i < run.gradients().size(); i++) {
            double[] grad = run.gradients().get(i);
            out.printf("  layer %d (Tanh): mean %+.6f, std %.6e%n", i + 1, mean(grad), std(grad));
        }
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double std(double[] values) {
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    /** A histogram chart with one line per layer (the lecture's {@code plt.plot(hx, hy)} of torch.histogram, density). */
    static XYChart histograms(String title, String xTitle, List<double[]> perLayer) {
        Charts.useHeadlessGraphics();
        XYChart chart = new XYChartBuilder().width(600).height(400).title(title).xAxisTitle(xTitle)
                .yAxisTitle("density").build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(0);
        for (int layer = 0; layer < perLayer.size(); layer++) {
            double[] values = perLayer.get(layer);
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            double width = Math.max((high - low) / BINS, 1e-300);
            double[] x = new double[BINS];
            double[] y = new double[BINS];
            for (double v : values) {
                y[Math.min(BINS - 1, (int) ((v - low) / width))]++;
            }
            for (int b = 0; b < BINS; b++) {
                x[b] = low + (b + 0.5) * width;
                y[b] /= values.length * width;
            }
            chart.addSeries("layer " + (layer + 1), x, y).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** The update-to-data ratio of every weight matrix over the steps, with the lecture's guide line at −3. */
    static XYChart ratios(Run run) {
        Charts.useHeadlessGraphics();
        XYChart chart = new XYChartBuilder().width(600).height(400).title(run.version().title)
                .xAxisTitle("step").yAxisTitle("log10(std(lr·grad) / std(weight))").build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        chart.getStyler().setMarkerSize(0);
        int steps = run.ratios().size();
        double[] x = new double[steps];
        for (int s = 0; s < steps; s++) {
            x[s] = s;
        }
        for (int i = 0; i < run.weightNames().size(); i++) {
            double[] y = new double[steps];
            for (int s = 0; s < steps; s++) {
                y[s] = run.ratios().get(s)[i];
            }
            chart.addSeries(run.weightNames().get(i), x, y).setMarker(SeriesMarkers.NONE);
        }
        chart.addSeries("1e-3 (the lecture's rule of thumb)", new double[] {0, Math.max(1, steps - 1)},
                new double[] {-3, -3}).setMarker(SeriesMarkers.NONE);
        return chart;
    }
}
