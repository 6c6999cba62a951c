package gradschool.examples.training;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.examples.LessonRun;
import gradschool.examples.TrainingLessons;
import gradschool.nn.BatchNorm2d;
import gradschool.nn.Conv2d;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnnBatchNormLessonTest {

    @TempDir
    Path output;

    @Test
    void smokeRunTrainsBothNetworksAndDrawsThemOnOneChart() throws Exception {
        LessonRun run = LessonRun.smoke(new CnnBatchNormLesson(), output);
        assertThat(run.text).contains("1,000 training and 200 test images, 2 epochs");
        List<Double> losses = run.epochLosses();   // both runs' epochs, the plain network's first
        assertThat(losses).hasSize(2 * CnnBatchNormLesson.SMOKE_EPOCHS);
        assertThat(losses.get(1)).isLessThan(losses.get(0));
        assertThat(losses.get(3)).isLessThan(losses.get(2));
        assertThat(run.text).containsPattern("(?m)^ +2 \\| +\\d\\.\\d{4} +\\d\\.\\d{4} \\| +\\d+\\.\\d\\d% +\\d+\\.\\d\\d%$");
        run.assertPng("cnn-batchnorm.png", 1000, 300);
    }

    @Test
    void putsABatchNormBetweenEachConvolutionAndItsRelu() {
        var model = CnnBatchNormLesson.newNormalizedModel();
        assertThat(model.get(1)).isInstanceOf(Conv2d.class);
        assertThat(model.get(2)).isInstanceOf(BatchNorm2d.class);
        assertThat(model.get(5)).isInstanceOf(Conv2d.class);
        assertThat(model.get(6)).isInstanceOf(BatchNorm2d.class);
        // Only the two batch norms' γ and β are new: 2·6 + 2·16 parameters.
        assertThat(model.parameterCount()).isEqualTo(CnnMnistLesson.newModel().parameterCount() + 2 * 6 + 2 * 16);
        var names = TrainingLessons.all().stream().map(lesson -> lesson.name()).toList();
        assertThat(names.indexOf("cnn-batchnorm")).isEqualTo(names.indexOf("cnn-mnist") + 1);
    }
}
