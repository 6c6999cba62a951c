package gradschool.examples.exercises;

import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * A student's exercise as a real autograd op, so that {@code GradCheck} can check it through the
 * engine: to first order against finite differences, and to second order by differentiating the
 * recorded backward pass.
 */
final class GradedOp extends Function {

    private final BackwardExercise student;

    GradedOp(BackwardExercise student) {
        this.student = student;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return student.runForward(x);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return student.runBackward(inputs(), output(), gradOutput);
    }

    @Override
    public String name() {
        return student.getClass().getSimpleName();
    }
}
