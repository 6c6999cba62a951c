package gradschool.examples.training;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.examples.LessonRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoMoonsLessonTest {

    @TempDir
    Path output;

    @Test
    void learnsTheMoonsAndDrawsCurvesAndBoundary() throws Exception {
        LessonRun run = LessonRun.smoke(new TwoMoonsLesson(), output);
        run.assertLossWentDown();
        // A straight line gets about 85%; the smoke run's 15 epochs are enough to beat chance clearly.
        assertThat(run.percentAfter("test accuracy:")).isGreaterThan(75.0);
        run.assertPng("two-moons-curves.png", 1000, 300);   // loss and accuracy side by side
        run.assertPng("two-moons-boundary.png", 500, 400);
    }
}
