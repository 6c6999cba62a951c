package gradschool.nn;

import com.google.common.base.Stopwatch;
import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.data.Batch;
import gradschool.data.DataLoader;
import gradschool.optim.Optimizer;
import java.io.PrintStream;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A small training loop with progress, history and early stopping.
 *
 * <pre>{@code
 * History history = Trainer.of(model, new CrossEntropyLoss(), new Adam(model.parameters()))
 *         .epochs(5)
 *         .validation(testLoader)
 *         .fit(trainLoader);
 * }</pre>
 *
 * <p>Inside, each batch does exactly the explicit loop that the docs teach, and that you can write
 * yourself:
 * <pre>{@code
 * Variable output = model.forward(batch.inputs());      // forward
 * Variable loss = lossFunction.forward(output, batch.targets());
 * optimizer.zeroGrad();                                  // forget last step's gradients
 * loss.backward();                                       // dL/dp for every parameter
 * optimizer.step();                                      // update
 * }</pre>
 *
 * <p>Progress: on a terminal, a progress bar per epoch (the {@code me.tongfei:progressbar} library);
 * otherwise (a pipe, a log file, CI) one plain line per epoch. Classification is recognised by
 * outputs of shape {@code (batch, classes)} with targets of shape {@code (batch,)}; then accuracy is
 * reported too.
 */
public final class Trainer {

    /** How progress is shown. */
    public enum Progress {
        /** A bar on a terminal, lines otherwise. */
        AUTO,
        /** Always a bar. */
        BAR,
        /** One line per epoch. */
        LINES,
        /** Nothing. */
        QUIET
    }

    private final Layer model;
    private final Loss loss;
    private final Optimizer optimizer;
    private int epochs = 1;
    private DataLoader validation;
    private int patience = -1;
    private double minDelta;
    private Progress progress = Progress.AUTO;
    private PrintStream out = System.out;
    private Consumer<History.Epoch> onEpochEnd = epoch -> { };

