package gradschool.examples.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.examples.LessonRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class BigramNetLessonTest {

    /** How close the full run must come to the counts model's 2.4546. */
    static final double MARGIN = 0.01;

    @TempDir
    Path output;

    static List<Double> stepLosses(String text) {
        Matcher matcher = Pattern.compile("(?m)^step +\\d+: loss (\\d+\\.\\d+)").matcher(text);
        List<Double> losses = new ArrayList<>();
        while (matcher.find()) {
            losses.add(Double.parseDouble(matcher.group(1)));
        }
        return losses;
    }

    static double lossAfterTraining(String text) {
        Matcher matcher = Pattern.compile("loss without the regularizer over all names (\\d\\.\\d{4})").matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void smokeRunLowersTheLossStepByStep() throws Exception {
        LessonRun run = LessonRun.smoke(new BigramNetLesson(), output);
        assertThat(run.text).contains("228,146 bigrams (xs, ys) from 32,033 names");
        assertThat(run.text).contains("one_hot(xs[:5]) @ W equals W's rows xs[:5]: true");
        List<Double> losses = stepLosses(run.text);
        assertThat(losses).hasSize(BigramNetLesson.SMOKE_STEPS / 3 + 1);
        for (int i = 1; i < losses.size(); i++) {
            assertThat(losses.get(i)).isLessThan(losses.get(i - 1));
        }
        assertThat(lossAfterTraining(run.text)).isLessThan(losses.get(0));
        assertThat(run.text).containsPattern("train loss \\d\\.\\d{4}, dev loss \\d\\.\\d{4}");
    }

    /** The full run: about 100 s of CPU, so only with {@code -Dgradschool.fullRuns=true}. */
    @Test
    @EnabledIfSystemProperty(named = "gradschool.fullRuns", matches = "true")
    void fullRunComesWithinTheMarginOfTheCountsModel() throws Exception {
        LessonRun run = LessonRun.full(new BigramNetLesson(), output);
        List<Double> losses = stepLosses(run.text);
        for (int i = 1; i < losses.size(); i++) {
            assertThat(losses.get(i)).isLessThan(losses.get(i - 1));
        }
        assertThat(lossAfterTraining(run.text)).isCloseTo(BigramCountsLesson.LECTURE_LOSS, within(MARGIN));
    }
}
