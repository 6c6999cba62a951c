package gradschool.examples.language;

import gradschool.autograd.Variable;
import gradschool.data.CharVocabulary;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.nn.Embedding;
import gradschool.nn.Init;
import gradschool.nn.Layer;
import gradschool.nn.Linear;
import gradschool.nn.Recurrent;
import gradschool.nn.RecurrentCell;
import gradschool.optim.AdamW;
import java.io.PrintStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What {@code rnn-names} and {@code gru-names} share: makemore's recurrent language model with a cell
 * of the subclass's choice, trained and evaluated the same way.
 *
 * <pre>
 * model     Embedding(27, 64) → Recurrent(cell 64 → 64), from a zero state → Linear(64, 27)
 * training  AdamW (weight decay 0.01, betas 0.9/0.99), batches of 64 names drawn with replacement
 *           (seed 0); lr up to 3e-3 over 50 steps, then a cosine to 1e-4; 1,500 steps
 * </pre>
 *
 * <p>The sizes are makemore's ({@code n_embd = n_embd2 = 64}). Two differences from makemore: its
 * cells are its own ({@code tanh(Linear(cat(x, h)))} for the RNN; the GRU likewise from one
 * concatenation), while these are PyTorch's {@code nn.RNNCell}/{@code nn.GRUCell}, the same functions
 * with the weight split in {@code W_ih} and {@code W_hh} and two biases; and makemore learns the
 * starting state, where these start from zeros. makemore trains with a constant 5e-4 for as long as
 * one lets it, in batches of 32; here the run is a fixed 1,500 steps of 64 names (about 3.7 passes over
 * the training names), so a higher rate with a decay does better in the same steps. The batch is twice
 * makemore's because at these sizes a step's time is mostly the fixed cost of its ~200 small ops, so 64
 * names cost little more than 32 (the loss is the mean per character either way).
 */
abstract class RecurrentNamesLesson implements Lesson {

    /** Steps of the full run. */
    static final int STEPS = 1_500;

    /** Steps of the smoke run. */
    static final int SMOKE_STEPS = 20;

    /** Names per step. */
    static final int BATCH_SIZE = 64;

    /** Embedding and hidden sizes: makemore's. */
    static final int EMBEDDING = 64;
    static final int HIDDEN = 64;

    /** The learning-rate schedule. */
    static final double PEAK_LEARNING_RATE = 3e-3;
    static final double FINAL_LEARNING_RATE = 1e-4;
    static final int WARMUP_STEPS = 50;

    /** Steps between two printed losses (full run). */
    static final int EVALUATION_INTERVAL = 250;

    /** Seeds: the weights, the batches, the samples. */
    static final long SEED = 0;

    /** The model: tokens {@code (B, T)} → embedding → recurrent layer → logits {@code (B, T, 27)}. */
    static final class Model extends Layer {
        private final Embedding embedding;
        private final Recurrent recurrent;
        private final Linear head;

        Model(RecurrentCell cell) {
            this.embedding = registerLayer("wte", new Embedding(CharVocabulary.LETTERS.size(), EMBEDDING));
            this.recurrent = registerLayer("rnn", new Recurrent(cell));
            this.head = registerLayer("lm_head", new Linear(HIDDEN, CharVocabulary.LETTERS.size()));
        }

        @Override
        public Variable forward(Variable tokens) {
            return head.forward(recurrent.forward(embedding.forward(tokens)));
        }
    }

    /** Makes the cell, {@code EMBEDDING → HIDDEN}, from {@link Init#generator()}. */
    abstract RecurrentCell newCell();

    @Override
    public List<String> dataFiles() {
        return NameSequences.dataFiles();
    }

    /** The learning rate of step {@code step} (1-based) of {@code steps}. */
    static double learningRate(int step, int steps) {
        return NameSequences.warmupThenCosine(step, steps, WARMUP_STEPS, PEAK_LEARNING_RATE, FINAL_LEARNING_RATE);
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        boolean smoke = context.smoke();
        NameSequences data = NameSequences.read(context);

        Init.manualSeed(SEED);
        Model model = new Model(newCell());
        out.println(model);
        out.printf("%,d parameters%n", model.parameterCount());
        AdamW optimizer = new AdamW(model.parameters(), PEAK_LEARNING_RATE).withWeightDecay(0.01)
                .withBetas(0.9, 0.99).withEpsilon(1e-8);

        int steps = smoke ? SMOKE_STEPS : STEPS;
        int interval = smoke ? 10 : EVALUATION_INTERVAL;
        int devRows = smoke ? 100 : Integer.MAX_VALUE;
        out.printf("training %,d steps of %d names; AdamW, lr warm-up to %.0e, cosine to %.0e; weight decay 0.01%n",
                steps, BATCH_SIZE, PEAK_LEARNING_RATE, FINAL_LEARNING_RATE);
        out.println(" step |       lr | train loss | dev loss | train s");
        SplittableRandom batches = new SplittableRandom(SEED);
        double trainingNanos = 0;
        double intervalLoss = 0;
        for (int step = 1; step <= steps; step++) {
            optimizer.setLearningRate(learningRate(step, steps));
            long before = System.nanoTime();
            intervalLoss += data.step(model, optimizer, NameSequences.drawBatch(batches, data.train.size(), BATCH_SIZE));
            trainingNanos += System.nanoTime() - before;
            if (step % interval == 0 || step == steps) {
                int since = step % interval == 0 ? interval : step % interval;
                out.printf("%5d | %.2e | %10.4f | %8.4f | %7.1f%n", step, optimizer.learningRate(), intervalLoss / since,
                        data.meanLoss(model, data.dev, devRows), trainingNanos / 1e9);
                intervalLoss = 0;
            }
        }
        out.printf("trained %,d steps in %.1f s (%.1f steps/s)%n", steps, trainingNanos / 1e9, steps / (trainingNanos / 1e9));
        double train = data.meanLoss(model, data.train, smoke ? 500 : Integer.MAX_VALUE);
        double dev = data.meanLoss(model, data.dev, smoke ? 500 : Integer.MAX_VALUE);
        out.printf("train loss %.4f, dev loss %.4f%s (%s)%n", train, dev,
                smoke ? " on the first 500 names of each" : "", reference());
        out.println();
        data.printSamples(context1 -> NameSequences.lastLogits(model, context1), 10, SEED, out);
    }

    /** What to print beside the losses as the reference. */
    abstract String reference();
}
