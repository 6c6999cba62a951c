package gradschool.examples.training;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.examples.LessonRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XorLessonTest {

    @TempDir
    Path output;

    @Test
    void solvesXorAndDrawsTheLossAndTheBoundary() throws Exception {
        LessonRun run = LessonRun.smoke(new XorLesson(), output);
        run.assertLossWentDown();
        assertThat(run.epochLosses().get(run.epochLosses().size() - 1)).isLessThan(0.05);
        assertThat(run.percentAfter("accuracy:")).isEqualTo(100.0);
        // The predictions table: each row's prediction equals its target.
        assertThat(run.text).containsPattern(" 0 +0 \\| +0 +\\| 0\\.\\d+ +0")
                .containsPattern(" 0 +1 \\| +1 +\\| 0\\.\\d+ +1")
                .containsPattern(" 1 +0 \\| +1 +\\| 0\\.\\d+ +1")
                .containsPattern(" 1 +1 \\| +0 +\\| 0\\.\\d+ +0");
        run.assertPng("xor-loss.png", 500, 300);
        run.assertPng("xor-boundary.png", 500, 400);
    }
}
