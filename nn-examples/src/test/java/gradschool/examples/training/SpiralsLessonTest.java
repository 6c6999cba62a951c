package gradschool.examples.training;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.examples.LessonRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpiralsLessonTest {

    @TempDir
    Path output;

    @Test
    void trainsOnSpiralsAndDrawsCurvesAndBoundary() throws Exception {
        LessonRun run = LessonRun.smoke(new SpiralsLesson(), output);
        run.assertLossWentDown();
        assertThat(run.text).contains("LabeledData(n=300, features=(300, 2), classes=[0, 1, 2])");
        run.assertPng("spirals-curves.png", 1000, 300);
        run.assertPng("spirals-boundary.png", 500, 400);
    }
}
