package gradschool.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LauncherTest {

    private static String capture(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsEveryLessonWithItsDescription() {
        String text = capture(() -> assertThat(Launcher.execute("list")).isZero());
        for (Lesson lesson : Lessons.all()) {
            assertThat(text).contains(lesson.name()).contains(lesson.description());
        }
        assertThat(text).contains("matrix-basics").contains("backpropagation");
    }

    @Test
    void runRunsOneLessonAndUnknownNamesFail() {
        String text = capture(() -> assertThat(Launcher.execute("run", "matrix-basics", "--smoke")).isZero());
        assertThat(text).contains("[[34. 44. 25.]");
        assertThat(Launcher.execute("run", "no-such-lesson")).isEqualTo(2);
    }

    @Test
    void tourRunsTheSeedLessonsInOrder() {
        String text = capture(() -> assertThat(Launcher.execute("tour", "--smoke")).isZero());
        assertThat(text.indexOf("matrix-basics")).isLessThan(text.indexOf("one-neuron"));
        assertThat(text.indexOf("three-layer-forward")).isLessThan(text.indexOf("backpropagation"));
        assertThat(text).contains("30.37543");
    }

    @Test
    void allRunsEveryLessonInListOrder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) {
        String text = capture(() -> assertThat(Launcher.execute("all", "--smoke", "--out", out.toString())).isZero());
        int previous = -1;
        for (Lesson lesson : Lessons.all()) {
            int at = text.indexOf(lesson.name() + " — " + lesson.description());
            assertThat(at).as(lesson.name()).isGreaterThan(previous);
            previous = at;
        }
        assertThat(text).contains("test accuracy").contains(out.toAbsolutePath().toString());
        assertThat(out.resolve("mnist-predictions.png")).exists();
    }

    @Test
    void helpDescribesTheCommands() {
        String text = capture(() -> assertThat(Launcher.execute("--help")).isZero());
        assertThat(text).contains("list").contains("run").contains("tour").contains("all");
    }
}
