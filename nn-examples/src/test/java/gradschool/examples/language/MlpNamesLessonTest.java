package gradschool.examples.language;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.Tensor;
import gradschool.data.CharVocabulary;
import gradschool.data.Names;
import gradschool.data.TensorDataset;
import gradschool.examples.LessonContext;
import gradschool.examples.LessonRun;
import gradschool.nn.Init;
import gradschool.nn.Parameter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class MlpNamesLessonTest {

    @TempDir
    Path output;

    /** The minibatch losses printed as "  10000/ 200000: 2.1234". */
    static List<Double> minibatchLosses(String text) {
        Matcher matcher = Pattern.compile("(?m)^ *\\d+/ *\\d+: (\\d+\\.\\d+)$").matcher(text);
        List<Double> losses = new ArrayList<>();
        while (matcher.find()) {
            losses.add(Double.parseDouble(matcher.group(1)));
        }
        return losses;
    }

    static double lossAfter(String label, String text) {
        Matcher matcher = Pattern.compile(Pattern.quote(label) + " +(\\d\\.\\d{4}) +\\(lecture (\\d\\.\\d{4})\\)").matcher(text);
        assertThat(matcher.find()).as("'%s' in:%n%s", label, text).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    /** The full run (200,000 steps; minutes of CPU), only with {@code -Dgradschool.fullRuns=true}: the bound on the dev loss. */
    @Test
    @EnabledIfSystemProperty(named = "gradschool.fullRuns", matches = "true")
    void fullRunReachesTheDevLossBound() throws Exception {
        LessonRun run = LessonRun.full(new MlpNamesLesson(), output);
        assertThat(MlpNamesLessonTest.lossAfter("dev loss", run.text)).isLessThanOrEqualTo(2.17);
    }

    @Test
    void smokeRunTrainsBothModelsDrawsTheEmbeddingAndPrintsTrainAndDevLoss() throws Exception {
        LessonRun run = LessonRun.smoke(new MlpNamesLesson(), output);
        assertThat(run.text).contains("Xtr (182625, 3), Ytr (182625,); Xdev (22655, 3), Ydev (22655,)");
        assertThat(run.text).contains("Total: 11,897 parameters").contains("2-d model (3,481 parameters)");
        double train = lossAfter("train loss", run.text);
        double dev = lossAfter("dev loss", run.text);
        assertThat(train).isBetween(2.0, Math.log(27));   // 400 steps: well below guessing, not yet the lecture's
        assertThat(dev).isBetween(2.0, Math.log(27));
        assertThat(run.text).contains("(lecture 2.1260)").contains("(lecture 2.1701)");
        assertThat(run.text).containsPattern("10 names sampled from the model: [a-z]*( [a-z]*){9}\n");
        run.assertPng("mlp-names-embedding.png", 600, 600);
    }

    @Test
    void theSameSeedGivesTheSameParametersAfterTraining() throws Exception {
        TensorDataset train = Names.contextWindows(Names.readSplit(Path.of(dataDirectory(), "names")).train(),
                CharVocabulary.LETTERS, 3);
        List<Tensor> first = trainTwentySteps(train);
        List<Tensor> second = trainTwentySteps(train);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).allClose(second.get(i), 0, 0)).isTrue();
        }
    }

    private static List<Tensor> trainTwentySteps(TensorDataset train) {
        Random g = new Random(2147483647L);
        Init.manualSeed(2147483647L);
        MlpLanguageModel model = MlpLanguageModel.of(g, 27, 3, 10, 200);
        MlpNamesLesson.train(model, train, g, 20, 10, 100, new PrintStream(OutputStream.nullOutputStream()));
        return model.parameters().stream().map(Parameter::value).map(Tensor::copy).toList();
    }

    private static String dataDirectory() {
        return LessonContext.findDataDirectory().toString();
    }
}
