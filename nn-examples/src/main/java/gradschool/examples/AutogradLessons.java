package gradschool.examples;

import gradschool.examples.autograd.CustomOp;
import gradschool.examples.autograd.ExplainBackward;
import gradschool.examples.autograd.Micrograd;
import gradschool.examples.autograd.SecondOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons on autograd itself: the graph, custom ops, gradient checks, second-order gradients.
 */
public final class AutogradLessons {

    private AutogradLessons() {
    }

    /**
     * Returns them in the order {@code list} shows.
     *
     * @return the lessons
     */
    public static List<Lesson> all() {
        List<Lesson> lessons = new ArrayList<>();
        lessons.add(new Micrograd());
        lessons.add(new ExplainBackward());
        lessons.add(new CustomOp());
        lessons.add(new SecondOrder());
        return lessons;
    }
}
