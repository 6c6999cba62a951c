package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.data.DataLoader;
import gradschool.data.Digits;
import gradschool.data.LabeledData;
import gradschool.data.Split;
import gradschool.data.Standardizer;
import gradschool.data.Synthetic;
import gradschool.data.TensorDataset;
import gradschool.optim.SGD;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** End-to-end: real networks trained with the Trainer, seeded and deterministic. */
class TrainingTest {

    private static Sequential xorNetwork() {
        Random random = new Random(1);
        return new Sequential(new Linear(2, 8, random), new Tanh(), new Linear(8, 2, random));
    }

    private static History trainXor(PrintStream out) {
        Sequential model = xorNetwork();
        TensorDataset xor = TensorDataset.of(Synthetic.xor());
        return Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.5).withMomentum(0.9))
                .epochs(150).progress(Trainer.Progress.LINES).printTo(out)
                .fit(DataLoader.of(xor).batchSize(4));
    }

    @Test
    void xorReachesFullAccuracy() {
        History history = trainXor(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(history.last().trainAccuracy()).isEqualTo(1.0);
        assertThat(history.last().trainLoss()).isLessThan(0.05);
        assertThat(history.epochs().get(0).trainLoss()).isGreaterThan(history.last().trainLoss());
    }

    @Test
    void trainingIsDeterministic() {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        History a = trainXor(new PrintStream(first, true, StandardCharsets.UTF_8));
        History b = trainXor(new PrintStream(second, true, StandardCharsets.UTF_8));
        for (int i = 0; i < a.epochs().size(); i++) {
            assertThat(a.epochs().get(i).trainLoss()).isEqualTo(b.epochs().get(i).trainLoss());
        }
        assertThat(first.toString(StandardCharsets.UTF_8)).contains("epoch 1: train loss").contains("epoch 150:");
    }

    @Test
    void mlpOnTheDigitsReachesNinetyFivePercent() throws IOException {
        LabeledData digits = Digits.read(Path.of("..", "data", "digits", "digits.csv.gz"));
        Split.TrainTest split = Split.trainTest(digits, 0.25, 42);
        Standardizer standardizer = Standardizer.fit(split.train());
        TensorDataset train = TensorDataset.of(standardizer.transform(split.train()));
        TensorDataset test = TensorDataset.of(standardizer.transform(split.test()));
        Random random = new Random(7);
        Sequential model = new Sequential(new Linear(64, 64, random), new ReLU(), new Linear(64, 10, random));
        History history = Trainer.of(model, new CrossEntropyLoss(),
                        new SGD(model.parameters(), 0.05).withMomentum(0.9))
                .epochs(15).validation(DataLoader.of(test).batchSize(256)).progress(Trainer.Progress.QUIET)
                .fit(DataLoader.of(train).batchSize(32).shuffle(3));
        assertThat(history.last().validationAccuracy()).isGreaterThanOrEqualTo(0.95);

        Trainer.Totals totals = Trainer.evaluate(model, new CrossEntropyLoss(), DataLoader.of(test).batchSize(100));
        assertThat(totals.accuracy()).isCloseTo(history.last().validationAccuracy(), within(1e-12));
        ConfusionMatrix matrix = ConfusionMatrix.of(Metrics.predictions(model.forward(test.inputs()).value()),
                test.targets(), 10);
        assertThat(matrix.accuracy()).isCloseTo(totals.accuracy(), within(1e-12));
    }

    @Test
    void earlyStoppingStopsWhenTheLossStopsImproving() {
        Sequential model = xorNetwork();
        TensorDataset xor = TensorDataset.of(Synthetic.xor());
        History history = Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 1e-9))
                .epochs(50).earlyStopping(3, 1e-3).progress(Trainer.Progress.QUIET)
                .fit(DataLoader.of(xor).batchSize(4));
        assertThat(history.stoppedEarly()).isTrue();
        assertThat(history.epochs()).hasSize(4);
    }
}
