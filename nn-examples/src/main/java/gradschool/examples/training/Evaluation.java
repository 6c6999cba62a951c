package gradschool.examples.training;

import gradschool.autograd.GradMode;
import gradschool.core.Tensor;
import gradschool.data.LabeledData;
import gradschool.nn.ConfusionMatrix;
import gradschool.nn.Metrics;
import gradschool.nn.Layer;

/**
 * Asking a trained classifier for its answers: predicted classes, accuracy and a confusion matrix.
 *
 * <pre>{@code
 * Tensor predicted = Evaluation.predictClasses(model, test.features());   // (n,) class indices
 * double accuracy = Evaluation.accuracy(model, test);                       // in [0, 1]
 * System.out.println(Evaluation.confusionMatrix(model, test));             // rows = true class
 * }</pre>
 *
 * <p>Every method runs the model in evaluation mode ({@link Layer#eval()}, which matters for layers
 * such as dropout) and with gradient recording off, since nothing will be differentiated; the
 * model's training/evaluation mode is restored afterwards.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Returns the model's raw outputs for some inputs, without recording a graph.
     *
     * @param model the model
     * @param inputs {@code (n, features)}
     * @return the outputs, e.g. {@code (n, classes)} scores
     */
    public static Tensor outputs(Layer model, Tensor inputs) {
        boolean wasTraining = model.isTraining();
        model.eval();
        try (GradMode.Scope off = GradMode.off()) {
            return model.forward(inputs).value();
        } finally {
            if (wasTraining) {
                model.train();
            }
        }
    }

    /**
     * Returns the class the model predicts for each input.
     *
     * <ul>
     *   <li>A model with one output per class, {@code (n, classes)} with {@code classes >= 2}: the
     *       class with the largest score ({@link Metrics#predictions}).</li>
     *   <li>A binary model with a single output, {@code (n, 1)}, read as a logit (trained with
     *       {@code BCEWithLogitsLoss}): class 1 when the logit is above 0, i.e. when
     *       {@code σ(logit) > 0.5}, else class 0.</li>
     * </ul>
     *
     * @param model the model
     * @param inputs {@code (n, features)}
     * @return {@code (n,)} class indices as doubles
     * @throws IllegalArgumentException if the outputs are not of shape {@code (n, k)}
     */
    public static Tensor predictClasses(Layer model, Tensor inputs) {
        Tensor outputs = outputs(model, inputs);
        if (outputs.rank() != 2) {
            throw new IllegalArgumentException("predictClasses: the model's outputs must have shape (n, classes) "
                    + "or (n, 1), got " + outputs.shape());
        }
        if (outputs.dim(1) == 1) {
            return outputs.reshape(outputs.dim(0)).gt(0.0);
        }
        return Metrics.predictions(outputs);
    }

    /**
     * Returns the fraction of examples whose predicted class is their label.
     *
     * @param model the model
     * @param data features and class labels
     * @return accuracy in {@code [0, 1]}
     */
    public static double accuracy(Layer model, LabeledData data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("accuracy: the dataset is empty");
        }
        Tensor predicted = predictClasses(model, data.features());
        return predicted.eq(data.labels()).sum().item() / data.size();
    }

    /**
     * Counts (true class, predicted class) pairs, with the dataset's class names.
     *
     * @param model the model
     * @param data features, class labels and class names
     * @return the matrix; row = true class, column = predicted class
     */
    public static ConfusionMatrix confusionMatrix(Layer model, LabeledData data) {
        Tensor predicted = predictClasses(model, data.features());
        return ConfusionMatrix.of(predicted, data.labels(), data.classCount(), data.classNames());
    }
}
