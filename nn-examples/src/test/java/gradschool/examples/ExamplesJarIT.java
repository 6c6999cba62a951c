package gradschool.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded examples jar as {@code ./gradschool} does ({@code java -jar gradschool-examples.jar ...})
 * and checks what only the packed jar can show. Runs in Maven's {@code integration-test} phase, after
 * {@code package} has built the jar (the {@code examples-jar} execution in this module's POM).
 */
class ExamplesJarIT {

    private static final Path JAR = Path.of("target", "gradschool-examples.jar").toAbsolutePath();
    private static final Path CUSTOM_OP = DocsSnippetsTest.repoRoot()
            .resolve("nn-examples/src/main/java/gradschool/examples/autograd/CustomOp.java");

    /**
     * In the jar the lessons sit next to the library's classes; their frames are still the student's
     * code (package {@code gradschool.examples}), so a creation site names the lesson's line — the
     * line that applies the op, as the docs show it.
     */
    @Test
    void creationSitesNameTheLessonsLinesWhenRunFromTheJar(@TempDir Path workDir) throws Exception {
        String output = runJar(workDir, "run", "custom-op");

        String wrongCube = "CustomOp.wrongCube(CustomOp.java:"
                + lineOf(CUSTOM_OP, "return new CubeWithABug().apply(inputs.get(0));") + ")";
        String inRun = "CustomOp.run(CustomOp.java:"
                + lineOf(CUSTOM_OP, "Variable loss = new CubeWithABug().apply(input)") + ")";
        assertThat(output)
                .contains("gradient check FAILED for f, whose op CubeWithABug applied at " + wrongCube)
                .contains("gradient check FAILED for CubeWithABug applied at " + inRun);
        // The docs print the same output; their line numbers must be the lesson's.
        for (String doc : List.of("docs/custom-ops.md", "docs/gradient-checking.md")) {
            String text = Files.readString(DocsSnippetsTest.repoRoot().resolve(doc), StandardCharsets.UTF_8);
            assertThat(sitesNamed(text)).as(doc + "'s creation sites of CustomOp").isNotEmpty()
                    .allMatch(site -> site.equals(wrongCube) || site.equals(inRun));
        }
    }

    /**
     * {@code exercise check} compiles the student's file against the jar it runs from: the jar must
     * carry what javac needs (gradschool's classes, the exercise base classes) and the starting texts.
     */
    @Test
    void anExerciseIsCompiledAndGradedFromTheJar(@TempDir Path workDir) throws Exception {
        Path exercise = workDir.resolve("exercises/src/gradschool/exercises/MulBackward.java");
        Files.createDirectories(exercise.getParent());
        String starting = Files.readString(DocsSnippetsTest.repoRoot().resolve("exercises/src/gradschool/exercises/MulBackward.java"));
        Files.writeString(exercise, starting.replace("throw new NotDoneYet();",
                "return grads(gradOutput.mul(input(1)), gradOutput.mul(input(0)));"));
        assertThat(runJar(workDir, "exercise", "check", "mul")).startsWith("mul: ✓ passed");
        assertThat(runJar(workDir, "exercise", "reset", "mul")).contains("is back to its starting text");
        assertThat(Files.readString(exercise)).isEqualTo(starting);
        assertThat(runJar(workDir, "exercise", "list")).contains("· mul");
    }

    /** Every {@code CustomOp.method(CustomOp.java:N)} in a text. */
    private static List<String> sitesNamed(String text) {
        Matcher matcher = Pattern.compile("CustomOp\\.\\w+\\(CustomOp\\.java:\\d+\\)").matcher(text);
        List<String> sites = new ArrayList<>();
        while (matcher.find()) {
            sites.add(matcher.group());
        }
        return sites;
    }

    /** The 1-based number of the only line of the file that contains the text. */
    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                found.add(i + 1);
            }
        }
        assertThat(found).as("lines of " + file.getFileName() + " containing \"" + text + "\"").hasSize(1);
        return found.get(0);
    }

    /** Runs {@code java -jar gradschool-examples.jar args} in a folder and returns its standard output. */
    private static String runJar(Path workDir, String... args) throws Exception {
        assertThat(JAR).as("the examples jar (built by mvn package)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path stdout = workDir.resolve("stdout.txt");
        Path stderr = workDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        process.getOutputStream().close(); // nothing to read: a lesson that asked would see end of input
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8);
        String errors = new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8);
        assertThat(finished).as("%s finished within 120 s; stdout:%n%s", command, output).isTrue();
        assertThat(process.exitValue())
                .as("exit code of %s; stdout:%n%s%nstderr:%n%s", command, output, errors)
                .isZero();
        return output;
    }
}
