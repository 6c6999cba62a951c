package gradschool.examples.language;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.data.CharVocabulary;
import gradschool.data.Names;
import gradschool.data.TensorDataset;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import gradschool.examples.plot.Charts;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.Init;
import gradschool.optim.SGD;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The second makemore lecture: an MLP language model (Bengio et al. 2003) that sees the last three
 * letters, trained on the lectures' split with minibatches.
 *
 * <pre>
 * data      the lectures' split: 182,625 training, 22,655 dev (context of 3 → next letter) examples
 * model     C (27, 10); 30 → 200 tanh → 27          11,897 parameters
 * training  cross-entropy, SGD, batches of 32, {@value #STEPS} steps, learning rate 0.1 then 0.01 from step {@value #DECAY_STEP}
 * result    lecture: train 2.1260, dev 2.1701
 * </pre>
 *
 * <p>Before that it trains a variant with 2-d embeddings and 100 hidden units for {@value #PLANE_STEPS}
 * steps and writes {@code mlp-names-embedding.png}, the 27 symbols at their learned points ('.'
 * sits apart, as in the lecture). It prints the training loss of a minibatch every
 * {@value #PRINT_EVERY} steps, the train and dev loss over the whole split at the end (evaluation
 * mode, no graph) beside the lecture's, and ten names sampled from the model. The generator is seeded
 * with the lecture's 2147483647, so the same run gives the same numbers (not the lecture's digits:
 * Java's random numbers differ from PyTorch's). The smoke run trains {@value #SMOKE_STEPS} and
 * {@value #SMOKE_PLANE_STEPS} steps.
 */
public final class MlpNamesLesson implements Lesson {

    /** Training steps of the full run. */
    static final int STEPS = 200_000;
    /** The step from which the learning rate is 0.01 instead of 0.1. */
    static final int DECAY_STEP = 100_000;
    /** Training steps of the 2-d embedding variant. */
    static final int PLANE_STEPS = 10_000;
    /** Steps of the smoke run. */
    static final int SMOKE_STEPS = 400;
    /** Steps of the smoke run's 2-d variant. */
    static final int SMOKE_PLANE_STEPS = 200;
    /** Minibatch size. */
    static final int BATCH_SIZE = 32;
    /** Print the minibatch loss this often. */
    static final int PRINT_EVERY = 10_000;
    /** The context length. */
    static final int BLOCK_SIZE = 3;
    /** The lecture's train loss. */
    static final double LECTURE_TRAIN = 2.1260;
    /** The lecture's dev loss. */
    static final double LECTURE_DEV = 2.1701;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new MlpNamesLesson());
    }

    @Override
    public String name() {
        return "mlp-names";
    }

    @Override
    public String description() {
        return "makemore 2: an MLP language model (Bengio et al. 2003), context 3, 10-d embeddings, 200 tanh units";
    }

    @Override
    public List<String> dataFiles() {
        return List.of("names/names-train.txt", "names/names-dev.txt", "names/names-test.txt");
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        long start = System.nanoTime();
        boolean smoke = context.smoke();
        Names.Split split = Names.readSplit(context.data("names"));
        TensorDataset train = Names.contextWindows(split.train(), CharVocabulary.LETTERS, BLOCK_SIZE);
        TensorDataset dev = Names.contextWindows(split.dev(), CharVocabulary.LETTERS, BLOCK_SIZE);
        out.printf("Xtr %s, Ytr %s; Xdev %s, Ydev %s%n", train.inputs().shape(), train.targets().shape(),
                dev.inputs().shape(), dev.targets().shape());

        out.println("2-d embeddings, 100 tanh units, to see where the letters go:");
        Random g = new Random(BigramCountsLesson.SEED);
        Init.manualSeed(BigramCountsLesson.SEED);
        MlpLanguageModel plane = MlpLanguageModel.of(g, 27, BLOCK_SIZE, 2, 100);
        int planeSteps = smoke ? SMOKE_PLANE_STEPS : PLANE_STEPS;
        train(plane, train, g, planeSteps, planeSteps, smoke ? 100 : 5_000, out);
        out.printf("2-d model (%,d parameters): train loss %.4f, dev loss %.4f%n", plane.parameterCount(),
                LanguageModels.loss(plane, train), LanguageModels.loss(plane, dev));
        Path picture = context.output("mlp-names-embedding.png");
        Charts.savePng(LetterPictures.letterScatter(plane.embedding().value().to2DArray(), CharVocabulary.LETTERS,
                "the 2-d embedding C of the 27 symbols after " + planeSteps + " steps"), picture);
        out.println("wrote " + picture);

        out.println("the lecture's model: 10-d embeddings, 200 tanh units:");
        g = new Random(BigramCountsLesson.SEED);
        Init.manualSeed(BigramCountsLesson.SEED);
        MlpLanguageModel model = MlpLanguageModel.of(g, 27, BLOCK_SIZE, 10, 200);
        out.print(model);
        out.println();
        int steps = smoke ? SMOKE_STEPS : STEPS;
        int decay = smoke ? SMOKE_STEPS / 2 : DECAY_STEP;
        train(model, train, g, steps, decay, smoke ? 100 : PRINT_EVERY, out);

        double trainLoss = LanguageModels.loss(model, train);
        double devLoss = LanguageModels.loss(model, dev);
        out.println("10 names sampled from the model: "
                + LanguageModels.sampleNames(model, BLOCK_SIZE, new Random(BigramCountsLesson.SEED + 10), 10));
        out.printf("parameters %,d; time %.0f s%n", model.parameterCount(), (System.nanoTime() - start) / 1e9);
        out.printf("train loss %.4f   (lecture %.4f)%n", trainLoss, LECTURE_TRAIN);
        out.printf("dev loss   %.4f   (lecture %.4f)%n", devLoss, LECTURE_DEV);
    }

    /**
     * The lecture's training loop: a random minibatch, forward, loss, backward, update, with the
     * learning rate dropping from 0.1 to 0.01 at step {@code decayStep}.
     */
    static void train(MlpLanguageModel model, TensorDataset train, Random g, int steps, int decayStep,
                      int printEvery, PrintStream out) {
        CrossEntropyLoss crossEntropy = new CrossEntropyLoss();
        SGD optimizer = new SGD(model.parameters(), 0.1);
        for (int i = 0; i < steps; i++) {
            int[] ix = LanguageModels.randomRows(g, train.size(), BATCH_SIZE);   // minibatch construct
            Tensor xb = train.inputs().indexSelect(ix);
            Tensor yb = train.targets().indexSelect(ix);
            Variable logits = model.forward(Variable.of(xb));                     // forward pass
            Variable loss = crossEntropy.forward(logits, yb);
            optimizer.zeroGrad();                                                 // backward pass
            loss.backward();
            optimizer.setLearningRate(i < decayStep ? 0.1 : 0.01);                // update
            optimizer.step();
            if (i % printEvery == 0 || i == steps - 1) {
                out.printf("%7d/%7d: %.4f%n", i, steps, loss.item());
            }
        }
    }
}
