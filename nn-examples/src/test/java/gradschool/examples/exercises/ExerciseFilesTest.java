package gradschool.examples.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exercise file: the copy in the repository's {@code exercises/} is the starting text shipped in
 * the jar; it compiles and starts unsolved; and with the reference rule pasted in (kept here, in test
 * resources, never in the exercise files) it passes.
 */
class ExerciseFilesTest {

    /** The line of every exercise file that the student replaces. */
    static final String MARKER = "throw new NotDoneYet();";

    static Path repositoryExercises() {
        return Path.of("..").toAbsolutePath().normalize().resolve("exercises");
    }

    static String solution(Exercise exercise) throws IOException {
        try (InputStream in = ExerciseFilesTest.class.getResourceAsStream(
                "/gradschool/examples/exercises/solutions/" + exercise.className() + ".txt")) {
            assertThat(in).as("the reference rule of " + exercise.name()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The starting text with the marker line replaced by the reference rule. */
    static String solved(Exercise exercise) throws IOException {
        String text = ExerciseWorkspace.startingText(exercise);
        List<String> lines = text.lines().toList();
        StringBuilder result = new StringBuilder();
        for (String line : lines) {
            result.append(line.trim().equals(MARKER) ? solution(exercise) : line + "\n");
        }
        return result.toString();
    }

    @Test
    void theRepositorysExerciseFilesAreTheStartingTextsShippedInTheJar() throws IOException {
        for (Exercise exercise : Exercises.all()) {
            Path file = repositoryExercises().resolve(exercise.relativeFile());
            assertThat(file).as(exercise.name()).isRegularFile();
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(exercise.name())
                    .isEqualTo(ExerciseWorkspace.startingText(exercise));
        }
        try (Stream<Path> files = Files.list(repositoryExercises().resolve("src/gradschool/exercises"))) {
            assertThat(files.count()).as("a file for each exercise, and no other").isEqualTo(Exercises.all().size());
        }
    }

    @Test
    void everyStartingTextHasOneMarkerAndNoReferenceRule() throws IOException {
        for (Exercise exercise : Exercises.all()) {
            String text = ExerciseWorkspace.startingText(exercise);
            assertThat(text.lines().filter(line -> line.trim().equals(MARKER)).count()).as(exercise.name()).isEqualTo(1);
            for (String line : solution(exercise).lines().toList()) {
                if (line.contains("return")) {
                    assertThat(text).as(exercise.name() + " gives its answer away").doesNotContain(line.trim());
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExerciseStartsUnsolvedAndPassesWithTheReferenceRule(@TempDir Path folder) {
        return Exercises.all().stream().map(exercise -> DynamicTest.dynamicTest(exercise.name(), () -> {
            Path untouched = folder.resolve(exercise.name() + "-untouched");
            ExerciseWorkspace start = new ExerciseWorkspace(untouched, untouched.resolve("out"));
            start.reset(exercise);
            Verdict unsolved = start.check(exercise);
            assertThat(unsolved.mistake()).as(unsolved.text()).isEqualTo(Mistake.NOT_STARTED);

            Path pasted = folder.resolve(exercise.name() + "-solved");
            ExerciseWorkspace workspace = new ExerciseWorkspace(pasted, pasted.resolve("out"));
            Files.createDirectories(workspace.file(exercise).getParent());
            Files.writeString(workspace.file(exercise), solved(exercise), StandardCharsets.UTF_8);
            Verdict verdict = workspace.check(exercise);
            assertThat(verdict.mistake()).as(verdict.text()).isEqualTo(Mistake.PASSED);
            assertThat(workspace.progress()).containsEntry(exercise.name(), Mistake.PASSED);
        }));
    }
}
