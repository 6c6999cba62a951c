package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Arrays;

/**
 * Gathering rows by index: {@code y[r] = x[indices[r]]} (slices along dimension 0), like numpy's
 * {@code x[indices]}. An index may appear more than once, as in an embedding lookup.
 *
 * <p>Derivative: each output row's gradient is added into the input row it came from, so a row used
 * twice receives the sum: {@code dL/dx[i] = Σ_{r: indices[r] = i} g[r]} ({@link IndexAdd}). Saves the
 * indices. Shape: {@code (indices.length, rest of x's shape)}.
 */
public final class IndexSelect extends Function {

    private final int[] indices;

    /**
     * Makes the op.
     *
     * @param indices the rows to take
     */
    public IndexSelect(int[] indices) {
        this.indices = indices.clone();
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].indexSelect(indices);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(new IndexSelect.IndexAdd(input(0).shape(), indices).apply(gradOutput));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y[r] = x[indices[r]]", "zeros of x's shape with g[r] added into row indices[r]")
                .withNote("a row taken twice receives the sum");
    }

    @Override
    public String toString() {
        return "IndexSelect(" + indices.length + " rows)";
    }

    /**
     * The adjoint of {@link IndexSelect}: {@code y = zeros(shape)}, then {@code y[indices[r]] += x[r]}.
     *
     * <p>Derivative: {@code dL/dx[r] = g[indices[r]]} — gathering again. Saves the indices. Shape: the
     * full shape given.
     */
    public static final class IndexAdd extends Function {

        private final Shape fullShape;
        private final int[] indices;

        /**
         * Makes the op.
         *
         * @param fullShape the shape of the result
         * @param indices the row each input row is added into
         */
        public IndexAdd(Shape fullShape, int[] indices) {
            this.fullShape = fullShape;
            this.indices = indices.clone();
        }

        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].indexAdd(fullShape, indices);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput.indexSelect(indices));
        }

        @Override
        public DerivativeRule derivativeRule() {
            return DerivativeRule.unary("y = zeros of the full shape with x[r] added into row indices[r]", "g[indices[r]]");
        }

        @Override
        public String toString() {
            return "IndexAdd" + Arrays.toString(indices);
        }
    }
}
