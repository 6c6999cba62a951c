package gradschool.examples.training;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.Tensor;
import gradschool.core.io.Npz;
import gradschool.examples.LessonRun;
import gradschool.examples.TrainingLessons;
import gradschool.examples.plot.ImageGrid;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnnMnistLessonTest {

    @TempDir
    Path output;

    @Test
    void smokeRunTrainsPrintsAccuracySavesAndDraws() throws Exception {
        LessonRun run = LessonRun.smoke(new CnnMnistLesson(), output);
        assertThat(run.text).contains("read 2,000 training and 500 test images");
        assertThat(run.text).contains("Total: 61,706 parameters");
        run.assertLossWentDown();
        assertThat(run.epochLosses()).hasSize(CnnMnistLesson.SMOKE_EPOCHS);
        // Two epochs on 2,000 images already learn a lot: chance is 10%.
        assertThat(run.percentAfter("test accuracy:")).isGreaterThan(60.0);
        assertThat(run.text).containsPattern("(?m)^ +1 \\| +\\d+\\.\\d \\| +\\d+ \\| +0\\.002000 \\| \\d+\\.\\d\\d%$");
        assertThat(run.text).containsPattern("(?m)^ +2 \\| +\\d+\\.\\d \\| +\\d+ \\| +0\\.\\d{6} \\| \\d+\\.\\d\\d%$");

        Map<String, Tensor> saved = Npz.read(output.resolve("cnn-mnist.npz"));
        assertThat(saved.keySet()).startsWith("1.weight", "1.bias", "4.weight", "4.bias");
        assertThat(saved.get("1.weight").shape().toString()).isEqualTo("(6, 1, 5, 5)");
        assertThat(saved.get("4.weight").shape().toString()).isEqualTo("(16, 6, 5, 5)");

        run.assertPng("cnn-mnist-curves.png", 1000, 300);
        // Six filters in one row.
        run.assertPng("cnn-mnist-filters.png", 6 * ImageGrid.CELL_PIXELS, ImageGrid.CELL_PIXELS);
        // The input and 6 first-layer maps in one row of 8, the 16 second-layer maps in two more.
        run.assertPng("cnn-mnist-feature-maps.png", 8 * ImageGrid.CELL_PIXELS, 3 * ImageGrid.CELL_PIXELS);
        run.assertPng("cnn-mnist-mistakes.png", 112, 112);

        // The MLP trained the same way, epoch by epoch next to the CNN, and both on one chart.
        assertThat(run.text).containsPattern("(?m)^  epoch 2: MLP \\d+\\.\\d\\d%, CNN \\d+\\.\\d\\d% test accuracy$");
        run.assertPng("cnn-mnist-vs-mlp.png", 600, 400);
    }

    @Test
    void theSameSeedGivesTheSameNumbers() throws Exception {
        String first = LessonRun.smoke(new CnnMnistLesson(), output.resolve("first")).text;
        String second = LessonRun.smoke(new CnnMnistLesson(), output.resolve("second")).text;
        assertThat(accuracyLines(second)).isEqualTo(accuracyLines(first)).isNotEmpty();
    }

    @Test
    void isListedRightAfterTheMlpLessonWithItsDataFiles() {
        var names = TrainingLessons.all().stream().map(lesson -> lesson.name()).toList();
        assertThat(names.indexOf("cnn-mnist")).isEqualTo(names.indexOf("mnist") + 1);
        assertThat(new CnnMnistLesson().dataFiles()).isEqualTo(new MnistLesson().dataFiles());
    }

    /** The lines with losses and accuracies, without the seconds that change from run to run. */
    private static String accuracyLines(String text) {
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("epoch ") || line.startsWith("test accuracy")) {
                lines.append(line.replaceAll("\\| [0-9.]+ s$", "")).append('\n');
            }
        }
        return lines.toString();
    }
}
