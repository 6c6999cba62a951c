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

    private final Range range;

    /**
     * Makes the op for one slice.
     *
     * @param axis the dimension
     * @param from the first index
     * @param to the end, exclusive
     * @param step the stride (positive)
     */
    public Slice(int axis, int from, int to, int step) {
        this.range = new Range(axis, from, to, step);
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return range.of(x[0]);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(new SliceScatter(input(0).shape(), range).apply(gradOutput));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = x[from:to:step] along the axis", "g written into zeros of x's shape at the slice");
    }

    @Override
    public String toString() {
        return "Slice(" + range + ")";
    }

    /** Which elements a slice takes: {@code from:to:step} along {@code axis}; both ops here read it. */
    record Range(int axis, int from, int to, int step) {

        Tensor of(Tensor x) {
            return x.slice(axis, from, to, step);
        }

        Variable of(Variable x) {
            return x.slice(axis, from, to, step);
        }

        @Override
        public String toString() {
            return "axis=" + axis + ", " + from + ":" + to + ":" + step;
        }
    }

    /**
     * The adjoint of {@link Slice}: writes {@code x} into a slice of a zero tensor of a given shape.
     *
     * <p>Derivative: {@code dL/dx = slice(g)} — the same slice read back. Saves nothing. Shape: the
     * full shape given.
     */
    public static final class SliceScatter extends Function {

        private final Shape fullShape;
        private final Range range;

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
            this(fullShape, new Range(axis, from, to, step));
        }

        SliceScatter(Shape fullShape, Range range) {
            this.fullShape = fullShape;
            this.range = range;
        }

        @Override
        protected Tensor forward(Tensor... x) {
            Tensor result = Tensor.zeros(fullShape);
            range.of(result).copyFrom(x[0]);
            return result;
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(range.of(gradOutput));
        }

        @Override
        public DerivativeRule derivativeRule() {
            return DerivativeRule.unary("y = zeros of the full shape with x written into the slice", "g[from:to:step] along the axis");
        }
    }
}
