package gradschool.examples.training;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.examples.LessonRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsLessonTest {

    @TempDir
    Path output;

    @Test
    void smokeRunTrainsOnASubsetAndDrawsPredictedDigits() throws Exception {
        LessonRun run = LessonRun.smoke(new DigitsLesson(), output);
        run.assertLossWentDown();
        assertThat(run.text).contains("training on " + DigitsLesson.SMOKE_TRAIN_SIZE + ", testing on 359");
        assertThat(run.percentAfter("test accuracy:")).isGreaterThan(50.0);   // chance is 10%
        assertThat(run.text).containsPattern("true\\\\pred +0 +1 +2 +3 +4 +5 +6 +7 +8 +9");
        run.assertPng("digits-curves.png", 1000, 300);
        // 30 digits in rows of 10: three rows of 8×8 images drawn 14× larger.
        var picture = run.assertPng("digits-predictions.png", 10 * 112, 3 * 112);
        assertThat(picture.getWidth()).isLessThan(10 * 200);
    }
}
