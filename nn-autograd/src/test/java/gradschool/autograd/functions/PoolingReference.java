package gradschool.autograd.functions;

import gradschool.core.Shape;
import gradschool.core.Tensor;

/**
 * Pooling written the slowest, plainest way, straight from PyTorch's definitions, for the tests to
 * compare the ops against: four nested loops over {@code (n, c, i, j)} and two over the window, reading
 * elements with {@link Tensor#get} (so any layout works), and no shared code with
 * {@code PoolingWindows}.
 */
final class PoolingReference {

    private PoolingReference() {
    }

    /** {@code floor((size + 2p − d(k−1) − 1) / s) + 1}, or 0 when no window fits. */
    static int outputSize(int size, int kernel, int stride, int padding, int dilation) {
        int span = size + 2 * padding - dilation * (kernel - 1) - 1;
        return span < 0 ? 0 : Math.floorDiv(span, stride) + 1;
    }

    /** Whether every window along an axis of this size reads at least one input element (not only padding). */
    static boolean everyWindowReadsTheInput(int size, int kernel, int stride, int padding, int dilation) {
        for (int i = 0; i < outputSize(size, kernel, stride, padding, dilation); i++) {
            boolean reads = false;
            for (int a = 0; a < kernel; a++) {
                int position = i * stride - padding + a * dilation;
                reads |= position >= 0 && position < size;
            }
            if (!reads) {
                return false;
            }
        }
        return true;
    }

    /** Max pooling of an {@code (N, C, H, W)} tensor; padding is −∞. */
    static Tensor maxPool(Tensor x, int kernel, int stride, int padding, int dilation) {
        return pool(x, kernel, stride, padding, dilation, true);
    }

    /** Average pooling of an {@code (N, C, H, W)} tensor; padding is 0 and counts in the k². */
    static Tensor avgPool(Tensor x, int kernel, int stride, int padding) {
        return pool(x, kernel, stride, padding, 1, false);
    }

    private static Tensor pool(Tensor x, int kernel, int stride, int padding, int dilation, boolean max) {
        int n = x.dim(0);
        int c = x.dim(1);
        int h = x.dim(2);
        int w = x.dim(3);
        int outH = outputSize(h, kernel, stride, padding, dilation);
        int outW = outputSize(w, kernel, stride, padding, dilation);
        Tensor y = Tensor.zeros(Shape.of(n, c, outH, outW));
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < outH; i++) {
                    for (int j = 0; j < outW; j++) {
                        double result = max ? Double.NEGATIVE_INFINITY : 0;
                        for (int u = 0; u < kernel; u++) {
                            for (int v = 0; v < kernel; v++) {
                                int row = i * stride - padding + u * dilation;
                                int column = j * stride - padding + v * dilation;
                                boolean inside = row >= 0 && row < h && column >= 0 && column < w;
                                double value = inside ? x.get(b, ch, row, column) : (max ? Double.NEGATIVE_INFINITY : 0);
                                result = max ? Math.max(result, value) : result + value;
                            }
                        }
                        y.setInPlace(max ? result : result / (kernel * kernel), b, ch, i, j);
                    }
                }
            }
        }
        return y;
    }

    /**
     * The gradient of {@code Σ weights ⊙ maxPool(x)} by PyTorch's tie rule: each window's weight goes to
     * the first element, in row-major window order, that equals the window's maximum.
     */
    static Tensor maxPoolGradient(Tensor x, Tensor weights, int kernel, int stride, int padding, int dilation) {
        Tensor pooled = maxPool(x, kernel, stride, padding, dilation);
        Tensor grad = Tensor.zeros(x.shape());
        for (int b = 0; b < pooled.dim(0); b++) {
            for (int ch = 0; ch < pooled.dim(1); ch++) {
                for (int i = 0; i < pooled.dim(2); i++) {
                    for (int j = 0; j < pooled.dim(3); j++) {
                        double maximum = pooled.get(b, ch, i, j);
                        search:
                        for (int u = 0; u < kernel; u++) {
                            for (int v = 0; v < kernel; v++) {
                                int row = i * stride - padding + u * dilation;
                                int column = j * stride - padding + v * dilation;
                                if (row >= 0 && row < x.dim(2) && column >= 0 && column < x.dim(3)
                                        && x.get(b, ch, row, column) == maximum) {
                                    double before = grad.get(b, ch, row, column);
                                    grad.setInPlace(before + weights.get(b, ch, i, j), b, ch, row, column);
                                    break search;
                                }
                            }
                        }
                    }
                }
            }
        }
        return grad;
    }
}