    private Trainer(Layer model, Loss loss, Optimizer optimizer) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
    }

    /**
     * Starts configuring a training run.
     *
     * @param model the model to train
     * @param loss the loss to minimise
     * @param optimizer the optimizer over the model's parameters
     * @return the trainer
     * @throws IllegalArgumentException naming the argument that is null
     */
    public static Trainer of(Layer model, Loss loss, Optimizer optimizer) {
        if (model == null || loss == null || optimizer == null) {
            throw new IllegalArgumentException("Trainer.of: the "
                    + (model == null ? "model" : loss == null ? "loss" : "optimizer") + " is null");
        }
        return new Trainer(model, loss, optimizer);
    }

    /**
     * Sets the number of epochs (passes over the training data).
     *
     * @param count at least 1
     * @return this trainer
     */
    public Trainer epochs(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Trainer: epochs must be at least 1, got " + count);
        }
        this.epochs = count;
        return this;
    }

    /**
     * Evaluates on this data after every epoch.
     *
     * @param loader the validation batches
     * @return this trainer
     */
    public Trainer validation(DataLoader loader) {
        this.validation = loader;
        return this;
    }

    /**
     * Stops when the monitored loss (validation loss if there is validation data, else training loss)
     * has not improved by more than {@code minDelta} for {@code patience} epochs in a row.
     *
     * @param patience epochs to wait, at least 1
     * @param minDelta the smallest decrease that counts as an improvement
     * @return this trainer
     */
    public Trainer earlyStopping(int patience, double minDelta) {
        if (patience < 1 || minDelta < 0) {
            throw new IllegalArgumentException("Trainer: early stopping needs patience >= 1 and minDelta >= 0, got "
                    + patience + " and " + minDelta);
        }
        this.patience = patience;
        this.minDelta = minDelta;
        return this;
    }

    /**
     * Chooses how progress is shown.
     *
     * @param mode the mode
     * @return this trainer
     */
    public Trainer progress(Progress mode) {
        this.progress = mode;
        return this;
    }

    /**
     * Sets where progress lines are printed (standard output by default).
     *
     * @param stream the stream
     * @return this trainer
     */
    public Trainer printTo(PrintStream stream) {
        this.out = stream;
        return this;
    }

    /**
     * Calls a function after every epoch (e.g. to step a learning-rate schedule or draw a plot).
     *
     * @param callback receives the epoch's figures
     * @return this trainer
     */
    public Trainer onEpochEnd(Consumer<History.Epoch> callback) {
        this.onEpochEnd = callback;
        return this;
    }

    /**
     * Trains for the configured number of epochs (or until early stopping).
     *
     * @param train the training batches
     * @return the history
     * @throws IllegalArgumentException before training, if {@code train} is null or it or the
     *     validation loader gives no batches (an empty dataset, or {@code dropLast} with fewer samples
     *     than one batch): the mean loss of no batches would be NaN
     */
    public History fit(DataLoader train) {
        if (train == null) {
            throw new IllegalArgumentException("Trainer.fit: the training loader is null");
        }
        checkHasBatches("Trainer.fit: the training loader", train);
        if (validation != null) {
            checkHasBatches("Trainer.fit: the validation loader", validation);
        }
        History history = new History();
        double best = Double.POSITIVE_INFINITY;
        int epochsWithoutImprovement = 0;
        boolean bar = progress == Progress.BAR || (progress == Progress.AUTO && System.console() != null);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Stopwatch stopwatch = Stopwatch.createStarted();
            Totals totals = new Totals();
            model.train();
            try (ProgressBar progressBar = bar ? newBar(epoch, train.batchCount()) : null) {
                for (Batch batch : train) {
                    trainStep(batch, totals);
                    if (progressBar != null) {
                        progressBar.step();
                        progressBar.setExtraMessage(String.format(" loss %.4f", totals.meanLoss()));
                    }
                }
            }
            Totals validationTotals = validation == null ? null : evaluate(model, loss, validation);
            History.Epoch record = new History.Epoch(epoch, totals.meanLoss(), totals.accuracy(),
                    validationTotals == null ? Double.NaN : validationTotals.meanLoss(),
                    validationTotals == null ? Double.NaN : validationTotals.accuracy(),
                    stopwatch.elapsed().toNanos() / 1e9, optimizer.learningRate());
            history.add(record);
            if (progress != Progress.QUIET) {
                out.println(record);
            }
            onEpochEnd.accept(record);
            double monitored = validationTotals == null ? record.trainLoss() : record.validationLoss();
            if (monitored < best - minDelta) {
                best = monitored;
                epochsWithoutImprovement = 0;
            } else if (patience > 0 && ++epochsWithoutImprovement >= patience && epoch < epochs) {
                history.markStoppedEarly();
                break;
            }
        }
        return history;
    }

    private static void checkHasBatches(String what, DataLoader loader) {
        if (loader.batchCount() == 0) {
            String why = loader.dataset().size() == 0 ? "its dataset is empty"
                    : "its dataset has fewer samples than one batch and dropLast() drops the partial batch";
            throw new IllegalArgumentException(what + " gives no batches: " + why + " (" + loader
                    + "); a mean loss over no batches would be NaN");
        }
    }

    /** One optimisation step on one batch: the explicit loop of the class javadoc. */
    private void trainStep(Batch batch, Totals totals) {
        Variable output = model.forward(batch.inputs());
        Variable lossValue = loss.forward(output, batch.targets());
        optimizer.zeroGrad();
        lossValue.backward();
        optimizer.step();
        totals.add(lossValue.item(), output, batch);
    }

    private static ProgressBar newBar(int epoch, int batches) {
        return new ProgressBarBuilder().setTaskName("epoch " + epoch).setInitialMax(batches)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build();
    }

    /**
     * Computes the mean loss (and accuracy, for classification) of a model on some data, in
     * evaluation mode and without recording gradients.
     *
     * @param model the model
     * @param loss the loss
     * @param data the batches
     * @return the totals
     * @throws IllegalArgumentException if {@code data} gives no batches (its mean loss would be NaN)
     */
    public static Totals evaluate(Layer model, Loss loss, DataLoader data) {
        if (data == null) {
            throw new IllegalArgumentException("Trainer.evaluate: the data loader is null");
        }
        checkHasBatches("Trainer.evaluate: the data loader", data);
        Totals totals = new Totals();
        boolean wasTraining = model.isTraining();
        model.eval();
        try (GradMode.Scope off = GradMode.off()) {
            for (Batch batch : data) {
                Variable output = model.forward(batch.inputs());
                totals.add(loss.forward(output, batch.targets()).item(), output, batch);
            }
        } finally {
            if (wasTraining) {
                model.train();
            }
        }
        return totals;
    }

    /** Running sums over batches: loss weighted by batch size, and correct predictions. */
    public static final class Totals {
        private double lossSum;
        private long samples;
        private long correct;
        private boolean classification = true;

        void add(double batchLoss, Variable output, Batch batch) {
            lossSum += batchLoss * batch.size();
            samples += batch.size();
            if (output.rank() == 2 && batch.targets().rank() == 1) {
                correct += Metrics.correctCount(output.value(), batch.targets());
            } else {
                classification = false;
            }
        }

        /**
         * Returns the mean loss per sample.
         *
         * @return the loss
         */
        public double meanLoss() {
            return samples == 0 ? Double.NaN : lossSum / samples;
        }

        /**
         * Returns the accuracy, or NaN if the outputs are not class scores.
         *
         * @return the accuracy
         */
        public double accuracy() {
            return classification && samples > 0 ? (double) correct / samples : Double.NaN;
        }

        /**
         * Returns the number of samples seen.
         *
         * @return the count
         */
        public long samples() {
            return samples;
        }

        /**
         * Returns e.g. {@code "loss 0.0623, accuracy 98.11% (10000 samples)"}.
         *
         * @return the text
         */
        @Override
        public String toString() {
            String accuracy = Double.isNaN(accuracy()) ? "" : String.format(", accuracy %.2f%%", 100 * accuracy());
            return String.format("loss %.4f%s (%d samples)", meanLoss(), accuracy, samples);
        }
    }
}
