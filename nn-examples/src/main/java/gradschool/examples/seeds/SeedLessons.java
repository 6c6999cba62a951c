package gradschool.examples.seeds;

import gradschool.examples.Lesson;
import java.util.List;

/**
 * The seed notebooks, retold in Java, in the order of the tour.
 */
public final class SeedLessons {

    private SeedLessons() {
    }

    /**
     * Returns the seed lessons in tour order.
     *
     * @return the lessons
     */
    public static List<Lesson> all() {
        return List.of(new MatrixBasics(), new OneNeuron(), new LayerOfNeurons(), new BatchInput(),
                new AdjustableNeuron(), new RandomLayer(), new ThreeLayerForward(), new Backpropagation());
    }
}
