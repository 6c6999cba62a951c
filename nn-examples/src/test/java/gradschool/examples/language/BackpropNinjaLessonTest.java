package gradschool.examples.language;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.Tensor;
import gradschool.examples.LanguageModelLessons;
import gradschool.examples.LessonRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackpropNinjaLessonTest {

    /** A row of the printed table: "bnvar_inv       | (1, 64)    |             0.000e+00 | ok". */
    private static final Pattern ROW = Pattern.compile("(?m)^(\\S+(?: \\(fused\\))?) +\\| (\\([0-9, ]*\\)) +\\| +(\\S+) \\| (\\S+)$");

    /** The lecture's tensors, in the order its exercise 1 compares them, then the two fused shortcuts. */
    private static final List<String> TENSORS = List.of("logprobs", "probs", "counts_sum_inv", "counts_sum", "counts",
            "norm_logits", "logit_maxes", "logits", "h", "W2", "b2", "hpreact", "bngain", "bnbias", "bnraw", "bnvar_inv",
            "bnvar", "bndiff2", "bndiff", "bnmeani", "hprebn", "embcat", "W1", "b1", "emb", "C",
            "logits (fused)", "hprebn (fused)");

    @TempDir
    Path output;

    @Test
    void everyHandWrittenGradientEqualsAutogradsAndTrainingWithThemLowersTheLoss() throws Exception {
        LessonRun run = LessonRun.smoke(new BackpropNinjaLesson(), output);

        List<String> names = new ArrayList<>();
        Matcher row = ROW.matcher(run.text);
        while (row.find()) {
            names.add(row.group(1));
            double difference = Double.parseDouble(row.group(3));
            assertThat(difference).as("max |hand - autograd| of %s in:%n%s", row.group(1), run.text)
                    .isLessThanOrEqualTo(1e-9);
            assertThat(row.group(4)).as(row.group(1)).isEqualTo("ok");
        }
        assertThat(names).containsExactlyElementsOf(TENSORS);
        assertThat(run.text).contains("4,137 parameters (the lecture: 4,137)", "12,297 parameters (the lecture: 12,297)",
                "Every hand-written gradient equals autograd's");
        assertThat(run.text).containsPattern("emb +\\| \\(32, 3, 10\\)");

        Matcher first = Pattern.compile("step +0/\\d+: batch loss (\\d\\.\\d+)").matcher(run.text);
        assertThat(first.find()).isTrue();
        Matcher last = Pattern.compile("train loss (\\d\\.\\d+), dev loss (\\d\\.\\d+)").matcher(run.text);
        assertThat(last.find()).as(run.text).isTrue();
        double initial = Double.parseDouble(first.group(1));
        assertThat(Double.parseDouble(last.group(1))).isLessThan(initial - 0.8);   // ≈ 3.8 → ≈ 2.5 in 1,000 steps
        assertThat(Double.parseDouble(last.group(2))).isLessThan(initial - 0.8);
    }

    @Test
    void aComparisonFailsOnAWrongValueOrAWrongShape() {
        Tensor right = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        assertThat(new BackpropNinjaLesson.Comparison("x", right, right.copy()).ok()).isTrue();
        assertThat(new BackpropNinjaLesson.Comparison("x", right.add(1e-8), right).ok()).isFalse();
        // Broadcasting would hide a (2,)-for-(1, 2) mistake in the difference; the shapes must agree.
        BackpropNinjaLesson.Comparison summed = new BackpropNinjaLesson.Comparison("b", right.sum(0, false), right.sum(0, true));
        assertThat(summed.maxDifference()).isInfinite();
        assertThat(summed.ok()).isFalse();
    }

    @Test
    void theEmbeddingBackwardAddsUpRepeatedCharacters() {
        // Two examples of context 3: "aab" and "b.a" (a = 1, b = 2, . = 0); the gradient of every looked-up vector is
        // its position number, so row a of dC gets 1 + 2 + 6, row b 3 + 4, row . gets 5.
        int[] contexts = {1, 1, 2, 2, 0, 1};
        double[] rows = new double[6 * BackpropNinjaLesson.EMBEDDING];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i / BackpropNinjaLesson.EMBEDDING + 1;
        }
        Tensor dembcat = Tensor.of(gradschool.core.Shape.of(2, 3 * BackpropNinjaLesson.EMBEDDING), rows);
        Tensor dC = BackpropNinjaLesson.embeddingBackward(contexts, dembcat, gradschool.core.Shape.of(27, BackpropNinjaLesson.EMBEDDING));
        assertThat(dC.get(1, 0)).isEqualTo(9.0);
        assertThat(dC.get(2, 9)).isEqualTo(7.0);
        assertThat(dC.get(0, 4)).isEqualTo(5.0);
        assertThat(dC.sum().item()).isEqualTo(21.0 * BackpropNinjaLesson.EMBEDDING);
    }

    @Test
    void isListedAfterTheOtherLanguageModelLessons() {
        var names = LanguageModelLessons.all().stream().map(lesson -> lesson.name()).toList();
        assertThat(names).contains("backprop-ninja");
        assertThat(names.indexOf("wavenet-names")).isEqualTo(names.indexOf("backprop-ninja") + 1);
    }
}
