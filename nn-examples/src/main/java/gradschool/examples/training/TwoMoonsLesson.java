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
import gradschool.nn.Sequential;
import gradschool.nn.Tanh;
import gradschool.nn.Trainer;
import gradschool.optim.Adam;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Two moons: two interleaving half circles with noise, separated by a small MLP.
 *
 * <pre>
 * data      Synthetic.twoMoons(400 points, noise 0.2, seed 42), 25% held out for testing
 * model     2 → 16 → 16 → 2, tanh, one score per class
 * training  cross-entropy, Adam (learning rate 0.01), batches of 32
 * </pre>
 *
 * <p>A straight line gets about 85% of these points right; the curved boundary in the picture is
 * what the hidden layers buy. With noise 0.2 the moons overlap a little, so a few test points are
 * on the wrong side of any sensible boundary: 100% test accuracy would be suspicious.
 *
 * <p>Look at the curves: after about 30 epochs the validation loss creeps up again while the
 * training loss keeps falling. The network has started to fit the noise of its 300 training points
 * (over-fitting), even though the validation accuracy hardly moves.
 */
public final class TwoMoonsLesson implements Lesson {

    /** Epochs of the full run. */
    static final int EPOCHS = 100;

    /** Epochs of the smoke run. */
    static final int SMOKE_EPOCHS = 15;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new TwoMoonsLesson());
    }

    @Override
    public String name() {
        return "two-moons";
    }

    @Override
    public String description() {
        return "Two moons with a 2-16-16-2 MLP: test accuracy, loss curve, decision boundary";
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        LabeledData moons = Synthetic.twoMoons(400, 0.2, 42);
        Split.TrainTest parts = Split.trainTest(moons, 0.25, 42);
        out.println("data: " + moons + ", split " + parts);

        Init.manualSeed(42);
        Sequential model = new Sequential(
                new Linear(2, 16), new Tanh(),
                new Linear(16, 16), new Tanh(),
                new Linear(16, 2));
        out.println(model);

        DataLoader train = DataLoader.of(TensorDataset.of(parts.train())).batchSize(32).shuffle(42);
        DataLoader test = DataLoader.of(TensorDataset.of(parts.test())).batchSize(parts.test().size());
        int epochs = context.smoke() ? SMOKE_EPOCHS : EPOCHS;
        History history = Trainer.of(model, new CrossEntropyLoss(), new Adam(model.parameters(), 0.01))
                .epochs(epochs)
                .validation(test)
                .progress(Trainer.Progress.QUIET)
                .onEpochEnd(epoch -> {
                    if (epoch.number() == 1 || epoch.number() % 10 == 0 || epoch.number() == epochs) {
                        out.println(epoch);
                    }
                })
                .fit(train);

        out.printf("train accuracy: %.1f%%%n", 100 * Evaluation.accuracy(model, parts.train()));
        out.printf("test accuracy:  %.1f%%%n", 100 * Evaluation.accuracy(model, parts.test()));

        Path curves = context.output("two-moons-curves.png");
        TrainingCurves.write(history, "Two moons", curves);
        Path boundary = context.output("two-moons-boundary.png");
        DecisionBoundary.write(model, moons, "Two moons: decision boundary (all 400 points)", boundary);
        out.println("wrote " + curves);
        out.println("wrote " + boundary);
    }
}
