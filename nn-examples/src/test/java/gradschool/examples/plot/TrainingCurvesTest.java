package gradschool.examples.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import gradschool.data.DataLoader;
import gradschool.data.Synthetic;
import gradschool.data.TensorDataset;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.History;
import gradschool.nn.Init;
import gradschool.nn.Linear;
import gradschool.nn.MSELoss;
import gradschool.nn.Trainer;
import gradschool.optim.SGD;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class TrainingCurvesTest {

    @TempDir
    Path output;

    /** Three epochs of a linear classifier on blobs, with validation: every figure is measured. */
    private static History classification() {
        Init.manualSeed(3);
        var blobs = Synthetic.blobs(10, Tensor.of(new double[][] {{-2, 0}, {2, 0}}), 0.5, 3);
        DataLoader loader = DataLoader.of(TensorDataset.of(blobs)).batchSize(5);
        Linear model = new Linear(2, 2);
        return Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1))
                .epochs(3).validation(loader).progress(Trainer.Progress.QUIET).fit(loader);
    }

    /** Three epochs of a linear regression without validation: no accuracy at all. */
    private static History regression() {
        Init.manualSeed(3);
        var data = Synthetic.linearRegression(20, Tensor.of(new double[] {1, -1}), 0.5, 0.1, 3);
        DataLoader loader = DataLoader.of(new TensorDataset(data.features(), data.labels().reshape(20, 1)))
                .batchSize(5);
        Linear model = new Linear(2, 1);
        return Trainer.of(model, new MSELoss(), new SGD(model.parameters(), 0.05))
                .epochs(3).progress(Trainer.Progress.QUIET).fit(loader);
    }

    @Test
    void lossChartHasATrainAndAValidationCurveOverTheEpochs() {
        History history = classification();
        XYChart chart = TrainingCurves.lossChart(history, "blobs");
        assertThat(chart.getSeriesMap()).containsOnlyKeys("train loss", "validation loss");
        assertThat(chart.getSeriesMap().get("train loss").getXData()).containsExactly(1.0, 2.0, 3.0);
        assertThat(chart.getSeriesMap().get("train loss").getYData()[2])
                .isEqualTo(history.epochs().get(2).trainLoss());
    }

    @Test
    void accuracyChartIsInPercent() {
        History history = classification();
        XYChart chart = TrainingCurves.accuracyChart(history, "blobs");
        assertThat(chart.getSeriesMap().get("validation accuracy").getYData()[0])
                .isEqualTo(100 * history.epochs().get(0).validationAccuracy());
    }

    @Test
    void writesLossAndAccuracySideBySideForClassification() throws Exception {
        Path file = output.resolve("curves.png");
        TrainingCurves.write(classification(), "blobs", file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(2 * TrainingCurves.WIDTH);
        assertThat(image.getHeight()).isEqualTo(TrainingCurves.HEIGHT);
    }

    @Test
    void writesOnlyTheLossForRegression() throws Exception {
        History history = regression();
        assertThat(TrainingCurves.hasAccuracy(history)).isFalse();
        assertThat(TrainingCurves.lossChart(history, "line").getSeriesMap()).containsOnlyKeys("train loss");
        assertThatThrownBy(() -> TrainingCurves.accuracyChart(history, "line")).hasMessageContaining("no accuracy");
        Path file = output.resolve("loss.png");
        TrainingCurves.write(history, "line", file);
        assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(TrainingCurves.WIDTH);
    }
}
