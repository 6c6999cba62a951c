package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;

/**
 * A strided range along one dimension: {@code y = x[from:to:step]} on axis {@code axis}, a view.
 *
 * <p>Derivative: elements that were taken receive their gradient, the others 0:
 * {@code dL/dx = zeros with g written into the same slice} ({@link SliceScatter}). Saves the input
 * shape. Shape: the input's, with that dimension shortened.
 */
public final class Slice extends Function {

    private final int axis;
    private final int from;
    private final int to;
    private final int step;

    /**
     * Makes the op for one slice.
     *
     * @param axis the dimension
     * @param from the first index
     * @param to the end, exclusive
     * @param step the stride (positive)
     */
    public Slice(int axis, int from, int to, int step) {
        this.axis = axis;
        this.from = from;
        this.to = to;
        this.step = step;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].slice(axis, from, to, step);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(new SliceScatter(input(0).shape(), axis, from, to, step).apply(gradOutput));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = x[from:to:step] along the axis", "g written into zeros of x's shape at the slice");
    }

    @Override
    public String toString() {
        return "Slice(axis=" + axis + ", " + from + ":" + to + ":" + step + ")";
    }

    /**
     * The adjoint of {@link Slice}: writes {@code x} into a slice of a zero tensor of a given shape.
     *
     * <p>Derivative: {@code dL/dx = slice(g)} — the same slice read back. Saves nothing. Shape: the
     * full shape given.
     */
    public static final class SliceScatter extends Function {

        private final Shape fullShape;
        private final int axis;
        private final int from;
        private final int to;
        private final int step;

        /**
         * Makes the op.
         *
         * @param fullShape the shape of the result
         * @param axis the dimension
         * @param from the first index
         * @param to the end, exclusive
         * @param step the stride
         */
        public SliceScatter(Shape fullShape, int axis, int from, int to, int step) {
            this.fullShape = fullShape;
            this.axis = axis;
            this.from = from;
            this.to = to;
            this.step = step;
        }

        @Override
        protected Tensor forward(Tensor... x) {
            Tensor result = Tensor.zeros(fullShape);
            result.slice(axis, from, to, step).copyFrom(x[0]);
            return result;
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput.slice(axis, from, to, step));
        }

        @Override
        public DerivativeRule derivativeRule() {
            return DerivativeRule.unary("y = zeros of the full shape with x written into the slice", "g[from:to:step] along the axis");
        }
    }
}
