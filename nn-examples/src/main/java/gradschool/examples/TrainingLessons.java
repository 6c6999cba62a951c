package gradschool.examples;

import gradschool.examples.training.CnnBatchNormLesson;
import gradschool.examples.training.CnnMnistLesson;
import gradschool.examples.training.DigitsLesson;
import gradschool.examples.training.IrisLesson;
import gradschool.examples.training.MnistLesson;
import gradschool.examples.training.SpiralsLesson;
import gradschool.examples.training.TwoMoonsLesson;
import gradschool.examples.training.XorLesson;
import java.util.List;

/**
 * The training runs on real and synthetic data (XOR, two moons, spirals, Iris, digits, MNIST with an MLP and with a CNN, with and without BatchNorm).
 */
public final class TrainingLessons {

    private TrainingLessons() {
    }

    /**
     * Returns them in the order {@code list} shows: from four points to 70,000 images.
     *
     * @return the lessons
     */
    public static List<Lesson> all() {
        return List.of(new XorLesson(), new TwoMoonsLesson(), new SpiralsLesson(), new IrisLesson(),
                new DigitsLesson(), new MnistLesson(), new CnnMnistLesson(),
                new CnnBatchNormLesson());
    }
}
