package gradschool.examples.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checking a student's file: compile errors, code that never finishes or recurses forever, progress. */
class ExerciseWorkspaceTest {

    private static final Exercise MUL = Exercises.named("mul").orElseThrow();

    private static ExerciseWorkspace withMul(Path dir, String rule) throws Exception {
        ExerciseWorkspace workspace = new ExerciseWorkspace(dir.resolve("exercises"), dir.resolve("out"));
        workspace.reset(MUL);
        Path file = workspace.file(MUL);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("throw new NotDoneYet();", rule),
                StandardCharsets.UTF_8);
        return workspace;
    }

    @Test
    void aCompileErrorGivesJavacsMessageWithTheFileAndLine(@TempDir Path dir) throws Exception {
        ExerciseWorkspace workspace = withMul(dir, "return grads(gradOutput.mul(inpt(1)), gradOutput.mul(input(0)));");
        Verdict verdict = workspace.check(MUL);
        assertThat(verdict.mistake()).isEqualTo(Mistake.COMPILE_ERROR);
        int line = Files.readAllLines(workspace.file(MUL)).indexOf(
                "return grads(gradOutput.mul(inpt(1)), gradOutput.mul(input(0)));".indent(8).stripTrailing()) + 1;
        assertThat(verdict.details().get(0)).isEqualTo(workspace.file(MUL) + ":" + line + ": error: cannot find symbol");
        assertThat(verdict.details()).anyMatch(l -> l.contains("symbol:   method inpt(int)"))
                .anyMatch(l -> l.trim().equals("^"));
        assertThat(workspace.progress()).containsEntry("mul", Mistake.COMPILE_ERROR);
    }

    @Test
    void aBackwardThatNeverFinishesEndsInAVerdict(@TempDir Path dir) throws Exception {
        // Loops until interrupted, so that the test leaves no thread spinning behind it.
        ExerciseWorkspace workspace = withMul(dir, "while (!Thread.currentThread().isInterrupted()) { } return null;")
                .withTimeLimit(1.0);
        Verdict verdict = workspace.check(MUL);
        assertThat(verdict.mistake()).isEqualTo(Mistake.TOO_SLOW);
        assertThat(verdict.details().get(0)).contains("did not finish within 1.0 s");
    }

    @Test
    void endlessRecursionIsACrashNotABugInGradschool(@TempDir Path dir) throws Exception {
        ExerciseWorkspace workspace = withMul(dir, "return backward(gradOutput);");
        Verdict verdict = workspace.check(MUL);
        assertThat(verdict.mistake()).isEqualTo(Mistake.CRASHED);
        assertThat(verdict.details().get(0)).contains("StackOverflowError").contains("(at MulBackward.java:");
    }

    @Test
    void aFileThatDeclaresAnotherClassIsNamed(@TempDir Path dir) throws Exception {
        ExerciseWorkspace workspace = new ExerciseWorkspace(dir.resolve("exercises"), dir.resolve("out"));
        workspace.reset(MUL);
        Files.writeString(workspace.file(MUL), "package gradschool.exercises;\nclass Other { }\n");
        Verdict verdict = workspace.check(MUL);
        assertThat(verdict.mistake()).isEqualTo(Mistake.COMPILE_ERROR);
        assertThat(verdict.details().get(0)).contains("must declare the public class gradschool.exercises.MulBackward");
    }
}
