package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;

/**
 * 2-D average pooling, as PyTorch's {@code torch.nn.functional.avg_pool2d} with its defaults
 * {@code ceil_mode = false} and {@code count_include_pad = true}: each output element is the mean of
 * its {@code k × k} window, {@code y[n, c, i, j] = (1/k²) Σ_{a, b < k} x[n, c, i·s − p + a, j·s − p + b]},
 * where the padding positions are zeros and are counted in the {@code k²} (so a window half in the
 * padding averages its real elements with zeros).
 *
 * <p>Derivative: the op is linear, so each input element receives {@code g/k²} from every window it
 * lies in: {@code dL/dx = Σ_{windows o ∋ x} g[o] / k²} ({@link Spread}, whose adjoint is this op
 * again — so gradients of any order work). Saves nothing but the geometry. Shape:
 * {@code (N, C, H, W) → (N, C, H_out, W_out)} (or {@code (C, H, W) → (C, H_out, W_out)}) with
 * {@code H_out = floor((H + 2p − k) / s) + 1} and likewise for {@code W}; {@code p ≤ k/2}, as PyTorch
 * requires.
 */
public final class AvgPool2d extends Function {

    private final int kernel;
    private final int stride;
    private final int padding;

    /**
     * Makes the op; the geometry is checked against the input when the op is applied.
     *
     * @param kernel the window's side {@code k}
     * @param stride the step {@code s} between windows
     * @param padding the zero border {@code p} on each side, at most {@code k/2}
     */
    public AvgPool2d(int kernel, int stride, int padding) {
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        PoolingWindows windows = new PoolingWindows("avgPool2d", x[0].shape(), kernel, stride, padding, 1);
        return Tensor.zeros(windows.outputShape).copyFrom(windows.averageForward(x[0].toDoubleArray()));
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(new Spread(input(0).shape(), kernel, stride, padding).apply(gradOutput));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y[o] = Σ over window o of x / k² (padding 0, counted)",
                "Σ over the windows o that hold x of g[o] / k²");
    }

    @Override
    public String toString() {
        return "AvgPool2d(kernel=" + kernel + ", stride=" + stride + ", padding=" + padding + ")";
    }

    /**
     * Average pooling's backward as an op: every element {@code x[o]} (one per window), divided by
     * {@code k²}, is added into each input position of window {@code o}; overlapping windows add up.
     *
     * <p>Derivative: {@code dL/dx = avgPool2d(g)} with the same geometry — this op is the adjoint of
     * {@link AvgPool2d}. Saves nothing but the geometry. Shape: {@code x} has the pooled shape,
     * {@code y} the full input shape given.
     */
    public static final class Spread extends Function {

        private final Shape inputShape;
        private final int kernel;
        private final int stride;
        private final int padding;

        /**
         * Makes the op.
         *
         * @param inputShape the shape of the result (the pooled op's input)
         * @param kernel the window's side
         * @param stride the step between windows
         * @param padding the zero border on each side
         */
        public Spread(Shape inputShape, int kernel, int stride, int padding) {
            this.inputShape = inputShape;
            this.kernel = kernel;
            this.stride = stride;
            this.padding = padding;
        }

        @Override
        protected Tensor forward(Tensor... x) {
            PoolingWindows windows = new PoolingWindows("avgPool2d", inputShape, kernel, stride, padding, 1);
            if (!x[0].shape().equals(windows.outputShape)) {
                throw new IllegalArgumentException("AvgPool2d.Spread: got shape " + x[0].shape() + ", but " + inputShape
                        + " pooled with " + windows.describe() + " is " + windows.outputShape);
            }
            return Tensor.zeros(inputShape).copyFrom(windows.averageSpread(x[0].toDoubleArray()));
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(new AvgPool2d(kernel, stride, padding).apply(gradOutput));
        }

        @Override
        public DerivativeRule derivativeRule() {
            return DerivativeRule.unary("y = zeros of the input's shape with x[o] / k² added over window o",
                    "avgPool2d(g), the same windows");
        }

        @Override
        public String toString() {
            return "AvgPool2d.Spread(kernel=" + kernel + ", stride=" + stride + ", padding=" + padding + ")";
        }
    }
}
