package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.Arrays;

/**
 * col2im, PyTorch's {@code F.fold}, the adjoint of {@link Unfold}: each column entry is added into
 * the image position that unfold read it from, {@code y[n, c, oy·sh − ph + i·dh, ox·sw − pw + j·dw]
 * += x[n, (c·kh + i)·kw + j, oy·outW + ox]}; where windows overlap, their entries sum, and entries
 * that fall into the padding are dropped.
 *
 * <p>Derivative: fold is linear, and each output element is a sum of input entries, so each input
 * entry's gradient is the gradient at the position it was added to: {@code dL/dx = unfold(g)}. This
 * is unfold's backward pass, so a convolution's input gradient is a fold — the same numbers as a
 * convolution of {@code g} with the flipped kernel (docs/convolution.md). Saves the geometry.
 *
 * <p>Shape: {@code (N, C·kh·kw, outH·outW)} to {@code (N, C, H, W)}; see {@link Tensor#fold}.
 */
public final class Fold extends Function {

    private final int[] outputSize;
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;

    /**
     * Makes the op for one image size and window geometry (checked when the op is applied).
     *
     * @param outputSize {@code {H, W}} of the images
     * @param kernelSize {@code {kh, kw}}
     * @param stride {@code {sh, sw}}
     * @param padding {@code {ph, pw}}
     * @param dilation {@code {dh, dw}}
     */
    public Fold(int[] outputSize, int[] kernelSize, int[] stride, int[] padding, int[] dilation) {
        this.outputSize = outputSize.clone();
        this.kernelSize = kernelSize.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].fold(outputSize, kernelSize, stride, padding, dilation);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        return grads(new Unfold(kernelSize, stride, padding, dilation).apply(gradOutput));
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.unary("y = fold(x)", "unfold(g)");
    }

    @Override
    public String toString() {
        return "Fold(size=" + Arrays.toString(outputSize) + ", kernel=" + Arrays.toString(kernelSize) + ", stride="
                + Arrays.toString(stride) + ", padding=" + Arrays.toString(padding) + ", dilation="
                + Arrays.toString(dilation) + ")";
    }
}
