package gradschool.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class LauncherTest {

    /** What a launcher call returned and printed. */
    record Result(int status, String out, String err) {
        /** The standard-error text as lines, without the empty tail. */
        String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\\R");
        }
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

    @Test
    void listShowsEveryLessonWithItsDescription() {
        Result result = launch("list");
        assertThat(result.status()).isZero();
        for (Lesson lesson : Lessons.all()) {
            assertThat(result.out()).contains(lesson.name()).contains(lesson.description());
        }
        assertThat(result.out()).contains("matrix-basics").contains("backpropagation");
    }

    @Test
    void runRunsOneLessonAndUnknownNamesFail(@TempDir Path out) {
        Result result = launch("run", "matrix-basics", "--smoke", "--out", out.toString());
        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("[[34. 44. 25.]");
        assertThat(launch("run", "no-such-lesson").status()).isEqualTo(2);
    }

    @Test
    void aLessonSettingThatIsNotANumberOrBreaksItsRuleIsOneLineAndStatusTwo(@TempDir Path out) {
        String[][] cases = {
            {"gradschool.lr", "fast", "gradschool: -Dgradschool.lr=fast: not a number; it must be a number > 0"},
            {"gradschool.dropout", "1.5", "gradschool: -Dgradschool.dropout=1.5: it must be in [0, 1)"},
            {"gradschool.weightDecay", "-0.1", "gradschool: -Dgradschool.weightDecay=-0.1: it must be a number >= 0"},
        };
        for (String[] bad : cases) {
            System.setProperty(bad[0], bad[1]);
            try {
                Result result = launch("run", "transformer-names", "--smoke", "--out", out.toString());
                assertThat(result.status()).as(bad[0]).isEqualTo(2);
                assertThat(result.err().strip()).as(bad[0]).isEqualTo(bad[2]);
            } finally {
                System.clearProperty(bad[0]);
            }
        }
    }

    @Test
    void settingsAreTheirDefaultWhenUnsetAndAreCheckedWhenSet() {
        assertThat(LessonContext.intSetting("gradschool.test.steps", 7, n -> n >= 1, "a whole number >= 1")).isEqualTo(7);
        System.setProperty("gradschool.test.steps", "1e4");
        try {
            assertThatThrownBy(() -> LessonContext.intSetting("gradschool.test.steps", 7, n -> n >= 1, "a whole number >= 1"))
                    .isInstanceOf(Launcher.UserError.class)
                    .hasMessage("-Dgradschool.test.steps=1e4: not a whole number; it must be a whole number >= 1");
            System.setProperty("gradschool.test.steps", " 250 ");
            assertThat(LessonContext.intSetting("gradschool.test.steps", 7, n -> n >= 1, "a whole number >= 1")).isEqualTo(250);
            System.setProperty("gradschool.test.steps", "0");
            assertThatThrownBy(() -> LessonContext.intSetting("gradschool.test.steps", 7, n -> n >= 1, "a whole number >= 1"))
                    .hasMessage("-Dgradschool.test.steps=0: it must be a whole number >= 1");
        } finally {
            System.clearProperty("gradschool.test.steps");
        }
    }

    @Test
    void tourRunsTheSeedLessonsInOrder(@TempDir Path out) {
        Result result = launch("tour", "--smoke", "--out", out.toString());
        assertThat(result.status()).isZero();
        String text = result.out();
        assertThat(text.indexOf("matrix-basics")).isLessThan(text.indexOf("one-neuron"));
        assertThat(text.indexOf("three-layer-forward")).isLessThan(text.indexOf("backpropagation"));
        assertThat(text).contains("30.37543");
    }

    @Test
    void allRunsEveryLessonInListOrder(@TempDir Path out) {
        Result result = launch("all", "--smoke", "--out", out.toString());
        assertThat(result.status()).isZero();
        String text = result.out();
        int previous = -1;
        for (Lesson lesson : Lessons.all()) {
            int at = text.indexOf(lesson.name() + " — " + lesson.description());
            assertThat(at).as(lesson.name()).isGreaterThan(previous);
            previous = at;
        }
        assertThat(text).contains("test accuracy").contains(out.resolve("smoke").toAbsolutePath().toString());
        assertThat(out.resolve("smoke").resolve("mnist-predictions.png")).exists();
    }

    @Test
    void helpDescribesTheCommands() {
        Result result = launch("--help");
        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("list").contains("run").contains("tour").contains("all")
                .contains("shell").contains("help");
    }

    // --- help everywhere ---

    @ParameterizedTest
    @ValueSource(strings = {"run", "tour", "all", "list", "shell"})
    void everySubcommandHasHelp(String command) {
        for (String flag : new String[] {"--help", "-h"}) {
            Result result = launch(command, flag);
            assertThat(result.status()).as(command + " " + flag).isZero();
            assertThat(result.out()).as(command + " " + flag).contains("Usage: gradschool " + command);
            assertThat(result.err()).as(command + " " + flag).isEmpty();
        }
    }

    @Test
    void theHelpCommandShowsTheUsageOfTheLauncherAndOfASubcommand() {
        Result top = launch("help");
        assertThat(top.status()).isZero();
        assertThat(top.out()).contains("Usage: gradschool ");
        Result run = launch("help", "run");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: gradschool run").contains("NAME");
    }

    @Test
    void topLevelHelpListsTheLessonOptions() {
        String help = launch("--help").out();
        assertThat(help).contains("--smoke").contains("--out").contains("--data");
        // The text is run's own option help, so it cannot drift from what run accepts.
        String runHelp = launch("run", "--help").out();
        for (String option : new String[] {"--smoke", "--out", "--data"}) {
            String line = runHelp.lines().filter(l -> l.strip().startsWith(option)).findFirst().orElseThrow();
            assertThat(help).contains(line.strip());
        }
    }

    @Test
    void helpHasNoAnsiEscapesWhenNotOnATerminal() {
        assertThat(launch("--help").out()).doesNotContain("\u001b[");
        assertThat(launch("run", "--help").out()).doesNotContain("\u001b[");
    }

    // --- user mistakes: one line on stderr, non-zero status, no stack trace ---

    private static void assertOneClearLine(Result result) {
        assertThat(result.status()).isNotZero();
        assertThat(result.errLines()).as(result.err()).hasSize(1);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnknownLessonSuggestsTheClosestNames() {
        Result result = launch("run", "mnst");
        assertOneClearLine(result);
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("'mnst'").contains("mnist").contains("list");
        Result prefix = launch("run", "back");
        assertOneClearLine(prefix);
        assertThat(prefix.err()).contains("backpropagation");
    }

    @Test
    void lessonNamesAreCaseInsensitive(@TempDir Path out) {
        Result result = launch("run", "MATRIX-Basics", "--smoke", "--out", out.toString());
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("[[34. 44. 25.]");
    }

    @Test
    void aMissingDataFolderIsOneLineAndNothingRuns(@TempDir Path empty, @TempDir Path out) {
        Result result = launch("run", "iris", "--smoke", "--data", empty.toString(), "--out", out.toString());
        assertOneClearLine(result);
        assertThat(result.err()).contains("iris/iris.csv").contains(empty.toString()).contains("--data");
        assertThat(result.out()).isEmpty();
        Result all = launch("all", "--smoke", "--data", empty.toString(), "--out", out.toString());
        assertOneClearLine(all);
        assertThat(all.out()).as("checked before the first lesson").isEmpty();
    }

    @Test
    void anUnwritableOutFolderIsOneLineBeforeTrainingStarts(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Result result = launch("run", "xor", "--smoke", "--out", file.resolve("pictures").toString());
        assertOneClearLine(result);
        assertThat(result.err()).contains("--out").contains(file.resolve("pictures").toString());
        assertThat(result.out()).as("nothing trained").isEmpty();
    }

    @Test
    void parameterMistakesAreOneLine() {
        assertOneClearLine(launch("run"));
        assertOneClearLine(launch("run", "xor", "--no-such-option"));
        assertOneClearLine(launch("rnu"));
        assertThat(launch("rnu").err()).contains("run");
    }

    @Test
    void aGenuineBugStillShowsItsStackTrace() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            CommandLine commandLine = Launcher.commandLine();
            commandLine.addSubcommand("boom", new Boom());
            status = commandLine.execute("boom");
        } finally {
            System.setErr(originalErr);
        }
        assertThat(status).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("IllegalStateException: an internal error")
                .contains("\tat ");
    }

    /** A command with a bug. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("an internal error");
        }
    }

    // --- paths ---

    @Test
    void aRelativeOutIsResolvedAgainstTheUsersWorkingDirectory(@TempDir Path userDirectory) {
        System.setProperty(Launcher.WORKING_DIRECTORY_PROPERTY, userDirectory.toString());
        Result result = launch("run", "xor", "--smoke", "--out", "pictures");
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(userDirectory.resolve("pictures/smoke/xor-loss.png")).exists();
        assertThat(result.out()).contains(userDirectory.resolve("pictures").toString());
    }

    @Test
    void aRelativeDataIsResolvedAgainstTheUsersWorkingDirectory(@TempDir Path out) {
        Path data = LessonContext.findDataDirectory().toAbsolutePath();
        Path userDirectory = data.getParent().getParent();
        System.setProperty(Launcher.WORKING_DIRECTORY_PROPERTY, userDirectory.toString());
        String relative = userDirectory.relativize(data).toString();
        Result result = launch("run", "iris", "--smoke", "--data", relative, "--out", out.toString());
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("test accuracy");
    }

    @Test
    void aSmokeRunWritesToItsOwnFolderAndKeepsTheFullRunsFiles(@TempDir Path out) throws Exception {
        Path fullRunPicture = Files.writeString(out.resolve("xor-loss.png"), "the full run's picture");
        Result result = launch("run", "xor", "--smoke", "--out", out.toString());
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(Files.readString(fullRunPicture)).isEqualTo("the full run's picture");
        assertThat(out.resolve("smoke/xor-loss.png")).exists();
        assertThat(result.out()).contains(out.resolve("smoke").toString());
    }

    // --- shell ---

    @Test
    void theShellHasGradschoolImported() throws Exception {
        // In a JVM of its own, as the script starts it: JShell reads its input from the real standard input.
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "shell")
                .redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            in.write("Tensor.of(new double[]{1, 2}).add(1)\n/exit\n".getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("==> [2. 3.]").doesNotContain("Error").doesNotContain("WARNING");
    }
}
