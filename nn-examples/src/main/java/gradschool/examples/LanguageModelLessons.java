package gradschool.examples;

import gradschool.examples.language.GruNamesLesson;
import gradschool.examples.language.RnnNamesLesson;
import gradschool.examples.language.TransformerNamesLesson;
import java.util.List;

/**
 * The language models of the makemore lectures on the names data set, from counts to attention.
 */
public final class LanguageModelLessons {

    private LanguageModelLessons() {
    }

    /**
     * Returns them in the order {@code list} shows: the recurrent models, then the Transformer.
     *
     * @return the lessons
     */
    public static List<Lesson> all() {
        return List.of(new RnnNamesLesson(), new GruNamesLesson(), new TransformerNamesLesson());
    }
}
