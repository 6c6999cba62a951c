package gradschool.examples.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.core.Tensor;
import gradschool.data.LabeledData;
import gradschool.nn.ConfusionMatrix;
import gradschool.nn.Linear;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    /** Scores (x1, −x1): class 0 where x1 > 0, class 1 where x1 < 0. */
    private static final Linear SIGN_OF_X1 = Linear.of(Tensor.of(new double[][] {{1, 0}, {-1, 0}}), Tensor.zeros(2));

    private static final LabeledData DATA = new LabeledData(
            Tensor.of(new double[][] {{3, 0}, {-1, 5}, {2, 2}, {-4, 1}}), Tensor.of(new double[] {0, 1, 1, 1}),
            List.of("positive", "negative"));

    @Test
    void predictsTheClassWithTheLargestScore() {
        assertThat(Evaluation.predictClasses(SIGN_OF_X1, DATA.features()).toDoubleArray())
                .containsExactly(0, 1, 0, 1);
    }

    @Test
    void readsASingleOutputAsALogit() {
        Linear logit = Linear.of(Tensor.of(new double[][] {{0, 1}}), Tensor.of(new double[] {-1.5}));  // x2 − 1.5
        assertThat(Evaluation.predictClasses(logit, DATA.features()).toDoubleArray()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void accuracyAndConfusionMatrixCountTheSameMistake() {
        assertThat(Evaluation.accuracy(SIGN_OF_X1, DATA)).isCloseTo(0.75, within(1e-12));
        ConfusionMatrix matrix = Evaluation.confusionMatrix(SIGN_OF_X1, DATA);
        assertThat(matrix.count(0, 0)).isEqualTo(1);
        assertThat(matrix.count(1, 0)).isEqualTo(1);   // (2, 2) is "negative" but scored as positive
        assertThat(matrix.count(1, 1)).isEqualTo(2);
        assertThat(matrix.toString()).contains("positive").contains("negative");
    }

    @Test
    void restoresTheModelsTrainingMode() {
        SIGN_OF_X1.train();
        Evaluation.outputs(SIGN_OF_X1, DATA.features());
        assertThat(SIGN_OF_X1.isTraining()).isTrue();
        SIGN_OF_X1.eval();
        Evaluation.outputs(SIGN_OF_X1, DATA.features());
        assertThat(SIGN_OF_X1.isTraining()).isFalse();
    }
}
