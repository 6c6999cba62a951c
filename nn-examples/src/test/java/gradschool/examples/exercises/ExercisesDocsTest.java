package gradschool.examples.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/exercises.md explains every verdict and lists every exercise, in the grader's order. */
class ExercisesDocsTest {

    private static String page() throws IOException {
        return Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("docs/exercises.md"),
                StandardCharsets.UTF_8);
    }

    @Test
    void everyVerdictIsExplained() throws IOException {
        String page = page();
        for (Mistake mistake : Mistake.values()) {
            assertThat(page).as(mistake.name()).contains("- **" + mistake.title() + "** — ");
        }
    }

    @Test
    void theTableListsEveryExerciseInOrderWithItsFileAndChapter() throws IOException {
        String page = page();
        int previous = -1;
        for (int i = 0; i < Exercises.all().size(); i++) {
            Exercise exercise = Exercises.all().get(i);
            String row = "| " + (i + 1) + " | `" + exercise.name() + "` | `" + exercise.className() + ".java` |";
            assertThat(page).as(exercise.name()).contains(row);
            assertThat(page.indexOf(row)).isGreaterThan(previous);
            previous = page.indexOf(row);
            String chapter = exercise.docs().substring("docs/".length());
            String line = page.substring(page.indexOf(row), page.indexOf('\n', page.indexOf(row)));
            assertThat(line).as(exercise.name() + "'s chapter").contains("(" + chapter);
        }
    }

    @Test
    void everyChapterAnExerciseBelongsToPointsToIt() throws IOException {
        Path docs = Path.of("..").toAbsolutePath().normalize().resolve("docs");
        for (Exercise exercise : Exercises.all()) {
            String chapter = Files.readString(docs.resolve(exercise.docs().substring("docs/".length())),
                    StandardCharsets.UTF_8);
            assertThat(chapter).as(exercise.docs() + " points to exercises.md").contains("(exercises.md)");
            assertThat(chapter.contains("exercise check " + exercise.name()) || chapter.contains("`" + exercise.name() + "`"))
                    .as(exercise.docs() + " names the exercise " + exercise.name()).isTrue();
        }
    }
}
