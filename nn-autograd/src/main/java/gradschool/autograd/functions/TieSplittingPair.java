package gradschool.autograd.functions;

import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * What {@link Maximum} and {@link Minimum} share: at each position the result is one of the two inputs, so
 * the gradient goes to that input — split evenly where they tie: {@code dL/da = g·w}, {@code dL/db = g·(1 - w)}
 * with {@code w = [a wins] + ½[a = b]}.
 */
abstract class TieSplittingPair extends Function {

    private Tensor weightA;

    /** The op itself on tensors: the element-wise maximum or minimum. */
    abstract Tensor extreme(Tensor a, Tensor b);

    /** 1 where {@code a} alone is the result ({@code a > b} for the maximum), 0 elsewhere. */
    abstract Tensor aWins(Tensor a, Tensor b);

    @Override
    protected final Tensor forward(Tensor... x) {
        weightA = aWins(x[0], x[1]).add(x[0].eq(x[1]).mul(0.5));
        return extreme(x[0], x[1]);
    }

    @Override
    protected final Variable[] backward(Variable gradOutput) {
        return grads(gradOutput.mul(Variable.constant(weightA)), gradOutput.mul(Variable.constant(weightA.neg().add(1.0))));
    }
}
