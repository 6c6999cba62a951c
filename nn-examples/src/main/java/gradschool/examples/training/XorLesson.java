package gradschool.examples.training;

import gradschool.core.Tensor;
import gradschool.data.DataLoader;
import gradschool.data.LabeledData;
import gradschool.data.Synthetic;
import gradschool.data.TensorDataset;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import gradschool.examples.plot.DecisionBoundary;
import gradschool.examples.plot.TrainingCurves;
import gradschool.nn.BCEWithLogitsLoss;
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
 * XOR: the four-point problem that no single straight line can separate, solved by a 2-4-1 network.
 *
 * <pre>
 * x1 x2 | x1 XOR x2
 *  0  0 |     0
 *  0  1 |     1
 *  1  0 |     1
 *  1  1 |     0
 * </pre>
 *
 * <p>The hidden layer of four tanh units bends the plane so that the output unit can cut it with one
 * line. The output is a single logit {@code z}; {@code σ(z)} is the probability of class 1 and the
 * loss is {@link BCEWithLogitsLoss}. All four points form one batch, so every epoch is one gradient
 * step of Adam. The lesson prints the predictions table and writes the loss curve and the decision
 * boundary.
 */
public final class XorLesson implements Lesson {

    /** Epochs (= gradient steps, with the whole dataset as one batch). */
    static final int EPOCHS = 500;

    /** Adam's step size: large, because the problem is tiny and the batch is exact. */
    static final double LEARNING_RATE = 0.05;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new XorLesson());
    }

    @Override
    public String name() {
        return "xor";
    }

    @Override
    public String description() {
        return "XOR with a 2-4-1 network: predictions table, loss curve, decision boundary";
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        LabeledData xor = Synthetic.xor();
        // BCEWithLogitsLoss wants targets of the prediction's shape, (4, 1): one column, like the output.
        Tensor targets = xor.labels().reshape(4, 1);
        DataLoader allFourPoints = DataLoader.of(new TensorDataset(xor.features(), targets)).batchSize(4);

        Init.manualSeed(1);
        Sequential model = new Sequential(new Linear(2, 4), new Tanh(), new Linear(4, 1));
        out.println(model);

        // The run is tiny (4 points), so the smoke run trains exactly as long as the full one.
        History history = Trainer.of(model, new BCEWithLogitsLoss(), new Adam(model.parameters(), LEARNING_RATE))
                .epochs(EPOCHS)
                .progress(Trainer.Progress.QUIET)
                .onEpochEnd(epoch -> {
                    if (epoch.number() == 1 || epoch.number() % 100 == 0) {
                        out.printf("epoch %3d: loss %.5f%n", epoch.number(), epoch.trainLoss());
                    }
                })
                .fit(allFourPoints);

        out.println();
        out.println("x1  x2 | target | σ(z)    predicted");
        double[][] inputs = xor.features().to2DArray();
        double[] labels = xor.labels().toDoubleArray();
        double[] probabilities = Evaluation.outputs(model, xor.features()).sigmoid().toDoubleArray();
        double[] predicted = Evaluation.predictClasses(model, xor.features()).toDoubleArray();
        for (int i = 0; i < inputs.length; i++) {
            out.printf("%2.0f  %2.0f |   %1.0f    | %.4f  %1.0f%n",
                    inputs[i][0], inputs[i][1], labels[i], probabilities[i], predicted[i]);
        }
        out.printf("accuracy: %.0f%%%n", 100 * Evaluation.accuracy(model, xor));

        Path curve = context.output("xor-loss.png");
        TrainingCurves.write(history, "XOR", curve);
        Path boundary = context.output("xor-boundary.png");
        DecisionBoundary.write(model, xor, "XOR: what the 2-4-1 network learnt", boundary);
        out.println("wrote " + curve);
        out.println("wrote " + boundary);
    }
}
