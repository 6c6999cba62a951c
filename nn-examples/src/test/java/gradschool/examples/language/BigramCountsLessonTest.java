package gradschool.examples.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.examples.LessonRun;
import gradschool.examples.MoreLessons;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BigramCountsLessonTest {

    @TempDir
    Path output;

    @Test
    void countsTheLecturesBigramsAndReachesItsLoss() throws Exception {
        LessonRun run = LessonRun.smoke(new BigramCountsLesson(), output);
        assertThat(run.text).contains("32,033 names, e.g. [emma, olivia, ava]");
        assertThat(run.text).contains("228,146 bigrams");
        Matcher loss = Pattern.compile("over all names: (\\d\\.\\d{4}) ").matcher(run.text);
        assertThat(loss.find()).as(run.text).isTrue();
        assertThat(Double.parseDouble(loss.group(1))).isEqualTo(2.4546);
        assertThat(run.text).containsPattern("train loss \\d\\.\\d{4}, dev loss \\d\\.\\d{4}");
        BufferedImage picture = run.assertPng("bigram-counts.png", 27 * 30, 27 * 30);
        assertThat(picture.getWidth()).isEqualTo(picture.getHeight());
    }

    @Test
    void theSameSeedSamplesTheSameNames() throws Exception {
        String first = LessonRun.smoke(new BigramCountsLesson(), output.resolve("a")).text;
        String second = LessonRun.smoke(new BigramCountsLesson(), output.resolve("b")).text;
        assertThat(first).isEqualTo(second.replace(output.resolve("b").toString(), output.resolve("a").toString()));
    }

    @Test
    void eachRowOfTheSmoothedProbabilitiesSumsToOne() {
        int[][] counts = BigramCountsLesson.countBigrams(List.of("emma"));
        assertThat(counts[0][5]).isEqualTo(1);    // .e
        assertThat(counts[13][13]).isEqualTo(1);  // mm
        assertThat(counts[1][0]).isEqualTo(1);    // a.
        double[][] p = BigramCountsLesson.probabilities(counts, 1).to2DArray();
        for (double[] row : p) {
            assertThat(Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-12));
        }
        assertThat(p[13][13]).isCloseTo(2.0 / 29, within(1e-12));  // 'm' is followed by m and a: (1 + 1) / (2 + 27)
    }

    @Test
    void isListedAfterTheTrainingLessons() {
        List<String> names = MoreLessons.all().stream().map(lesson -> lesson.name()).toList();
        assertThat(names.indexOf("bigram-counts")).isEqualTo(names.indexOf("cnn-batchnorm") + 1);
    }
}
