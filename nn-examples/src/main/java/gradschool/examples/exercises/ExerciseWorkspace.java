package gradschool.examples.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The student's side of the exercises: the folder of files they edit, the starting text of each
 * (kept in the jar, for {@code exercise reset}), and their progress, a small file in the output folder.
 *
 * <pre>{@code
 * ExerciseWorkspace workspace = new ExerciseWorkspace(Path.of("exercises"), Path.of("gradschool-output"));
 * Verdict verdict = workspace.check(Exercises.named("mul").orElseThrow());
 * }</pre>
 */
public final class ExerciseWorkspace {

    /** Where the starting texts are, as class-path resources: {@code …/starting/MulBackward.java}. */
    static final String STARTING_RESOURCES = "/gradschool/examples/exercises/starting/";

    /** The progress file, below the output folder. */
    static final String PROGRESS_FILE = "exercises/progress.properties";

    /** How long one exercise's grading may take by default. */
    static final long DEFAULT_TIME_LIMIT_MILLIS = 60_000;

    private final Path exercisesFolder;
    private final Path outputFolder;
    private long timeLimitMillis = DEFAULT_TIME_LIMIT_MILLIS;

    /**
     * Makes a workspace.
     *
     * @param exercisesFolder the folder holding {@code src/gradschool/exercises/} (the repository's {@code exercises/})
     * @param outputFolder    the output folder; progress goes to {@code exercises/progress.properties} in it
     */
    public ExerciseWorkspace(Path exercisesFolder, Path outputFolder) {
        this.exercisesFolder = exercisesFolder;
        this.outputFolder = outputFolder;
    }

    /**
     * Returns the student's file of an exercise.
     *
     * @param exercise the exercise
     * @return e.g. {@code exercises/src/gradschool/exercises/MulBackward.java}
     */
    public Path file(Exercise exercise) {
        return exercisesFolder.resolve(exercise.relativeFile());
    }

    /**
     * Compiles and grades the student's file of an exercise, and records the verdict in the progress
     * file. A missing file is first restored to its starting text.
     *
     * @param exercise the exercise
     * @return the verdict (a compile error is a verdict too, with javac's messages)
     * @throws IOException if a file cannot be read or written
     */
    public Verdict check(Exercise exercise) throws IOException {
        Path file = file(exercise);
        if (!Files.exists(file)) {
            reset(exercise);
        }
        Path classes = Files.createTempDirectory("gradschool-exercise-");
        Verdict verdict;
        try {
            Class<?> studentClass = ExerciseCompiler.compileAndLoad(file, Exercises.STUDENT_PACKAGE + "."
                    + exercise.className(), classes);
            try (URLClassLoader loader = (URLClassLoader) studentClass.getClassLoader()) {
                verdict = gradeWithinTheTimeLimit(exercise, studentClass);
            }
        } catch (ExerciseCompiler.CompileError e) {
            verdict = new Verdict(exercise.name(), Mistake.COMPILE_ERROR, e.lines());
        } finally {
            deleteQuietly(classes);
        }
        record(exercise, verdict.mistake());
        return verdict;
    }

    /**
     * Returns a copy of this workspace that gives the student's code another time limit.
     *
     * @param seconds how long one exercise's grading may take
     * @return the copy
     */
    public ExerciseWorkspace withTimeLimit(double seconds) {
        ExerciseWorkspace copy = new ExerciseWorkspace(exercisesFolder, outputFolder);
        copy.timeLimitMillis = (long) (seconds * 1000);
        return copy;
    }

    /**
     * Grades on a thread of its own, so that an endless loop in the student's code ends in a verdict
     * instead of a hang. The thread is a daemon and is interrupted at the time limit; code that never
     * looks at its interrupt flag keeps running until the launcher exits.
     */
    private Verdict gradeWithinTheTimeLimit(Exercise exercise, Class<?> studentClass) {
        FutureTask<Verdict> grading = new FutureTask<>(() -> Grader.grade(exercise, studentClass));
        Thread thread = new Thread(grading, "grading " + exercise.name());
        thread.setDaemon(true);
        thread.start();
        try {
            return grading.get(timeLimitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            return new Verdict(exercise.name(), Mistake.TOO_SLOW, List.of("grading did not finish within "
                    + timeLimitMillis / 1000.0 + " s: does your backward loop forever? (the grader's cases are small:"
                    + " a right rule takes well under a second)"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return new Verdict(exercise.name(), Mistake.TOO_SLOW, List.of("grading was interrupted"));
        }
    }

    /**
     * Overwrites the student's file of an exercise with its starting text.
     *
     * @param exercise the exercise
     * @return the file
     * @throws IOException if it cannot be written
     */
    public Path reset(Exercise exercise) throws IOException {
        Path file = file(exercise);
        Files.createDirectories(file.getParent());
        Files.writeString(file, startingText(exercise), StandardCharsets.UTF_8);
        record(exercise, Mistake.NOT_STARTED);
        return file;
    }

    /**
     * Returns the starting text of an exercise file, as shipped in the jar.
     *
     * @param exercise the exercise
     * @return the text of {@code ClassName.java}, unsolved
     */
    public static String startingText(Exercise exercise) {
        String resource = STARTING_RESOURCES + exercise.className() + ".java";
        try (InputStream in = ExerciseWorkspace.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the starting text " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the last verdict of every exercise checked so far.
     *
     * @return exercise name → what its last check found (absent if never checked)
     * @throws IOException if the progress file exists but cannot be read
     */
    public Map<String, Mistake> progress() throws IOException {
        Map<String, Mistake> result = new LinkedHashMap<>();
        Properties saved = load();
        for (Exercise exercise : Exercises.all()) {
            String value = saved.getProperty(exercise.name());
            if (value != null) {
                try {
                    result.put(exercise.name(), Mistake.valueOf(value));
                } catch (IllegalArgumentException e) {
                    // a value from another version of gradschool: as if never checked
                }
            }
        }
        return result;
    }

    /**
     * Returns the progress file.
     *
     * @return {@code OUT/exercises/progress.properties}
     */
    public Path progressFile() {
        return outputFolder.resolve(PROGRESS_FILE);
    }

    private Properties load() throws IOException {
        Properties saved = new Properties();
        Path file = progressFile();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                saved.load(in);
            }
        }
        return saved;
    }

    private void record(Exercise exercise, Mistake mistake) throws IOException {
        Properties saved = load();
        saved.setProperty(exercise.name(), mistake.name());
        Files.createDirectories(progressFile().getParent());
        try (Writer out = Files.newBufferedWriter(progressFile(), StandardCharsets.UTF_8)) {
            saved.store(out, "gradschool exercises: the last verdict of each ('./gradschool exercise list')");
        }
    }

    /** Deletes the compiled classes; a file that cannot be deleted now is left to the system's temp cleaning. */
    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // not worth failing a check over: the folder is in the system's temporary folder
        }
    }
}
