package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;

/**
 * Broadcasting to a larger shape without copying: {@code y = broadcastTo(x, shape)}.
 *
 * <p>Derivative: each input element was used once for every copy made of it, so its gradient is
 * the sum of theirs: {@code dL/dx = sumToShape(g, shape of x)}. Saves nothing. Shape: the target.
 */
public final class Expand extends Function {

    private final Shape target;

    /**
     * Makes the op for one target shape.
     *
     * @param target the shape to broadcast to
     */
    public Expand(Shape target) {
        this.target = target;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].broadcastTo(target);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.sumToShape(input(0).shape()));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = x broadcast to the target shape", "g summed back to x's shape")
                .withNote("the copies' gradients add up");
    }

    @Override
    public String toString() {
        return "Expand" + target;
    }
}
