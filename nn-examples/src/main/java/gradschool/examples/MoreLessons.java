package gradschool.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * The lessons beyond the seed notebooks: autograd, real datasets, training runs.
 */
public final class MoreLessons {

    private MoreLessons() {
    }

    /**
     * Returns them in the order {@code list} shows.
     *
     * @return the lessons
     */
    public static List<Lesson> all() {
        List<Lesson> lessons = new ArrayList<>(AutogradLessons.all());
        lessons.addAll(TrainingLessons.all());
        lessons.addAll(LanguageModelLessons.all());
        return lessons;
    }
}
