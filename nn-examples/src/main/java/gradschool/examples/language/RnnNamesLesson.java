package gradschool.examples.language;

import gradschool.examples.Lessons;
import gradschool.nn.RNNCell;
import gradschool.nn.RecurrentCell;

/**
 * makemore's RNN on the names: a tanh recurrent cell that carries a 64-number summary of the name so
 * far from one character to the next, so the context is the whole name, not a fixed window. Sizes,
 * training and the differences from makemore: {@link RecurrentNamesLesson}.
 */
public final class RnnNamesLesson extends RecurrentNamesLesson {

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new RnnNamesLesson());
    }

    @Override
    public String name() {
        return "rnn-names";
    }

    @Override
    public String description() {
        return "makemore's RNN language model on names (embedding 64, tanh cell 64): dev loss and 10 samples";
    }

    @Override
    RecurrentCell newCell() {
        return new RNNCell(EMBEDDING, HIDDEN);
    }

    @Override
    String reference() {
        return "no published number to compare: the lectures train no RNN, and makemore's README gives none";
    }
}
