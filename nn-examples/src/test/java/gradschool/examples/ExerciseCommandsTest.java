package gradschool.examples;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.examples.exercises.Exercise;
import gradschool.examples.exercises.ExerciseWorkspace;
import gradschool.examples.exercises.Exercises;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ./gradschool exercise list | check | reset}, on a copy of the exercises folder. */
class ExerciseCommandsTest {

    record Result(int status, String out, String err) {
    }

    private static Result launch(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = Launcher.execute(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @AfterEach
    void forgetTheWorkingDirectory() {
        System.clearProperty(Launcher.WORKING_DIRECTORY_PROPERTY);
    }

    /** An exercises folder with every starting file, as in a clone (made on first use). */
    private static Path exercisesFolder(Path dir) throws Exception {
        Path folder = dir.resolve("exercises");
        if (Files.isDirectory(folder)) {
            return folder;
        }
        ExerciseWorkspace workspace = new ExerciseWorkspace(folder, dir.resolve("unused"));
        for (Exercise exercise : Exercises.all()) {
            workspace.reset(exercise);
        }
        return folder;
    }

    private static String[] with(Path dir, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--exercises", exercisesFolder(dir).toString(), "--out", dir.resolve("out").toString()));
        return all.toArray(String[]::new);
    }

    private static void solveMul(Path dir, String rule) throws Exception {
        exercisesFolder(dir);
        Path file = dir.resolve("exercises/src/gradschool/exercises/MulBackward.java");
        Files.writeString(file, Files.readString(file).replace("throw new NotDoneYet();", rule));
    }

    @Test
    void aFreshListShowsEveryExerciseNotStarted(@TempDir Path dir) throws Exception {
        Result result = launch(with(dir, "exercise", "list"));
        assertThat(result.status()).as(result.err()).isZero();
        for (Exercise exercise : Exercises.all()) {
            assertThat(result.out()).contains("· " + exercise.name()).contains(exercise.className() + ".java");
        }
        assertThat(result.out()).contains("0 of " + Exercises.all().size() + " passed");
        assertThat(result.out().indexOf("seed-gradients")).isLessThan(result.out().indexOf(" mul "));
    }

    @Test
    void checkGradesTheFileAndListShowsTheProgress(@TempDir Path dir) throws Exception {
        String[] check = with(dir, "exercise", "check", "MUL");
        Result unsolved = launch(check);
        assertThat(unsolved.status()).isEqualTo(1);
        assertThat(unsolved.out()).startsWith("mul: ✗ not started").contains("MulBackward.java");

        solveMul(dir, "return grads(gradOutput.mul(input(0)), gradOutput.mul(input(1)));");
        Result swapped = launch(with(dir, "exercise", "check", "mul"));
        assertThat(swapped.status()).isEqualTo(1);
        assertThat(swapped.out()).startsWith("mul: ✗ gradient of the wrong input")
                .contains("first element that differs");
        assertThat(launch(with(dir, "exercise", "list")).out()).contains("✗ mul").contains("(last check: gradient of the wrong input)");

        Files.writeString(dir.resolve("exercises/src/gradschool/exercises/MulBackward.java"),
                ExerciseWorkspace.startingText(Exercises.named("mul").orElseThrow()));
        solveMul(dir, "return grads(gradOutput.mul(input(1)), gradOutput.mul(input(0)));");
        Result solved = launch(with(dir, "exercise", "check", "mul"));
        assertThat(solved.status()).as(solved.out()).isZero();
        assertThat(solved.out()).startsWith("mul: ✓ passed");
        Result list = launch(with(dir, "exercise", "list"));
        assertThat(list.out()).contains("✓ mul").contains("1 of " + Exercises.all().size() + " passed");
    }

    @Test
    void aCompileErrorIsShownAsJavacShowsIt(@TempDir Path dir) throws Exception {
        solveMul(dir, "return grads(gradOutput.mul(input(1)), gradOutput.mul(input(0)))");   // no semicolon
        Result result = launch(with(dir, "exercise", "check", "mul"));
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).startsWith("mul: ✗ does not compile")
                .containsPattern("MulBackward\\.java:\\d+: error: ';' expected")
                .contains("^");
    }

    @Test
    void checkAllGradesEveryExerciseInOrder(@TempDir Path dir) throws Exception {
        solveMul(dir, "return grads(gradOutput.mul(input(1)), gradOutput.mul(input(0)));");
        Result result = launch(with(dir, "exercise", "check", "--all"));
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("seed-gradients: · not started").contains("mul: ✓ passed")
                .contains("cross-entropy: · not started").contains("max-pool: · not started").contains("1 of " + Exercises.all().size() + " passed.");
    }

    @Test
    void resetRestoresTheStartingTextAndKeepsTheStudentsVersion(@TempDir Path dir) throws Exception {
        String[] reset = with(dir, "exercise", "reset", "mul");
        solveMul(dir, "return null; // my attempt");
        Result result = launch(reset);
        assertThat(result.status()).as(result.err()).isZero();
        Path file = dir.resolve("exercises/src/gradschool/exercises/MulBackward.java");
        assertThat(Files.readString(file)).isEqualTo(ExerciseWorkspace.startingText(Exercises.named("mul").orElseThrow()));
        assertThat(Files.readString(dir.resolve("out/exercises/before-reset/MulBackward.java"))).contains("my attempt");
        assertThat(result.out()).contains("is back to its starting text").contains("before-reset");
    }

    @Test
    void aMissingFileIsRestoredBeforeItIsChecked(@TempDir Path dir) throws Exception {
        String[] check = with(dir, "exercise", "check", "relu");
        Files.delete(dir.resolve("exercises/src/gradschool/exercises/ReluBackward.java"));
        Result result = launch(check);
        assertThat(result.out()).contains("was missing: it is back").contains("relu: ✗ not started");
    }

    @Test
    void mistakesAreOneLine(@TempDir Path dir) throws Exception {
        Result unknown = launch(with(dir, "exercise", "check", "mull"));
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err().lines()).hasSize(1);
        assertThat(unknown.err()).contains("no exercise named 'mull'").contains("did you mean mul");
        Result neither = launch(with(dir, "exercise", "check"));
        assertThat(neither.status()).isEqualTo(2);
        assertThat(neither.err().lines()).hasSize(1);
        assertThat(neither.err()).contains("needs an exercise NAME or --all");
        Result noFolder = launch("exercise", "list", "--exercises", dir.resolve("nowhere").toString());
        assertThat(noFolder.status()).isEqualTo(2);
        assertThat(noFolder.err().lines()).hasSize(1);
        assertThat(noFolder.err()).contains("no exercises folder");
        Result badCommand = launch("exercise", "chek", "mul");
        assertThat(badCommand.status()).isEqualTo(2);
        assertThat(badCommand.err().lines()).hasSize(1);
        assertThat(badCommand.err()).contains("check");
    }

    @Test
    void aRelativeExercisesFolderIsTakenFromTheUsersWorkingDirectory(@TempDir Path dir) throws Exception {
        exercisesFolder(dir);
        System.setProperty(Launcher.WORKING_DIRECTORY_PROPERTY, dir.toString());
        Result result = launch("exercise", "list", "--exercises", "exercises", "--out", "out");
        assertThat(result.status()).as(result.err()).isZero();
        launch("exercise", "check", "exp", "--exercises", "exercises", "--out", "out");
        assertThat(dir.resolve("out/exercises/progress.properties")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "check", "reset"})
    void everyExerciseSubcommandHasHelp(String command) {
        Result result = launch("exercise", command, "--help");
        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("Usage: gradschool exercise " + command).contains("--out").contains("--exercises");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void theExerciseCommandIsInTheTopLevelHelp() {
        assertThat(launch("--help").out()).contains("exercise");
        Result exercise = launch("exercise");
        assertThat(exercise.status()).isZero();
        assertThat(exercise.out()).contains("list").contains("check").contains("reset");
    }
}
