package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;

/**
 * 2-D max pooling, as PyTorch's {@code torch.nn.functional.max_pool2d} ({@code ceil_mode = false}):
 * each output element is the largest input element in its {@code k × k} window,
 * {@code y[n, c, i, j] = max_{a, b < k} x[n, c, i·s − p + d·a, j·s − p + d·b]}, where the padding
 * positions count as −∞ (so they never win).
 *
 * <p>Derivative: the whole gradient of an output element goes to the input element that was its
 * maximum, {@code dL/dx = g scattered to the argmax positions} (a position that is the maximum of
 * several overlapping windows receives the sum). Ties: the FIRST maximum in row-major window order
 * wins — the one PyTorch's kernel keeps, since it replaces its candidate only by a strictly greater
 * element. gradschool's {@link Max} reduction instead splits a tie evenly ({@link TieSplittingReduction});
 * both are valid: at a tie max is not differentiable, and every convex combination of the tied
 * elements' unit vectors (all on the first, or evenly spread) is a subgradient of the convex function
 * max. The argmax positions are constants of the forward pass, so the gradient is linear in
 * {@code g} ({@link ArgmaxScatter}, whose adjoint is {@link ArgmaxGather}) and second derivatives
 * are right (zero with respect to {@code x}) wherever max pooling is differentiable.
 *
 * <p>Saves the flat argmax position of every output element. Shape: {@code (N, C, H, W) → (N, C,
 * H_out, W_out)} (or {@code (C, H, W) → (C, H_out, W_out)}) with
 * {@code H_out = floor((H + 2p − d(k−1) − 1) / s) + 1} and likewise for {@code W}. PyTorch requires
 * {@code p ≤ k/2}, and so does this op; it also rejects a dilated geometry in which some window
 * steps over the input and reads only padding (its maximum would be −∞, with no element to send a
 * gradient to).
 */
public final class MaxPool2d extends Function {

    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;
    private int[] argmax;

    /**
     * Makes the op; the geometry is checked against the input when the op is applied.
     *
     * @param kernel the window's side {@code k}
     * @param stride the step {@code s} between windows
     * @param padding the {@code −∞} border {@code p} on each side, at most {@code k/2}
     * @param dilation the spacing {@code d} between the window's elements (1: adjacent)
     */
    public MaxPool2d(int kernel, int stride, int padding, int dilation) {
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        PoolingWindows windows = new PoolingWindows("maxPool2d", x[0].shape(), kernel, stride, padding, dilation);
        argmax = new int[windows.outputShape.size()];
        double[] y = windows.maxForward(x[0].toDoubleArray(), argmax);
        return Tensor.zeros(windows.outputShape).copyFrom(y);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(new ArgmaxScatter(input(0).shape(), argmax).apply(gradOutput));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y[o] = max over window o of x (padding −∞)",
                        "zeros of x's shape with g[o] added at argmax[o]")
                .withNote("a tie goes wholly to the first maximum in row-major window order, as in PyTorch");
    }

    @Override
    public String toString() {
        return "MaxPool2d(kernel=" + kernel + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation + ")";
    }

    private static void checkCount(String op, Tensor pooled, int[] argmax) {
        if (pooled.size() != argmax.length) {
            throw new IllegalArgumentException(op + ": the pooled shape " + pooled.shape() + " has " + pooled.size()
                    + " elements but there are " + argmax.length + " argmax positions; they must match");
        }
    }

    /**
     * Max pooling's backward as an op: {@code y = zeros(inputShape)}, then {@code y[argmax[o]] += x[o]}
     * for every element {@code o} of {@code x} (flat row-major positions; −1 means "nowhere").
     *
     * <p>Derivative: {@code dL/dx[o] = g[argmax[o]]} — gathering, {@link ArgmaxGather}. Saves the
     * positions. Shape: {@code x} has the pooled shape, {@code y} the input's.
     */
    public static final class ArgmaxScatter extends Function {

        private final Shape inputShape;
        private final int[] argmax;

        /**
         * Makes the op.
         *
         * @param inputShape the shape of the result (the pooled op's input)
         * @param argmax for each element of {@code x}, the flat position it is added into
         */
        public ArgmaxScatter(Shape inputShape, int[] argmax) {
            this.inputShape = inputShape;
            this.argmax = argmax;
        }

        @Override
        protected Tensor forward(Tensor... x) {
            checkCount("MaxPool2d.ArgmaxScatter", x[0], argmax);
            double[] g = x[0].toDoubleArray();
            double[] y = new double[inputShape.size()];
            for (int o = 0; o < g.length; o++) {
                if (argmax[o] >= 0) {
                    y[argmax[o]] += g[o]; // overlapping windows may share a maximum: their gradients add up
                }
            }
            return Tensor.zeros(inputShape).copyFrom(y);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(new ArgmaxGather(input(0).shape(), argmax).apply(gradOutput));
        }

        @Override
        public DerivativeRule derivativeRule() {
            return DerivativeRule.unary("y = zeros of the input's shape with x[o] added at argmax[o]", "g[argmax[o]]");
        }

        @Override
        public String toString() {
            return "MaxPool2d.ArgmaxScatter(" + argmax.length + " positions into " + inputShape + ")";
        }
    }

    /**
     * The adjoint of {@link ArgmaxScatter}: {@code y[o] = x[argmax[o]]} (flat row-major positions; 0
     * where the position is −1). It is max pooling's forward with the positions held fixed.
     *
     * <p>Derivative: {@code dL/dx = zeros with g[o] added at argmax[o]} — scattering,
     * {@link ArgmaxScatter}. Saves the positions. Shape: the pooled shape given.
     */
    public static final class ArgmaxGather extends Function {

        private final Shape pooledShape;
        private final int[] argmax;

        /**
         * Makes the op.
         *
         * @param pooledShape the shape of the result
         * @param argmax for each element of the result, the flat position of {@code x} it reads
         */
        public ArgmaxGather(Shape pooledShape, int[] argmax) {
            this.pooledShape = pooledShape;
            this.argmax = argmax;
        }

        @Override
        protected Tensor forward(Tensor... x) {
            checkCount("MaxPool2d.ArgmaxGather", Tensor.zeros(pooledShape), argmax);
            double[] source = x[0].toDoubleArray();
            double[] y = new double[pooledShape.size()];
            for (int o = 0; o < y.length; o++) {
                y[o] = argmax[o] >= 0 ? source[argmax[o]] : 0;
            }
            return Tensor.zeros(pooledShape).copyFrom(y);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(new ArgmaxScatter(input(0).shape(), argmax).apply(gradOutput));
        }

        @Override
        public DerivativeRule derivativeRule() {
            return DerivativeRule.unary("y[o] = x[argmax[o]]", "zeros of x's shape with g[o] added at argmax[o]");
        }

        @Override
        public String toString() {
            return "MaxPool2d.ArgmaxGather(" + argmax.length + " positions)";
        }
    }
}
