package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.Arrays;

/**
 * im2col, PyTorch's {@code F.unfold}: every sliding window of a batch of images becomes one column,
 * {@code y[n, (c·kh + i)·kw + j, oy·outW + ox] = x[n, c, oy·sh − ph + i·dh, ox·sw − pw + j·dw]}
 * (0 where the window hangs over the zero padding). A convolution is this op followed by one matrix
 * product with the weights ({@code Variable.conv2d}, docs/convolution.md).
 *
 * <p>Derivative: unfold only copies elements, and an input element is copied into every window
 * that covers it, so its gradient is the sum of the gradients of all its copies:
 * {@code dL/dx = fold(g)} ({@link Fold}, the scatter-add of overlapping patches; entries that came
 * from the padding are dropped). Both ops are linear and each is the other's adjoint, so the
 * backward pass is itself differentiable. Saves the geometry and the input's height and width.
 *
 * <p>Shape: {@code (N, C, H, W)} to {@code (N, C·kh·kw, outH·outW)} with
 * {@code outH = ⌊(H + 2·ph − dh·(kh − 1) − 1) / sh⌋ + 1}, likewise outW; see {@link Tensor#unfold}.
 */
public final class Unfold extends Function {

    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;

    /**
     * Makes the op for one window geometry (checked when the op is applied).
     *
     * @param kernelSize {@code {kh, kw}}
     * @param stride {@code {sh, sw}}
     * @param padding {@code {ph, pw}}
     * @param dilation {@code {dh, dw}}
     */
    public Unfold(int[] kernelSize, int[] stride, int[] padding, int[] dilation) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].unfold(kernelSize, stride, padding, dilation);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        int[] imageSize = {input(0).shape().dim(2), input(0).shape().dim(3)};
        return grads(new Fold(imageSize, kernelSize, stride, padding, dilation).apply(gradOutput));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = unfold(x)", "fold(g)")
                .withNote("each input element is copied into every window that covers it, so the copies' gradients add up");
    }

    @Override
    public String toString() {
        return "Unfold(kernel=" + Arrays.toString(kernelSize) + ", stride=" + Arrays.toString(stride)
                + ", padding=" + Arrays.toString(padding) + ", dilation=" + Arrays.toString(dilation) + ")";
    }
}
