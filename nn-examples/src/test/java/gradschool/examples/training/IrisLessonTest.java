package gradschool.examples.training;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.examples.LessonRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IrisLessonTest {

    @TempDir
    Path output;

    @Test
    void classifiesIrisAndPrintsANamedConfusionMatrix() throws Exception {
        LessonRun run = LessonRun.smoke(new IrisLesson(), output);
        run.assertLossWentDown();
        assertThat(run.percentAfter("test accuracy:")).isGreaterThanOrEqualTo(90.0);
        assertThat(run.text).contains("(30 flowers)")
                .containsPattern("true\\\\pred +setosa +versicolor +virginica")
                .containsPattern("(?m)^ +setosa +\\d+ +\\d+ +\\d+$")
                .containsPattern("(?m)^ +virginica +\\d+ +\\d+ +\\d+$");
        run.assertPng("iris-curves.png", 1000, 300);
    }
}
