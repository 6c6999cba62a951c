package gradschool.examples.language;

import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.data.CharVocabulary;
import gradschool.data.Names;
import gradschool.data.TensorDataset;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import gradschool.nn.BatchNorm1d;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.Embedding;
import gradschool.nn.FlattenConsecutive;
import gradschool.nn.Init;
import gradschool.nn.Layer;
import gradschool.nn.Linear;
import gradschool.nn.Reduction;
import gradschool.nn.Sequential;
import gradschool.nn.Tanh;
import gradschool.optim.SGD;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;

/**
 * A WaveNet-style hierarchical language model (makemore, part 5): eight characters of context are
 * fused two at a time, in three levels, instead of all at once.
 *
 * <pre>
 * model     Embedding(27, 24)                                   (N, 8) → (N, 8, 24)
 *           FlattenConsecutive(2) → Linear(48, 128, no bias) → BatchNorm1d(128) → Tanh    → (N, 4, 128)
 *           FlattenConsecutive(2) → Linear(256, 128, no bias) → BatchNorm1d(128) → Tanh   → (N, 2, 128)
 *           FlattenConsecutive(2) → Linear(256, 128, no bias) → BatchNorm1d(128) → Tanh   → (N, 128)
 *           Linear(128, 27)                                                               → (N, 27)
 *           76,579 parameters, as in the lecture
 * training  {@value #STEPS} steps of batch {@value #BATCH_SIZE}, SGD with learning rate 0.1, 0.01 from step
 *           {@value #DECAY_STEP}; cross-entropy
 * </pre>
 *
 * <p>Each pair of neighbours is merged by the same weights at every position: the first level
 * looks at characters (1, 2), (3, 4), (5, 6), (7, 8), the second at pairs of those, the third at
 * the two halves — the dilated causal convolution of WaveNet, written as reshapes and a linear layer
 * applied to every position at once ({@code Linear} multiplies the last dimension of a 3-D input).
 *
 * <p>The BatchNorm after a 3-D activation (N, L, C) must normalize each channel over both N and L:
 * the lecture's bug was to average over dimension 0 only, which keeps separate statistics for each
 * of the L positions. {@link BatchNorm1d#channelsLast} averages over dimensions 0 and 1, with the
 * biased variance as PyTorch's layers (the lecture's own layer uses the unbiased one).
 *
 * <p>The initialisation is the lecture's: embedding N(0, 1) ({@link Embedding}'s default), linear
 * weights N(0, 1)/√fan_in, the last layer's weights scaled by 0.1 and its bias 0.
 *
 * <p>The lecture: train 1.7690, dev 1.9937. This lesson (seed {@value #SEED}): train 1.7639, dev 1.9907,
 * with about 280 s of CPU time for the 200,000 steps (1.4 ms per step; 1,300 s before the fused BatchNorm and
 * the batched products of 2026-12-01). After training, the losses are measured in evaluation
 * mode (BatchNorm with its running statistics). Smoke mode trains {@value #SMOKE_STEPS} steps and
 * measures on the first {@value #SMOKE_EVALUATION_SIZE} examples of each split.
 */
public final class WavenetNamesLesson implements Lesson {

    /** How many previous characters the model sees. */
    static final int BLOCK_SIZE = 8;
    /** The size of a character's embedding vector. */
    static final int EMBEDDING = 24;
    /** The width of the hidden layers. */
    static final int HIDDEN = 128;
    /** Examples per batch. */
    static final int BATCH_SIZE = 32;
    /** Steps of the full run. */
    static final int STEPS = 200_000;
    /** The step from which the learning rate is 0.01 instead of 0.1. */
    static final int DECAY_STEP = 150_000;
    /** Steps of the smoke run. */
    static final int SMOKE_STEPS = 300;
    /** Examples of each split the smoke run measures its losses on. */
    static final int SMOKE_EVALUATION_SIZE = 2_000;
    /** The seed of the model's initial values and of the batches. */
    static final long SEED = 42;
    /** The number of parameters of the lecture's model. */
    static final int LECTURE_PARAMETERS = 76_579;

