package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import gradschool.data.DataLoader;
import gradschool.data.TensorDataset;
import gradschool.optim.SGD;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Trainer's checks on its arguments: a named error before training, never a NaN in the log. */
class TrainerTest {

    private final Linear model = new Linear(2, 3, new Random(1));
    private final Trainer trainer = Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1))
            .progress(Trainer.Progress.QUIET);

    private static DataLoader samples(int count) {
        return DataLoader.of(new TensorDataset(Tensor.ones(count, 2), Tensor.zeros(count)));
    }

    @Test
    void fitOverALoaderWithNoBatchesFailsBeforeTraining() {
        Tensor weightBefore = model.parameters().get(0).value().copy();

        assertThatThrownBy(() -> trainer.fit(samples(0).batchSize(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Trainer.fit: the training loader gives no batches: its dataset is empty")
                .hasMessageContaining("DataLoader(0 samples, batch size 4, 0 batches)")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> trainer.fit(samples(3).batchSize(4).dropLast()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fewer samples than one batch and dropLast()");
        assertThatThrownBy(() -> trainer.validation(samples(0)).fit(samples(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Trainer.fit: the validation loader gives no batches");
        assertThat(model.parameters().get(0).value()).isEqualTo(weightBefore);
    }

    @Test
    void evaluateOverALoaderWithNoBatchesFails() {
        assertThatThrownBy(() -> Trainer.evaluate(model, new CrossEntropyLoss(), samples(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Trainer.evaluate: the data loader gives no batches");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> Trainer.of(model, null, new SGD(model.parameters(), 0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Trainer.of: the loss is null");
        assertThatThrownBy(() -> trainer.fit(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Trainer.fit: the training loader is null");
    }
}
