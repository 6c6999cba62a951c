package gradschool.autograd.functions;

import gradschool.core.Tensor;

/**
 * The direct nested-loop convolution, written from PyTorch's documented definition of
 * {@code torch.nn.functional.conv2d}: the reference the fast unfold + matmul path is tested against.
 * Slow and obviously right: one output element at a time, zeros outside the input.
 */
final class ConvolutionReference {

    private ConvolutionReference() {
    }

    /** {@code y[n, o, oy, ox] = b[o] + Σ_{c, i, j} w[o, c, i, j] · x[n, c, oy·sh − ph + i·dh, ox·sw − pw + j·dw]}. */
    static Tensor conv2d(Tensor x, Tensor w, Tensor b, int[] stride, int[] padding, int[] dilation) {
        int batch = x.dim(0);
        int channels = x.dim(1);
        int height = x.dim(2);
        int width = x.dim(3);
        int outChannels = w.dim(0);
        int kh = w.dim(2);
        int kw = w.dim(3);
        int outH = (height + 2 * padding[0] - dilation[0] * (kh - 1) - 1) / stride[0] + 1;
        int outW = (width + 2 * padding[1] - dilation[1] * (kw - 1) - 1) / stride[1] + 1;
        Tensor y = Tensor.zeros(batch, outChannels, outH, outW);
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < outChannels; o++) {
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        double sum = b == null ? 0 : b.get(o);
                        for (int c = 0; c < channels; c++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int row = oy * stride[0] - padding[0] + i * dilation[0];
                                    int column = ox * stride[1] - padding[1] + j * dilation[1];
                                    if (row >= 0 && row < height && column >= 0 && column < width) {
                                        sum += w.get(o, c, i, j) * x.get(n, c, row, column);
                                    }
                                }
                            }
                        }
                        y.setInPlace(sum, n, o, oy, ox);
                    }
                }
            }
        }
        return y;
    }

    /** {@code y[n, o, t] = b[o] + Σ_{c, j} w[o, c, j] · x[n, c, t·stride − padding + j·dilation]}. */
    static Tensor conv1d(Tensor x, Tensor w, Tensor b, int stride, int padding, int dilation) {
        int batch = x.dim(0);
        int channels = x.dim(1);
        int length = x.dim(2);
        int outChannels = w.dim(0);
        int k = w.dim(2);
        int outLength = (length + 2 * padding - dilation * (k - 1) - 1) / stride + 1;
        Tensor y = Tensor.zeros(batch, outChannels, outLength);
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < outChannels; o++) {
                for (int t = 0; t < outLength; t++) {
                    double sum = b == null ? 0 : b.get(o);
                    for (int c = 0; c < channels; c++) {
                        for (int j = 0; j < k; j++) {
                            int position = t * stride - padding + j * dilation;
                            if (position >= 0 && position < length) {
                                sum += w.get(o, c, j) * x.get(n, c, position);
                            }
                        }
                    }
                    y.setInPlace(sum, n, o, t);
                }
            }
        }
        return y;
    }
}
