package gradschool.examples.training;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.Tensor;
import gradschool.core.io.Npz;
import gradschool.examples.LessonRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLessonTest {

    @TempDir
    Path output;

    @Test
    void smokeRunTrainsSavesReloadsAndDraws() throws Exception {
        LessonRun run = LessonRun.smoke(new MnistLesson(), output);
        assertThat(run.text).contains("read 2,000 training and 500 test images");
        run.assertLossWentDown();
        assertThat(run.epochLosses()).hasSize(MnistLesson.SMOKE_EPOCHS);
        // Even the smoke run's two small epochs learn a lot: chance is 10%.
        assertThat(run.percentAfter("test accuracy:")).isGreaterThan(60.0);
        assertThat(run.text).containsPattern("(?m)^ +1 \\| +\\d+\\.\\d \\| +\\d+ \\| +0\\.002000 \\| \\d+\\.\\d\\d%$");
        assertThat(run.text).contains("identical to the trained model: true");
        double trained = run.percentAfter("test accuracy:");
        assertThat(run.percentAfter("after loading mnist-mlp.npz: test accuracy")).isEqualTo(trained);

        Map<String, Tensor> saved = Npz.read(output.resolve("mnist-mlp.npz"));
        assertThat(saved.keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias");
        assertThat(saved.get("0.weight").shape().toString()).isEqualTo("(128, 784)");

        run.assertPng("mnist-curves.png", 1000, 300);
        // 16 digits in two rows of 8, each 28 pixels drawn 4× larger.
        run.assertPng("mnist-predictions.png", 8 * 112, 2 * 112);
    }
}
