package gradschool.examples.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import gradschool.data.LabeledData;
import gradschool.data.Synthetic;
import gradschool.nn.Linear;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class DecisionBoundaryTest {

    @TempDir
    Path output;

    private static final LabeledData POINTS = new LabeledData(
            Tensor.of(new double[][] {{-1, 0}, {-2, 1}, {1, 0}, {2, -1}}), Tensor.of(new double[] {1, 1, 0, 0}),
            List.of("right", "left"));

    @Test
    void coloursTheGridByTheArgmaxOfTheScores() {
        // Scores (x1, −x1): class 0 ("right") wins where x1 > 0, class 1 ("left") where x1 < 0.
        Linear model = Linear.of(Tensor.of(new double[][] {{1, 0}, {-1, 0}}), Tensor.zeros(2));
        XYChart chart = DecisionBoundary.chart(model, POINTS, "test");

        XYSeries right = chart.getSeriesMap().get("predicted right");
        XYSeries left = chart.getSeriesMap().get("predicted left");
        assertThat(Arrays.stream(right.getXData()).min().orElseThrow()).isPositive();
        assertThat(Arrays.stream(left.getXData()).max().orElseThrow()).isNegative();
        assertThat(right.getXData().length + left.getXData().length)
                .isEqualTo(DecisionBoundary.GRID_SIZE * DecisionBoundary.GRID_SIZE);
        assertThat(right.isShowInLegend()).isFalse();

        // The data points come last (drawn on top), in their true classes.
        assertThat(chart.getSeriesMap().get("class right").getXData()).containsExactly(1.0, 2.0);
        assertThat(chart.getSeriesMap().get("class left").getYData()).containsExactly(0.0, 1.0);
    }

    @Test
    void readsASingleOutputAsALogitThresholdedAtZero() {
        // Logit x1 + x2 − 1: class 1 above the line x1 + x2 = 1.
        Linear model = Linear.of(Tensor.of(new double[][] {{1, 1}}), Tensor.of(new double[] {-1}));
        XYChart chart = DecisionBoundary.chart(model, Synthetic.xor(), "xor");
        XYSeries one = chart.getSeriesMap().get("predicted 1");
        double[] x = one.getXData();
        double[] y = one.getYData();
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i] + y[i]).isGreaterThan(1.0);
        }
        assertThat(chart.getSeriesMap().get("predicted 0").getXData()).isNotEmpty();
    }

    @Test
    void writesAPng() throws Exception {
        Linear model = Linear.of(Tensor.of(new double[][] {{1, 0}, {-1, 0}}), Tensor.zeros(2));
        Path file = output.resolve("boundary.png");
        DecisionBoundary.write(model, POINTS, "test", file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(DecisionBoundary.WIDTH);
        assertThat(image.getHeight()).isEqualTo(DecisionBoundary.HEIGHT);
    }

    @Test
    void needsTwoFeaturesAndClassNames() {
        Linear model = Linear.of(Tensor.of(new double[][] {{1, 0, 0}}), null);
        LabeledData threeFeatures = new LabeledData(Tensor.zeros(2, 3), Tensor.zeros(2), List.of("a"));
        assertThatThrownBy(() -> DecisionBoundary.chart(model, threeFeatures, "t"))
                .hasMessageContaining("2-D points");
    }
}
