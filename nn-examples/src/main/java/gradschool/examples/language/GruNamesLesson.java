package gradschool.examples.language;

import gradschool.examples.Lessons;
import gradschool.nn.GRUCell;
import gradschool.nn.RecurrentCell;

/**
 * makemore's GRU on the names: the RNN with gates that decide, per number of the state, how much to
 * keep and how much to overwrite, so the gradient reaches early characters more easily. Sizes,
 * training and the differences from makemore: {@link RecurrentNamesLesson}.
 */
public final class GruNamesLesson extends RecurrentNamesLesson {

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new GruNamesLesson());
    }

    @Override
    public String name() {
        return "gru-names";
    }

    @Override
    public String description() {
        return "makemore's GRU language model on names (embedding 64, GRU cell 64): dev loss and 10 samples";
    }

    @Override
    RecurrentCell newCell() {
        return new GRUCell(EMBEDDING, HIDDEN);
    }

    @Override
    String reference() {
        return "no published number to compare: the lectures train no GRU, and makemore's README gives none";
    }
}
