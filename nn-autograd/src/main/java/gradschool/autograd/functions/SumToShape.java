package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;

/**
 * Summing down to a shape that broadcasts to the input — the inverse of broadcasting, which the
 * engine uses to give each input a gradient of its own shape.
 *
 * <p>Derivative: every input element was added into one output element, so
 * {@code dL/dx = broadcastTo(g, shape of x)}. Saves nothing. Shape: the target.
 */
public final class SumToShape extends Function {

    private final Shape target;

    /**
     * Makes the op for one target shape.
     *
     * @param target the shape to sum down to
     */
    public SumToShape(Shape target) {
        this.target = target;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].sumToShape(target);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.broadcastTo(input(0).shape()));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = x summed down to the target shape", "g broadcast back to x's shape");
    }

    @Override
    public String toString() {
        return "SumToShape" + target;
    }
}
