package gradschool.examples;

import java.util.List;

/**
 * A runnable lesson: a name for the launcher, a one-line description, and what it does.
 *
 * <p>Each lesson is a class with its own {@code main}, so it can also be run on its own from an IDE.
 */
public interface Lesson {

    /**
     * Returns the name used on the command line, e.g. {@code "matrix-basics"}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns a one-line description for {@code list}.
     *
     * @return the description
     */
    String description();

    /**
     * Returns the dataset files the lesson reads, relative to the data folder, e.g.
     * {@code "iris/iris.csv"}: the launcher checks that they are there before it runs the lesson.
     *
     * @return the files (none, by default)
     */
    default List<String> dataFiles() {
        return List.of();
    }

    /**
     * Runs the lesson, printing to the context's output and writing files under its output folder.
     *
     * @param context where to print, where the data is, where to write, and whether to run a quick smoke version
     * @throws Exception if the lesson fails (for example, a dataset file is missing)
     */
    void run(LessonContext context) throws Exception;
}
