package gradschool.examples.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.examples.LessonRun;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformerNamesLessonTest {

    @TempDir
    Path output;

    @Test
    void smokeRunTrainsPrintsLossesSamplesAndDrawsAttentionTheSameEachTime() throws Exception {
        LessonRun run = LessonRun.smoke(new TransformerNamesLesson(), output.resolve("first"));
        assertThat(run.text).contains("read 25,626 training, 3,203 dev and 3,204 test names");
        assertThat(run.text).contains("Total: 204,544 parameters");
        // The loss of the 10 steps before each evaluation: the second interval's is lower than the first's.
        Matcher rows = Pattern.compile("(?m)^ +(\\d+) \\| \\S+ \\| +(\\d\\.\\d{4}) \\| +(\\d\\.\\d{4}) \\|").matcher(run.text);
        assertThat(rows.find()).as(run.text).isTrue();
        double first = Double.parseDouble(rows.group(2));
        assertThat(rows.find()).isTrue();
        assertThat(Double.parseDouble(rows.group(2))).isLessThan(first);
        assertThat(run.text).containsPattern("(?m)^train loss \\d\\.\\d{4}, dev loss \\d\\.\\d{4} on the first 500 names");
        assertThat(run.text).contains("makemore README: test 1.92");
        assertThat(run.text).containsPattern("(?m)^\\d+ of the 20 are in the training set, \\d+ are new$");
        run.assertPng("transformer-names-curve.png", 600, 400);
        // Four panels of (1 + letters) cells, one per head of the first block.
        run.assertPng("transformer-names-attention.png", 4 * 5 * AttentionMap.CELL, 5 * AttentionMap.CELL);

        String again = LessonRun.smoke(new TransformerNamesLesson(), output.resolve("second")).text;
        assertThat(withoutTimes(again)).isEqualTo(withoutTimes(run.text));
    }

    @Test
    void learningRateWarmsUpLinearlyThenFallsAlongACosine() {
        int steps = 1_000;
        assertThat(TransformerNamesLesson.learningRate(1, steps, TransformerNamesLesson.PEAK_LEARNING_RATE)).isCloseTo(2e-5, within(1e-15));
        assertThat(TransformerNamesLesson.learningRate(100, steps, TransformerNamesLesson.PEAK_LEARNING_RATE)).isCloseTo(2e-3, within(1e-15));
        double middle = (2e-3 + 1e-4) / 2;    // halfway through the cosine: (100 + 1000) / 2 = 550
        assertThat(TransformerNamesLesson.learningRate(550, steps, TransformerNamesLesson.PEAK_LEARNING_RATE)).isCloseTo(middle, within(1e-12));
        assertThat(TransformerNamesLesson.learningRate(steps, steps, TransformerNamesLesson.PEAK_LEARNING_RATE)).isCloseTo(1e-4, within(1e-15));
    }

    /** The printed text without the seconds and rates, which change from run to run, and the output folder. */
    static String withoutTimes(String text) {
        return text.replaceAll("\\| +[0-9.]+ \\| +[0-9.]+$", "|")
                .replaceAll("(?m)\\| +[0-9.]+ \\| +[0-9.]+$", "|")
                .replaceAll("(?m)\\| +[0-9.]+$", "|")
                .replaceAll("(?m)^trained .*$", "trained")
                .replaceAll("(?m)^(dev subset loss [0-9.]+: reached at step [0-9,]+) after .*$", "$1")
                .replaceAll("(?m)^wrote .*$", "wrote")
                .replaceAll("(?m)^\\(pictures .*$", "");
    }
}
