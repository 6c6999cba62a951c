package gradschool.examples.language;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.examples.LessonRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecurrentNamesLessonTest {

    @TempDir
    Path output;

    @Test
    void rnnSmokeRunPrintsLossesAndTenSamplesTheSameEachTime() throws Exception {
        String text = LessonRun.printedBy(new RnnNamesLesson(), output.resolve("first"));
        // Embedding 27×64 + RNNCell (64·64 + 64·64 + 64 + 64) + Linear 64×27 + 27.
        assertThat(text).contains("11,803 parameters");
        assertThat(text).containsPattern("(?m)^train loss \\d\\.\\d{4}, dev loss \\d\\.\\d{4} on the first 500 names");
        assertThat(text).containsPattern("(?m)^\\d+ of the 10 are in the training set, \\d+ are new$");
        String again = LessonRun.printedBy(new RnnNamesLesson(), output.resolve("second"));
        assertThat(TransformerNamesLessonTest.withoutTimes(again)).isEqualTo(TransformerNamesLessonTest.withoutTimes(text));
    }

    @Test
    void gruSmokeRunLowersTheDevLoss() throws Exception {
        String text = LessonRun.printedBy(new GruNamesLesson(), output);
        // Embedding 27×64 + GRUCell (3·64·64 · 2 + 3·64 · 2) + Linear 64×27 + 27.
        assertThat(text).contains("28,443 parameters");
        var matcher = java.util.regex.Pattern.compile("(?m)^ +\\d+ \\| \\S+ \\| +\\d\\.\\d{4} \\| +(\\d\\.\\d{4}) \\|")
                .matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        double first = Double.parseDouble(matcher.group(1));
        assertThat(matcher.find()).isTrue();
        assertThat(Double.parseDouble(matcher.group(1))).isLessThan(first);
        assertThat(text).contains("no published number to compare");
    }
}
