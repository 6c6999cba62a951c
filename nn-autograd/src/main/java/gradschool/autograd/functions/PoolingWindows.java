package gradschool.autograd.functions;

import gradschool.core.Shape;

/**
 * The geometry of a 2-D pooling window and the flat loops that slide it, shared by {@link MaxPool2d}
 * and {@link AvgPool2d}: PyTorch's conventions, {@code ceil_mode = false}.
 *
 * <p>The input is {@code (N, C, H, W)} or {@code (C, H, W)}; every leading index picks one
 * {@code H × W} plane, and the window slides over each plane on its own. Output window {@code (i, j)}
 * reads the input rows {@code i·s − p + d·a} and columns {@code j·s − p + d·b} for
 * {@code a, b = 0 … k−1}, in that row-major order; positions outside the plane are the padding. The
 * output size along each spatial axis is {@code floor((H + 2p − d(k−1) − 1) / s) + 1}.
 *
 * <p>The loops work on row-major {@code double[]} copies of the data (plane after plane), so they
 * read a non-contiguous input through one copy.
 */
final class PoolingWindows {

    final String op;
    final int kernel;
    final int stride;
    final int padding;
    final int dilation;

    /** The checked geometry of one input: its planes and spatial sizes, in and out. */
    final int planes;
    final int height;
    final int width;
    final int outHeight;
    final int outWidth;
    final Shape inputShape;
    final Shape outputShape;

    /**
     * Checks the geometry against the input's shape.
     *
     * @throws IllegalArgumentException naming the op, the input size, kernel, stride, padding (and
     *     dilation if not 1) when the window does not fit
     */
    PoolingWindows(String op, Shape input, int kernel, int stride, int padding, int dilation) {
        this.op = op;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        if (input.rank() != 3 && input.rank() != 4) {
            throw new IllegalArgumentException(op + ": input of shape " + input
                    + " must be (N, C, H, W) or (C, H, W)");
        }
        if (kernel < 1 || stride < 1 || dilation < 1) {
            throw new IllegalArgumentException(op + ": kernel " + kernel + ", stride " + stride + " and dilation "
                    + dilation + " must each be at least 1");
        }
        if (padding < 0 || padding > kernel / 2) {
            throw new IllegalArgumentException(op + ": padding " + padding + " with kernel " + kernel
                    + " must be between 0 and kernel/2 = " + kernel / 2 + " (PyTorch's rule)");
        }
        int rank = input.rank();
        this.height = input.dim(rank - 2);
        this.width = input.dim(rank - 1);
        this.planes = input.size() / Math.max(1, height * width);
        this.outHeight = outputSize(height);
        this.outWidth = outputSize(width);
        if (outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException(op + ": input " + height + "×" + width + " with " + describe()
                    + " gives an empty output (output size floor((size + 2·padding − dilation·(kernel − 1) − 1)"
                    + " / stride) + 1 must be at least 1)");
        }
        checkEveryWindowReadsTheInput("row", height, outHeight);
        checkEveryWindowReadsTheInput("column", width, outWidth);
        int[] out = input.toArray();
        out[rank - 2] = outHeight;
        out[rank - 1] = outWidth;
        this.inputShape = input;
        this.outputShape = Shape.of(out);
    }

    /**
     * Rejects a dilated window that falls wholly into the padding (its elements step over the input):
     * its maximum would be −∞ with nowhere to send a gradient. With dilation 1 and
     * {@code p ≤ k/2} this cannot happen.
     */
    private void checkEveryWindowReadsTheInput(String axis, int size, int outSize) {
        for (int i = 0; i < outSize; i++) {
            boolean readsInput = false;
            for (int a = 0; a < kernel && !readsInput; a++) {
                int position = i * stride - padding + a * dilation;
                readsInput = position >= 0 && position < size;
            }
            if (!readsInput) {
                throw new IllegalArgumentException(op + ": input " + height + "×" + width + " with " + describe()
                        + ": the window of output " + axis + " " + i + " lies wholly in the padding");
            }
        }
    }

