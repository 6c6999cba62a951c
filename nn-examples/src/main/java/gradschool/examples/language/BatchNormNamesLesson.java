package gradschool.examples.language;

import gradschool.data.CharVocabulary;
import gradschool.data.Names;
import gradschool.data.TensorDataset;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import gradschool.examples.plot.Charts;
import gradschool.nn.Init;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.knowm.xchart.XYChart;

/**
 * The third makemore lecture: why the MLP's initialisation matters, what batch normalization does,
 * and how to look inside a network while it trains.
 *
 * <pre>
 * model     C (27, 10); Linear(30, 200, no bias) → BatchNorm1d(200) → tanh → Linear(200, 27)
 *           12,097 parameters (the lecture counts 12,297: its unused b1 stays in its list)
 * init      W1 ~ N(0, 1)·(5/3)/√30 (Kaiming, tanh gain), W2 ~ N(0, 1)·0.01, b2 = 0: first loss ≈ ln 27 = 3.30
 * training  as mlp-names: batches of 32, {@value MlpNamesLesson#STEPS} steps, learning rate 0.1 then 0.01;
 *           the batch norm's running statistics with momentum 0.001, as in the lecture
 * result    lecture: train 2.0674, dev 2.1057
 * </pre>
 *
 * <p>First the diagnostics ({@link DeepTanhDiagnostics}): the lecture's deeper network (five tanh
 * layers of 100) with N(0, 1) weights, with the Kaiming fixes, and with BatchNorm1d, each trained
 * {@value #DIAGNOSTIC_STEPS} steps. It prints each tanh layer's mean, standard deviation and
 * saturated fraction, and writes {@code batchnorm-activations.png} and {@code batchnorm-gradients.png}
 * (histograms per layer after the first step) and {@code batchnorm-update-ratio.png} (the
 * update-to-data ratio of each weight matrix over the steps, which should sit near 10⁻³). Then it
 * trains the model above and prints train and dev loss (evaluation mode: the batch norm uses its
 * running statistics) beside the lecture's. The smoke run trains {@value #SMOKE_STEPS} steps and
 * {@value #SMOKE_DIAGNOSTIC_STEPS} diagnostic steps.
 */
public final class BatchNormNamesLesson implements Lesson {

    /** Steps of each diagnostic run (the lecture's 1,000). */
    static final int DIAGNOSTIC_STEPS = 1_000;
    /** Diagnostic steps of the smoke run. */
    static final int SMOKE_DIAGNOSTIC_STEPS = 30;
    /** Steps of the smoke run. */
    static final int SMOKE_STEPS = 400;
    /** The running statistics' momentum: the lecture's {@code bnmean_running = 0.999·bnmean_running + 0.001·bnmeani}. */
    static final double MOMENTUM = 0.001;
    /** The lecture's train loss. */
    static final double LECTURE_TRAIN = 2.0674;
    /** The lecture's dev loss. */
    static final double LECTURE_DEV = 2.1057;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new BatchNormNamesLesson());
    }

    @Override
    public String name() {
        return "batchnorm-names";
    }

    @Override
    public String description() {
        return "makemore 3: the MLP with Kaiming init and BatchNorm1d, with activation, gradient and update-ratio diagnostics";
    }

    @Override
    public List<String> dataFiles() {
        return new MlpNamesLesson().dataFiles();
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        long start = System.nanoTime();
        boolean smoke = context.smoke();
        int blockSize = MlpNamesLesson.BLOCK_SIZE;
        Names.Split split = Names.readSplit(context.data("names"));
        TensorDataset train = Names.contextWindows(split.train(), CharVocabulary.LETTERS, blockSize);
        TensorDataset dev = Names.contextWindows(split.dev(), CharVocabulary.LETTERS, blockSize);

        int diagnosticSteps = smoke ? SMOKE_DIAGNOSTIC_STEPS : DIAGNOSTIC_STEPS;
        out.printf("diagnostics: C (27, 10), 5 tanh layers of %d, output 27; %d steps each, learning rate %s%n",
                DeepTanhDiagnostics.HIDDEN, diagnosticSteps, DeepTanhDiagnostics.LEARNING_RATE);
        List<DeepTanhDiagnostics.Run> runs = new ArrayList<>();
        for (DeepTanhDiagnostics.Version version : DeepTanhDiagnostics.Version.values()) {
            Init.manualSeed(BigramCountsLesson.SEED);
            Random g = new Random(BigramCountsLesson.SEED);
            DeepTanhDiagnostics.Run run = new DeepTanhDiagnostics(version, g, blockSize)
                    .run(train, g, diagnosticSteps, MlpNamesLesson.BATCH_SIZE);
            DeepTanhDiagnostics.printActivations(run, out);
            double[] last = run.ratios().get(run.ratios().size() - 1);
            StringBuilder ratios = new StringBuilder();
            for (double ratio : last) {
                ratios.append(String.format(" %.2f", ratio));
            }
            out.println("  log10 update/data ratio of the 6 weight matrices at the last step:" + ratios);
            runs.add(run);
        }
        List<XYChart> activations = new ArrayList<>();
        List<XYChart> gradients = new ArrayList<>();
        List<XYChart> ratios = new ArrayList<>();
        for (DeepTanhDiagnostics.Run run : runs) {
            activations.add(DeepTanhDiagnostics.histograms("tanh outputs: " + run.version().title, "tanh output",
                    run.activations()));
            gradients.add(DeepTanhDiagnostics.histograms("their gradients: " + run.version().title,
                    "dloss/d(tanh output)", run.gradients()));
            ratios.add(DeepTanhDiagnostics.ratios(run));
        }
        for (var picture : List.of(Map.entry("batchnorm-activations.png", activations),
                Map.entry("batchnorm-gradients.png", gradients),
                Map.entry("batchnorm-update-ratio.png", ratios))) {
            Path file = context.output(picture.getKey());
            Charts.savePng(picture.getValue(), 1, picture.getValue().size(), file);
            out.println("wrote " + file);
        }

        out.println("the lecture's model with BatchNorm1d and the initialisation fixes:");
        Random g = new Random(BigramCountsLesson.SEED);
        Init.manualSeed(BigramCountsLesson.SEED);
        MlpLanguageModel model = MlpLanguageModel.withBatchNorm(g, 27, blockSize, 10, 200, MOMENTUM);
        out.print(model);
        out.println();
        int steps = smoke ? SMOKE_STEPS : MlpNamesLesson.STEPS;
        int decay = smoke ? SMOKE_STEPS / 2 : MlpNamesLesson.DECAY_STEP;
        MlpNamesLesson.train(model, train, g, steps, decay, smoke ? 100 : MlpNamesLesson.PRINT_EVERY, out);

        double trainLoss = LanguageModels.loss(model, train);
        double devLoss = LanguageModels.loss(model, dev);
        out.println("10 names sampled from the model: "
                + LanguageModels.sampleNames(model, blockSize, new Random(BigramCountsLesson.SEED + 10), 10));
        out.printf("parameters %,d; time %.0f s%n", model.parameterCount(), (System.nanoTime() - start) / 1e9);
        out.printf("train loss %.4f   (lecture %.4f)%n", trainLoss, LECTURE_TRAIN);
        out.printf("dev loss   %.4f   (lecture %.4f)%n", devLoss, LECTURE_DEV);
    }
}
