package gradschool.examples.training;

import gradschool.data.DataLoader;
import gradschool.data.LabeledData;
import gradschool.data.Split;
import gradschool.data.Synthetic;
import gradschool.data.TensorDataset;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import gradschool.examples.plot.DecisionBoundary;
import gradschool.examples.plot.TrainingCurves;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.History;
import gradschool.nn.Init;
import gradschool.nn.Linear;
import gradschool.nn.ReLU;
import gradschool.nn.Sequential;
import gradschool.nn.Trainer;
import gradschool.optim.Adam;
import gradschool.optim.CosineAnnealing;
import gradschool.optim.LearningRateSchedule;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Three spirals: the CS231n toy problem, where each class is an arm winding twice around the origin.
 *
 * <pre>
 * data      Synthetic.spirals(100 points per arm, 3 arms, angle noise 0.2, seed 7), 20% held out
 * model     2 → 64 → 64 → 3, ReLU, one score per class
 * training  cross-entropy, Adam, batches of 32; the learning rate falls from 0.01 to 0.0001 along
 *           a cosine (CosineAnnealing), so the late epochs settle instead of bouncing around
 * </pre>
 *
 * <p>A linear classifier gets about a third of these points right. The network needs more units
 * and more epochs than for two moons, and its decision boundary — pieces of straight lines, because
 * ReLU networks are piecewise linear — has to follow the arms around.
 */
public final class SpiralsLesson implements Lesson {

    /** Epochs of the full run. */
    static final int EPOCHS = 400;

    /** Epochs of the smoke run. */
    static final int SMOKE_EPOCHS = 15;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new SpiralsLesson());
    }

    @Override
    public String name() {
        return "spirals";
    }

    @Override
    public String description() {
        return "Three spirals with a 2-64-64-3 ReLU MLP: test accuracy, loss curve, decision boundary";
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        LabeledData spirals = Synthetic.spirals(100, 3, 0.2, 7);
        Split.TrainTest parts = Split.trainTest(spirals, 0.2, 7);
        out.println("data: " + spirals + ", split " + parts);

        Init.manualSeed(7);
        Sequential model = new Sequential(
                new Linear(2, 64), new ReLU(),
                new Linear(64, 64), new ReLU(),
                new Linear(64, 3));
        out.println(model);

        DataLoader train = DataLoader.of(TensorDataset.of(parts.train())).batchSize(32).shuffle(7);
        DataLoader test = DataLoader.of(TensorDataset.of(parts.test())).batchSize(parts.test().size());
        int epochs = context.smoke() ? SMOKE_EPOCHS : EPOCHS;
        Adam optimizer = new Adam(model.parameters(), 0.01);
        LearningRateSchedule schedule = new CosineAnnealing(optimizer, epochs, 1e-4);
        History history = Trainer.of(model, new CrossEntropyLoss(), optimizer)
                .epochs(epochs)
                .validation(test)
                .progress(Trainer.Progress.QUIET)
                .onEpochEnd(epoch -> {
                    schedule.step();
                    if (epoch.number() == 1 || epoch.number() % 50 == 0 || epoch.number() == epochs) {
                        out.println(epoch);
                    }
                })
                .fit(train);

        out.printf("train accuracy: %.1f%%%n", 100 * Evaluation.accuracy(model, parts.train()));
        out.printf("test accuracy:  %.1f%%%n", 100 * Evaluation.accuracy(model, parts.test()));

        Path curves = context.output("spirals-curves.png");
        TrainingCurves.write(history, "Spirals", curves);
        Path boundary = context.output("spirals-boundary.png");
        DecisionBoundary.write(model, spirals, "Spirals: decision boundary (all 300 points)", boundary);
        out.println("wrote " + curves);
        out.println("wrote " + boundary);
    }
}
