package gradschool.examples.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.LessonContext;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.Embedding;
import gradschool.nn.GPT;
import gradschool.nn.Parameter;
import gradschool.nn.Reduction;
import gradschool.nn.Sampler;
import gradschool.optim.SGD;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameSequencesTest {

    @TempDir
    Path output;

    private NameSequences read() throws Exception {
        return NameSequences.read(new LessonContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                LessonContext.findDataDirectory(), output, true));
    }

    @Test
    void meanLossInChunksIsTheMeanOverAllCharactersAtOnce() throws Exception {
        NameSequences data = read();
        // A bigram model: an embedding of 27 scores per symbol, applied to (B, T) tokens gives (B, T, 27).
        Embedding bigram = new Embedding(27, 27, new Random(3));
        int rows = NameSequences.EVALUATION_BATCH + 300;   // two chunks of different sizes
        double expected;
        try (GradMode.Scope off = GradMode.off()) {
            Variable logits = bigram.forward(Variable.of(data.dev.inputs().slice(0, 0, rows)));
            expected = new CrossEntropyLoss(Reduction.MEAN, 0.0, NameSequences.IGNORE)
                    .forward(logits, data.dev.targets().slice(0, 0, rows)).item();
        }
        assertThat(data.meanLoss(bigram, data.dev, rows)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aStepCutsTrailingPaddingAndGivesTheLossAndGradientsOfTheFullRows() throws Exception {
        NameSequences data = read();
        int[] rows = {3, 17, 250, 4000, 9};   // names of at most 8 letters: 9 of the 16 columns are used
        Tensor targets = data.train.targets().indexSelect(rows);
        int used = NameSequences.usedLength(targets);
        assertThat(used).isLessThan(NameSequences.LENGTH);
        assertThat(java.util.Arrays.stream(targets.slice(1, used - 1, used).toDoubleArray())).anyMatch(t -> t != NameSequences.IGNORE);
        assertThat(targets.slice(1, used, NameSequences.LENGTH).toDoubleArray()).containsOnly((double) NameSequences.IGNORE);

        GPT model = new GPT(new GPT.Config(27, NameSequences.LENGTH, 2, 2, 8, 0.0), new Random(5));
        Variable full = new CrossEntropyLoss(Reduction.MEAN, 0.0, NameSequences.IGNORE)
                .forward(model.forward(Variable.of(data.train.inputs().indexSelect(rows))), targets);
        full.backward();
        List<Parameter> parameters = model.parameters();
        List<Tensor> expected = parameters.stream().map(p -> p.grad().copy()).toList();

        double loss = data.step(model, new SGD(parameters, 1e-3), rows);   // the gradients stay after the update

        assertThat(loss).isCloseTo(full.item(), within(1e-12));
        for (int i = 0; i < parameters.size(); i++) {
            double[] actual = parameters.get(i).grad().toDoubleArray();
            double[] wanted = expected.get(i).toDoubleArray();
            for (int j = 0; j < wanted.length; j++) {
                assertThat(actual[j]).as("parameter %d, element %d", i, j).isCloseTo(wanted[j], within(1e-12));
            }
        }
    }

    @Test
    void samplesInTheTrainingSetAreMarkedAndCounted() throws Exception {
        NameSequences data = read();
        // A model that always writes "emma" (a training name) then ends.
        int[] emma = {5, 13, 13, 1, 0};
        Sampler.NextTokenLogits model = context -> {
            double[] logits = new double[27];
            java.util.Arrays.fill(logits, -1e9);
            logits[emma[context.length - 1]] = 0;
            return Tensor.of(logits);
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int seen = data.printSamples(model, 5, 0, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(data.trainNames).contains("emma");
        assertThat(seen).isEqualTo(5);
        assertThat(text).contains("emma*").contains("5 of the 5 are in the training set, 0 are new");
    }
}