    private int outputSize(int size) {
        int span = size + 2 * padding - dilation * (kernel - 1) - 1;
        return span < 0 ? 0 : span / stride + 1; // floor for span ≥ 0; a negative span means no window fits
    }

    /** The parameters in words, as error messages give them: {@code "kernel 5, padding 0"}. */
    String describe() {
        return "kernel " + kernel + ", stride " + stride + ", padding " + padding
                + (dilation == 1 ? "" : ", dilation " + dilation);
    }

    /**
     * Max-pools every plane: {@code y[o] = max over the window of x}, the padding counting as −∞.
     * Scans each window in row-major order and keeps the first maximum (a later element must be
     * strictly greater to replace it; a NaN always does, so NaN propagates, as in PyTorch).
     *
     * @param x the input, row-major
     * @param argmax receives, for each output element, the flat index into {@code x} of its maximum
     * @return the output, row-major
     */
    double[] maxForward(double[] x, int[] argmax) {
        double[] y = new double[planes * outHeight * outWidth];
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int i = 0; i < outHeight; i++) {
                for (int j = 0; j < outWidth; j++) {
                    double best = Double.NEGATIVE_INFINITY;
                    int where = -1;
                    for (int a = 0; a < kernel; a++) {
                        int row = i * stride - padding + a * dilation;
                        if (row < 0 || row >= height) {
                            continue; // padding: −∞ never wins
                        }
                        for (int b = 0; b < kernel; b++) {
                            int column = j * stride - padding + b * dilation;
                            if (column < 0 || column >= width) {
                                continue;
                            }
                            int index = base + row * width + column;
                            double value = x[index];
                            if (where < 0 || value > best || Double.isNaN(value)) {
                                best = value; // strictly greater: the first maximum keeps its place
                                where = index;
                            }
                        }
                    }
                    y[o] = best;
                    argmax[o] = where;
                    o++;
                }
            }
        }
        return y;
    }

    /**
     * Sums every window and divides by {@code k²}: {@code y[o] = (1/k²) Σ_window x}, the padding
     * counting as zeros and in the count ({@code count_include_pad = true}).
     *
     * @param x the input, row-major
     * @return the output, row-major
     */
    double[] averageForward(double[] x) {
        double[] y = new double[planes * outHeight * outWidth];
        double scale = 1.0 / (kernel * kernel);
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int i = 0; i < outHeight; i++) {
                for (int j = 0; j < outWidth; j++) {
                    double sum = 0;
                    for (int a = 0; a < kernel; a++) {
                        int row = i * stride - padding + a * dilation;
                        if (row < 0 || row >= height) {
                            continue; // padding adds zero
                        }
                        for (int b = 0; b < kernel; b++) {
                            int column = j * stride - padding + b * dilation;
                            if (column >= 0 && column < width) {
                                sum += x[base + row * width + column];
                            }
                        }
                    }
                    y[o++] = sum * scale;
                }
            }
        }
        return y;
    }

    /**
     * The adjoint of {@link #averageForward}: every output element's value, divided by {@code k²}, is
     * added into each input element of its window (overlapping windows add up; padding drops out).
     *
     * @param g the output-shaped values, row-major
     * @return the input-shaped result, row-major
     */
    double[] averageSpread(double[] g) {
        double[] x = new double[planes * height * width];
        double scale = 1.0 / (kernel * kernel);
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int i = 0; i < outHeight; i++) {
                for (int j = 0; j < outWidth; j++) {
                    double share = g[o++] * scale;
                    for (int a = 0; a < kernel; a++) {
                        int row = i * stride - padding + a * dilation;
                        if (row < 0 || row >= height) {
                            continue;
                        }
                        for (int b = 0; b < kernel; b++) {
                            int column = j * stride - padding + b * dilation;
                            if (column >= 0 && column < width) {
                                x[base + row * width + column] += share;
                            }
                        }
                    }
                }
            }
        }
        return x;
    }
}
