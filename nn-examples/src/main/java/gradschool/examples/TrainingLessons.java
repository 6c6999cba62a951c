package gradschool.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * The training runs on real and synthetic data (XOR, two moons, spirals, Iris, digits, MNIST).
 */
public final class TrainingLessons {

    private TrainingLessons() {
    }

    /**
     * Returns them in the order {@code list} shows.
     *
     * @return the lessons
     */
    public static List<Lesson> all() {
        List<Lesson> lessons = new ArrayList<>();
        return lessons;
    }
}
