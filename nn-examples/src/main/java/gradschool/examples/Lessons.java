package gradschool.examples;

import gradschool.examples.seeds.SeedLessons;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every lesson the launcher knows, in the order {@code list} shows them.
 */
public final class Lessons {

    private Lessons() {
    }

    /**
     * Returns all lessons: the seed lessons first (the tour), then the rest.
     *
     * @return the lessons
     */
    public static List<Lesson> all() {
        List<Lesson> all = new ArrayList<>(SeedLessons.all());
        all.addAll(MoreLessons.all());
        return all;
    }

    /**
     * Finds a lesson by name.
     *
     * @param name the name
     * @return the lesson, if there is one
     */
    public static Optional<Lesson> named(String name) {
        return all().stream().filter(lesson -> lesson.name().equals(name)).findFirst();
    }

    /**
     * Runs one lesson with the standard context, for a lesson's own {@code main}.
     *
     * @param lesson the lesson
     * @throws Exception if it fails
     */
    public static void runStandalone(Lesson lesson) throws Exception {
        System.setProperty("java.awt.headless", "true"); // pictures are drawn off-screen, as from the launcher
        lesson.run(LessonContext.standard());
    }
}
