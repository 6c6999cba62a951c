package gradschool.examples.language;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.examples.LanguageModelLessons;
import gradschool.examples.Lesson;
import gradschool.examples.Lessons;
import org.junit.jupiter.api.Test;

class LanguageModelLessonsTest {

    @Test
    void theSequenceModelsAreListedInOrderWithTheNamesSplit() {
        var names = LanguageModelLessons.all().stream().map(Lesson::name).toList();
        assertThat(names).containsSubsequence("rnn-names", "gru-names", "transformer-names");
        assertThat(Lessons.all().stream().map(Lesson::name)).contains("transformer-names");
        for (Lesson lesson : LanguageModelLessons.all()) {
            if (lesson.name().endsWith("-names") && lesson.getClass().getPackageName().endsWith("language")) {
                assertThat(lesson.dataFiles()).contains("names/names-train.txt", "names/names-dev.txt");
            }
        }
    }
}
