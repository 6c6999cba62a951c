package gradschool.examples;

import gradschool.examples.language.BackpropNinjaLesson;
import gradschool.examples.language.WavenetNamesLesson;
import java.util.List;

/**
 * The language-model lessons on the names of the makemore lectures: from counting bigrams to a
 * hand-written backward pass and a hierarchical (WaveNet-style) model.
 */
public final class LanguageModelLessons {

    private LanguageModelLessons() {
    }

    /**
     * Returns them in the order {@code list} shows: the lectures' order.
     *
     * @return the lessons
     */
    public static List<Lesson> all() {
        return List.of(new BackpropNinjaLesson(), new WavenetNamesLesson());
    }
}
