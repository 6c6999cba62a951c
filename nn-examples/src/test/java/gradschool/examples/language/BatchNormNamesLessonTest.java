package gradschool.examples.language;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.examples.LanguageModelLessons;
import gradschool.examples.LessonRun;
import gradschool.nn.BatchNorm1d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class BatchNormNamesLessonTest {

    @TempDir
    Path output;

    /** The full run (200,000 steps; minutes of CPU), only with {@code -Dgradschool.fullRuns=true}: the bound on the dev loss. */
    @Test
    @EnabledIfSystemProperty(named = "gradschool.fullRuns", matches = "true")
    void fullRunReachesTheDevLossBound() throws Exception {
        LessonRun run = LessonRun.full(new BatchNormNamesLesson(), output);
        assertThat(MlpNamesLessonTest.lossAfter("dev loss", run.text)).isLessThanOrEqualTo(2.11);
    }

    @Test
    void smokeRunShowsSaturationShrinkingWithTheFixesAndWritesThePictures() throws Exception {
        LessonRun run = LessonRun.smoke(new BatchNormNamesLesson(), output);
        List<Double> firstLayerSaturation = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?m)^  layer 1 \\(Tanh\\): mean [-+]\\d\\.\\d\\d, std \\d\\.\\d\\d, saturated: (\\d+\\.\\d\\d)%$")
                .matcher(run.text);
        while (matcher.find()) {
            firstLayerSaturation.add(Double.parseDouble(matcher.group(1)));
        }
        assertThat(firstLayerSaturation).hasSize(3);   // N(0, 1) weights, Kaiming, Kaiming + BatchNorm1d
        assertThat(firstLayerSaturation.get(0)).isGreaterThan(50);
        assertThat(firstLayerSaturation.get(1)).isLessThan(firstLayerSaturation.get(0));
        assertThat(firstLayerSaturation.get(2)).isLessThan(10);
        assertThat(run.text).contains("Total: 12,097 parameters");
        List<Double> losses = MlpNamesLessonTest.minibatchLosses(run.text);
        assertThat(losses.get(0)).isBetween(3.0, 3.6);   // about ln 27: the fixed initialisation's first loss
        assertThat(MlpNamesLessonTest.lossAfter("train loss", run.text)).isLessThan(Math.log(27));
        assertThat(MlpNamesLessonTest.lossAfter("dev loss", run.text)).isLessThan(Math.log(27));
        assertThat(run.text).contains("(lecture 2.0674)").contains("(lecture 2.1057)");
        run.assertPng("batchnorm-activations.png", 1500, 300);
        run.assertPng("batchnorm-gradients.png", 1500, 300);
        run.assertPng("batchnorm-update-ratio.png", 1500, 300);
    }

    @Test
    void putsTheBatchNormBetweenABiasFreeLinearAndTheTanh() {
        MlpLanguageModel model = MlpLanguageModel.withBatchNorm(new Random(1), 27, 3, 10, 200, 0.001);
        assertThat(model.namedParameters().keySet())
                .containsExactly("C", "hidden.weight", "bn.weight", "bn.bias", "output.weight", "output.bias");
        assertThat(model.children().get("bn")).isInstanceOf(BatchNorm1d.class);
        assertThat(((BatchNorm1d) model.children().get("bn")).momentum()).isEqualTo(0.001);
        assertThat(model.namedParameters().get("output.bias").value().abs().sum().item()).isZero();
        // Kaiming for tanh: W1's standard deviation is (5/3)/√30 ≈ 0.304.
        assertThat(model.namedParameters().get("hidden.weight").value().std().item()).isBetween(0.28, 0.33);
        List<String> names = LanguageModelLessons.all().stream().map(lesson -> lesson.name()).toList();
        assertThat(names).containsSubsequence("bigram-counts", "bigram-net", "mlp-names", "batchnorm-names");
    }
}
