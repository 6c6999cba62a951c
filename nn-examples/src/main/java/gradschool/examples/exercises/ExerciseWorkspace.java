package gradschool.examples.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
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

    private final Path exercisesFolder;
    private final Path outputFolder;

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
            verdict = Grader.grade(exercise, studentClass);
        } catch (ExerciseCompiler.CompileError e) {
            verdict = new Verdict(exercise.name(), Mistake.COMPILE_ERROR, e.lines());
        } finally {
            deleteRecursively(classes);
        }
        record(exercise, verdict.mistake());
        return verdict;
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

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
