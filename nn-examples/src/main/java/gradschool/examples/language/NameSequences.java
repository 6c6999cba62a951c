package gradschool.examples.language;

import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.data.CharVocabulary;
import gradschool.data.Names;
import gradschool.data.TensorDataset;
import gradschool.examples.LessonContext;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.Layer;
import gradschool.nn.Reduction;
import gradschool.nn.Sampler;
import gradschool.optim.Optimizer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What the sequence-model lessons ({@code rnn-names}, {@code gru-names}, {@code transformer-names})
 * share: the names as padded sequences, random batches, the loss over a whole split, a training step,
 * and sampled names.
 *
 * <p>Every name becomes one row of {@value #LENGTH} tokens (makemore's {@code CharDataset}): inputs
 * {@code . e m m a . . …}, targets {@code e m m a . −100 …}; the padding targets are skipped by the loss
 * ({@code ignoreIndex} −100), so the loss is the mean negative log-likelihood per character of the real
 * names — the lectures' number. The longest name has 15 letters, so 16 tokens hold every name and its end.
 */
final class NameSequences {

    /** Tokens per row: the longest name (15 letters) plus its start symbol. makemore's block size. */
    static final int LENGTH = 16;

    /** The target of a padding position, skipped by the loss (PyTorch's default). */
    static final int IGNORE = -100;

    /** Names per forward pass when only evaluating. */
    static final int EVALUATION_BATCH = 800;

    /** The train, dev and test names. */
    final Names.Split split;
    /** The training names as padded sequences. */
    final TensorDataset train;
    /** The dev names as padded sequences. */
    final TensorDataset dev;
    /** The training names, to tell a sampled name that is new from one the model has seen. */
    final Set<String> trainNames;

    private final CrossEntropyLoss loss = new CrossEntropyLoss(Reduction.MEAN, 0.0, IGNORE);
    private final CrossEntropyLoss summedLoss = new CrossEntropyLoss(Reduction.SUM, 0.0, IGNORE);

    private NameSequences(Names.Split split) {
        this.split = split;
        this.train = Names.sequences(split.train(), CharVocabulary.LETTERS, LENGTH, IGNORE);
        this.dev = Names.sequences(split.dev(), CharVocabulary.LETTERS, LENGTH, IGNORE);
        this.trainNames = new HashSet<>(split.train());
    }

    /** Reads {@code data/names/} and prints the split's sizes. */
    static NameSequences read(LessonContext context) throws Exception {
        Names.Split split = Names.readSplit(context.data("names/names-train.txt").getParent());
        context.out().printf("read %,d training, %,d dev and %,d test names; each is a row of %d tokens%n",
                split.train().size(), split.dev().size(), split.test().size(), LENGTH);
        return new NameSequences(split);
    }

    /**
     * A learning rate that rises linearly to {@code peak} over the first {@code warmupSteps} steps (at
     * most a tenth of the run), then falls along half a cosine to {@code last} at the final step.
     *
     * @param step the step, from 1
     * @param steps the number of steps of the run
     * @param warmupSteps the warm-up length for a long run
     * @param peak the rate at the end of the warm-up
     * @param last the rate at the last step
     * @return the rate of this step
     */
    static double warmupThenCosine(int step, int steps, int warmupSteps, double peak, double last) {
        int warmup = Math.min(warmupSteps, Math.max(1, steps / 10));
        if (step <= warmup) {
            return peak * step / warmup;
        }
        double progress = (double) (step - warmup) / Math.max(1, steps - warmup);
        return last + 0.5 * (peak - last) * (1 + Math.cos(Math.PI * progress));
    }

    /** The data files the lessons read. */
    static List<String> dataFiles() {
        return List.of("names/names-train.txt", "names/names-dev.txt", "names/names-test.txt");
    }

    /** Draws {@code size} training rows uniformly with replacement, as makemore's sampler does. */
    static int[] drawBatch(SplittableRandom random, int rows, int size) {
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            indices[i] = random.nextInt(rows);
        }
        return indices;
    }

    /**
     * One training step on the given rows: forward, mean loss over the non-padding targets, zero the
     * gradients, backward, optimizer step.
     *
     * <p>The rows are cut after the last column in which some row still has a character: a batch of
     * short names needs fewer positions than {@value #LENGTH}. The loss and the gradients are the same
     * (the models are causal, so no position sees the padding after it, and the loss skips padding), but
     * a batch of 32 random names needs about 10.6 columns instead of 16, which saves a third of the
     * work, and more of the attention's, whose cost grows with the square of the length.
     *
     * @return the batch's loss
     */
    double step(Layer model, Optimizer optimizer, int[] rows) {
        Tensor targets = train.targets().indexSelect(rows);
        int used = usedLength(targets);
        Tensor inputs = train.inputs().indexSelect(rows).slice(1, 0, used);
        targets = targets.slice(1, 0, used);
        Variable value = loss.forward(model.forward(Variable.of(inputs)), targets);
        optimizer.zeroGrad();
        value.backward();
        optimizer.step();
        return value.item();
    }

    /**
     * The mean loss per character over the first {@code limit} rows of a split (all of them if
     * {@code limit} is larger), without a graph.
     */
    double meanLoss(Layer model, TensorDataset data, int limit) {
        int rows = Math.min(limit, data.size());
        double total = 0;
        long characters = 0;
        try (GradMode.Scope off = GradMode.off()) {
            for (int from = 0; from < rows; from += EVALUATION_BATCH) {
                int to = Math.min(rows, from + EVALUATION_BATCH);
                Tensor targets = data.targets().slice(0, from, to);
                Variable logits = model.forward(Variable.of(data.inputs().slice(0, from, to)));
                total += summedLoss.forward(logits, targets).item();
                characters += countCharacters(targets);
            }
        }
        return total / characters;
    }

    /** One more than the last column in which some row's target is a character, not padding. */
    static int usedLength(Tensor targets) {
        int columns = targets.shape().dim(1);
        double[] values = targets.toDoubleArray();
        int used = 1;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != IGNORE) {
                used = Math.max(used, i % columns + 1);
            }
        }
        return used;
    }

    /** The targets that are characters, not padding. */
    private static long countCharacters(Tensor targets) {
        long count = 0;
        for (double target : targets.toDoubleArray()) {
            if (target != IGNORE) {
                count++;
            }
        }
        return count;
    }

    /**
     * Samples {@code count} names from a model, prints them in rows of five with a {@code *} after the
     * ones that are in the training set ({@code (empty)} for a name that ended at once), and returns how many of them are.
     */
    int printSamples(Sampler.NextTokenLogits model, int count, long seed, PrintStream out) {
        SplittableRandom random = new SplittableRandom(seed);
        Sampler sampler = new Sampler();
        List<String> names = new ArrayList<>();
        int seen = 0;
        for (int i = 0; i < count; i++) {
            String name = CharVocabulary.LETTERS.decode(sampler.generate(model, LENGTH - 1, random));
            boolean known = trainNames.contains(name);
            seen += known ? 1 : 0;
            names.add((name.isEmpty() ? "(empty)" : name) + (known ? "*" : ""));
        }
        out.printf("%d names sampled (seed %d; * = in the training set):%n", count, seed);
        for (int from = 0; from < names.size(); from += 5) {
            StringBuilder line = new StringBuilder(" ");
            for (String name : names.subList(from, Math.min(names.size(), from + 5))) {
                line.append(String.format(" %-17s", name));
            }
            out.println(line.toString().stripTrailing());
        }
        out.printf("%d of the %d are in the training set, %d are new%n", seen, count, count - seen);
        return seen;
    }

    /**
     * The logits for the next token after a context, for a model that maps {@code (1, T)} tokens to
     * {@code (1, T, vocab)} scores: the last position's scores.
     */
    static Tensor lastLogits(Layer model, int[] context) {
        int steps = Math.min(context.length, LENGTH);
        double[] window = new double[steps];
        for (int t = 0; t < steps; t++) {
            window[t] = context[context.length - steps + t];
        }
        try (GradMode.Scope off = GradMode.off()) {
            Tensor logits = model.forward(Variable.of(Tensor.of(new double[][] {window}))).value();
            return logits.select(0, 0).select(0, steps - 1).copy();
        }
    }
}