    private static final int VOCABULARY = CharVocabulary.LETTERS.size();
    private static final int EVALUATION_CHUNK = 8_192;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new WavenetNamesLesson());
    }

    @Override
    public String name() {
        return "wavenet-names";
    }

    @Override
    public String description() {
        return "makemore part 5: a hierarchical (WaveNet-style) model of 8 characters of context, dev loss under 2.0";
    }

    @Override
    public List<String> dataFiles() {
        return List.of("names/names-train.txt", "names/names-dev.txt", "names/names-test.txt");
    }

    /**
     * Builds the lecture's model, initialised as the lecture initialises it, from {@link Init#generator()}.
     *
     * @param embedding the size of a character's embedding (24 in the lecture)
     * @param hidden the width of the hidden layers (128 in the lecture)
     * @return the model: (N, 8) character indices → (N, 27) logits
     */
    static Sequential newModel(int embedding, int hidden) {
        Sequential model = new Sequential(
                new Embedding(VOCABULARY, embedding),
                new FlattenConsecutive(2), lectureLinear(2 * embedding, hidden), BatchNorm1d.channelsLast(hidden), new Tanh(),
                new FlattenConsecutive(2), lectureLinear(2 * hidden, hidden), BatchNorm1d.channelsLast(hidden), new Tanh(),
                new FlattenConsecutive(2), lectureLinear(2 * hidden, hidden), BatchNorm1d.channelsLast(hidden), new Tanh(),
                new Linear(hidden, VOCABULARY));
        Linear last = (Linear) model.get(model.size() - 1);
        last.weight().value().copyFrom(Init.normal(Init.generator(), 0, 0.1 / Math.sqrt(hidden), VOCABULARY, hidden));
        last.bias().value().fill(0.0);   // the lecture: "make the last layer less confident"
        return model;
    }

    /** A linear layer without bias (the batch norm after it has one), weights N(0, 1)/√fan_in. */
    private static Linear lectureLinear(int in, int out) {
        Linear layer = Linear.withoutBias(in, out);
        layer.weight().value().copyFrom(Init.normal(Init.generator(), 0, 1 / Math.sqrt(in), out, in));
        return layer;
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        boolean smoke = context.smoke();
        Names.Split split = Names.readSplit(context.data("names"));
        TensorDataset train = Names.contextWindows(split.train(), CharVocabulary.LETTERS, BLOCK_SIZE);
        TensorDataset dev = Names.contextWindows(split.dev(), CharVocabulary.LETTERS, BLOCK_SIZE);
        out.printf("%,d training and %,d dev examples (context %d)%n", train.size(), dev.size(), BLOCK_SIZE);

        Init.manualSeed(SEED);
        Sequential model = newModel(EMBEDDING, HIDDEN);
        out.println(model);
        out.printf("parameters: %,d (the lecture: %,d)%n", model.parameterCount(), LECTURE_PARAMETERS);

        int steps = smoke ? SMOKE_STEPS : STEPS;
        int decayStep = smoke ? SMOKE_STEPS : DECAY_STEP;
        int every = smoke ? SMOKE_STEPS / 3 : 10_000;
        int evaluationSize = smoke ? SMOKE_EVALUATION_SIZE : Integer.MAX_VALUE;
        out.printf("%nbefore training: dev loss %.4f%n", loss(model, dev, evaluationSize));
        out.printf("%,d steps of batch %d, SGD with learning rate 0.1, 0.01 from step %,d%n", steps, BATCH_SIZE, decayStep);

        SGD optimizer = new SGD(model.parameters(), 0.1);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        Random random = new Random(SEED);
        model.train();
        double recent = 0;
        int recentCount = 0;
        long start = System.nanoTime();
        double cpuStart = CpuTime.seconds();
        for (int step = 0; step < steps; step++) {
            int[] rows = new int[BATCH_SIZE];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = random.nextInt(train.size());
            }
            Variable logits = model.forward(train.inputs().indexSelect(rows));
            Variable loss = criterion.forward(logits, train.targets().indexSelect(rows));
            optimizer.zeroGrad();
            loss.backward();
            optimizer.setLearningRate(step < decayStep ? 0.1 : 0.01);
            optimizer.step();
            recent += loss.item();
            recentCount++;
            if ((step + 1) % every == 0) {
                out.printf("step %7d/%d: mean batch loss %.4f  (%.0f s, CPU %.0f s)%n", step + 1, steps,
                        recent / recentCount, (System.nanoTime() - start) / 1e9, CpuTime.seconds() - cpuStart);
                recent = 0;
                recentCount = 0;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("%,d steps in %.1f s (%.1f steps/s); CPU time %.1f s, all threads%n", steps, seconds,
                steps / seconds, CpuTime.seconds() - cpuStart);

        double trainLoss = loss(model, train, evaluationSize);
        double devLoss = loss(model, dev, evaluationSize);
        String measured = smoke ? " (on the first " + SMOKE_EVALUATION_SIZE + " examples)" : "";
        out.printf("train loss %.4f, dev loss %.4f%s (the lecture: train 1.7690, dev 1.9937)%n", trainLoss, devLoss,
                measured);
    }

    /**
     * Returns the mean cross-entropy of the model on (the first {@code limit} examples of) a split, in
     * evaluation mode, without recording a graph; the model is left in training mode.
     */
    static double loss(Layer model, TensorDataset data, int limit) {
        int size = Math.min(limit, data.size());
        double total = 0;
        model.eval();
        try (GradMode.Scope noGrad = GradMode.off()) {
            CrossEntropyLoss sum = new CrossEntropyLoss(Reduction.SUM);
            for (int from = 0; from < size; from += EVALUATION_CHUNK) {
                int to = Math.min(size, from + EVALUATION_CHUNK);
                Variable logits = model.forward(data.inputs().slice(0, from, to));
                total += sum.forward(logits, data.targets().slice(0, from, to)).item();
            }
        } finally {
            model.train();
        }
        return total / size;
    }
}
