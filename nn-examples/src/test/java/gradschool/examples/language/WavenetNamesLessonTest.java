package gradschool.examples.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.examples.LessonRun;
import gradschool.nn.BatchNorm1d;
import gradschool.nn.Embedding;
import gradschool.nn.FlattenConsecutive;
import gradschool.nn.Init;
import gradschool.nn.Linear;
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
    void mergesPairsThreeTimesWithBatchNormsOverBatchAndPosition() {
        Init.manualSeed(0);
        Sequential model = WavenetNamesLesson.newModel(24, 128);
        assertThat(model.get(0)).isInstanceOf(Embedding.class);
        for (int level = 0; level < 3; level++) {
            assertThat(model.get(1 + 4 * level)).isInstanceOf(FlattenConsecutive.class);
            Linear linear = (Linear) model.get(2 + 4 * level);
            assertThat(linear.bias()).as("the batch norm after it has the bias").isNull();
            // the lecture's N(0, 1)/√fan_in, not PyTorch's U(−1/√fan_in, 1/√fan_in): standard deviation 1/√fan_in
            double std = Math.sqrt(linear.weight().value().variance().item() * linear.inFeatures());
            assertThat(std).isCloseTo(1.0, within(0.05));
            assertThat(((BatchNorm1d) model.get(3 + 4 * level)).isChannelsLast()).isTrue();
        }
        Linear last = (Linear) model.get(model.size() - 1);
        assertThat(last.bias().value().abs().max().item()).isZero();
        // The intermediate shapes: (5, 8) → (5, 8, 24) → (5, 4, 48) → (5, 4, 128) → (5, 2, 256) → … → (5, 128).
        Variable x = Variable.of(Tensor.randint(Shape.of(5, 8), 0, 27, 1));
        Variable h = model.get(0).forward(x);
        assertThat(h.shape()).isEqualTo(Shape.of(5, 8, 24));
        for (int i = 1; i < model.size() - 1; i++) {
            h = model.get(i).forward(h);
        }
        assertThat(h.shape()).isEqualTo(Shape.of(5, 128));
    }
}
