package gradschool.examples;

import gradschool.examples.language.BackpropNinjaLesson;
import gradschool.examples.language.BatchNormNamesLesson;
import gradschool.examples.language.BigramCountsLesson;
import gradschool.examples.language.BigramNetLesson;
import gradschool.examples.language.GruNamesLesson;
import gradschool.examples.language.MlpNamesLesson;
import gradschool.examples.language.RnnNamesLesson;
import gradschool.examples.language.TransformerNamesLesson;
import gradschool.examples.language.WavenetNamesLesson;
import java.util.List;

/**
 * The language models of the makemore lectures, on 32,033 names: from counting letter pairs to a
 * hand-written backward pass, a hierarchical (WaveNet-style) model, recurrent networks and attention
 * (docs/language-models.md).
 */
public final class LanguageModelLessons {

    private LanguageModelLessons() {
    }

    /**
     * Returns them in the order {@code list} shows: the order of the lectures, then makemore's
     * sequence models.
     *
     * @return the lessons
     */
    public static List<Lesson> all() {
        return List.of(new BigramCountsLesson(), new BigramNetLesson(), new MlpNamesLesson(),
                new BatchNormNamesLesson(), new BackpropNinjaLesson(), new WavenetNamesLesson(),
                new RnnNamesLesson(), new GruNamesLesson(), new TransformerNamesLesson());
    }
}
