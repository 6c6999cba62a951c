package gradschool.examples.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.examples.LessonRun;
import gradschool.nn.Init;
import gradschool.nn.Sequential;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavenetNamesLessonTest {

    @TempDir
    Path output;

    @Test
    void theLecturesModelHasExactly76579Parameters() {
        Init.manualSeed(0);
        Sequential model = WavenetNamesLesson.newModel(24, 128);
        assertThat(model.parameterCount()).isEqualTo(76_579);
        // (N, 8) indices → (N, 27) logits
        Variable logits = model.forward(Tensor.randint(Shape.of(5, 8), 0, 27, 1));
        assertThat(logits.shape()).isEqualTo(Shape.of(5, 27));
    }

    @Test
    void smokeRunLowersTheDevLoss() throws Exception {
        LessonRun run = LessonRun.smoke(new WavenetNamesLesson(), output);
        assertThat(run.text).contains("parameters: 76,579 (the lecture: 76,579)");
        Matcher before = Pattern.compile("before training: dev loss (\\d\\.\\d+)").matcher(run.text);
        Matcher after = Pattern.compile("train loss (\\d\\.\\d+), dev loss (\\d\\.\\d+)").matcher(run.text);
        assertThat(before.find()).as(run.text).isTrue();
        assertThat(after.find()).as(run.text).isTrue();
        double initial = Double.parseDouble(before.group(1));
        assertThat(initial).isCloseTo(Math.log(27), within(0.1));   // an untrained model guesses uniformly
        assertThat(Double.parseDouble(after.group(2))).isLessThan(initial - 0.5);
        assertThat(run.text).containsPattern("300 steps in \\d+\\.\\d s \\(\\d+\\.\\d steps/s\\)");
    }

    @Test
    void flattenConsecutivePutsNeighboursSideBySide() {
        // (1, 4, 2): positions [0 1] [2 3] [4 5] [6 7]
        Variable x = Variable.of(Tensor.arange(8).reshape(1, 4, 2));
        Variable pairs = new WavenetNamesLesson.FlattenConsecutive(2).forward(x);
        assertThat(pairs.value()).isEqualTo(Tensor.of(new double[][][] {{{0, 1, 2, 3}, {4, 5, 6, 7}}}));
        Variable whole = new WavenetNamesLesson.FlattenConsecutive(2).forward(pairs);
        assertThat(whole.shape()).isEqualTo(Shape.of(1, 8));   // one position left: squeezed away
        assertThatThrownBy(() -> new WavenetNamesLesson.FlattenConsecutive(2).forward(Variable.of(Tensor.zeros(1, 3, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(1, 3, 2)");
    }

    @Test
    void batchNormOfNlcInputUsesStatisticsOverBatchAndPositions() {
        // Position 1 is shifted by +10: per-(N, L) statistics keep that difference; per-position ones would erase it.
        Tensor x = Tensor.randn(Shape.of(16, 2, 3), 7).add(Tensor.of(new double[][] {{0, 0, 0}, {10, 10, 10}}));
        Variable y = new WavenetNamesLesson.BatchNormOverBatchAndPosition(3).forward(Variable.of(x));
        Tensor perChannel = y.value().mean(0, false).mean(0, false);          // over N and L
        assertThat(perChannel.abs().max().item()).isLessThan(1e-12);
        Tensor perPosition = y.value().mean(0, false);                        // (2, 3)
        assertThat(perPosition.get(1, 0) - perPosition.get(0, 0)).isGreaterThan(1.5);
        Tensor variance = y.value().reshape(32, 3).variance(0, false);
        assertThat(variance.sub(1).abs().max().item()).isLessThan(1e-3);     // σ²/(σ² + ε)
    }

    @Test
    void theEmbeddingsGradientAddsUpRepeatedCharacters() {
        Init.manualSeed(0);
        WavenetNamesLesson.CharacterEmbedding embedding = new WavenetNamesLesson.CharacterEmbedding(27, 4);
        Variable out = embedding.forward(Variable.of(Tensor.of(new double[][] {{3, 3, 5}})));
        assertThat(out.shape()).isEqualTo(Shape.of(1, 3, 4));
        out.sum().backward();
        Tensor grad = embedding.parameters().get(0).grad();
        assertThat(grad.get(3, 0)).isEqualTo(2.0);
        assertThat(grad.get(5, 0)).isEqualTo(1.0);
        assertThat(grad.sum().item()).isEqualTo(12.0);
    }
}
