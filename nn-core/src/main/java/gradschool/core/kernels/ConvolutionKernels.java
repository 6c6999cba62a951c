package gradschool.core.kernels;

import java.util.Arrays;

/**
 * im2col and its adjoint col2im for 2-D windows: the flat loops behind {@code Tensor.unfold} and
 * {@code Tensor.fold}, over plain {@code double[]} storage.
 *
 * <p>The image is read through an offset and four strides {@code (N, C, H, W)}, so a permuted or
 * sliced view is not copied. The columns are contiguous with shape {@code (N, C·kh·kw, outH·outW)},
 * PyTorch's {@code F.unfold} layout: row {@code (c·kh + i)·kw + j} of sample {@code n} holds, for
 * every output position {@code (oy, ox)}, the input element
 * {@code x[n, c, oy·sh − ph + i·dh, ox·sw − pw + j·dw]}, or 0 where that position lies in the
 * zero padding.
 *
 * <p>{@link #fold} walks the same index map backwards and adds ({@code +=}) each column entry into
 * its input position: where windows overlap, their contributions sum. That makes it the transpose
 * (adjoint) of {@link #unfold}, which is why it is unfold's backward pass.
 */
public final class ConvolutionKernels {

    private ConvolutionKernels() {
    }

    /**
     * The geometry of a 2-D sliding window over an image of {@code channels × height × width}.
     *
     * @param channels the input channels C
     * @param height the input height H
     * @param width the input width W
     * @param kernelHeight kh
     * @param kernelWidth kw
     * @param strideHeight sh
     * @param strideWidth sw
     * @param paddingHeight ph, zeros added above and below
     * @param paddingWidth pw, zeros added left and right
     * @param dilationHeight dh, the step between kernel taps along the height
     * @param dilationWidth dw, the step between kernel taps along the width
     */
    public record Window(int channels, int height, int width, int kernelHeight, int kernelWidth,
                         int strideHeight, int strideWidth, int paddingHeight, int paddingWidth,
                         int dilationHeight, int dilationWidth) {

        /**
         * Returns the number of output rows: {@code ⌊(H + 2·ph − dh·(kh − 1) − 1) / sh⌋ + 1}.
         *
         * @return outH (may be ≤ 0 for an impossible geometry; callers check)
         */
        public int outputHeight() {
            return Math.floorDiv(height + 2 * paddingHeight - dilationHeight * (kernelHeight - 1) - 1, strideHeight) + 1;
        }

        /**
         * Returns the number of output columns: {@code ⌊(W + 2·pw − dw·(kw − 1) − 1) / sw⌋ + 1}.
         *
         * @return outW (may be ≤ 0 for an impossible geometry; callers check)
         */
        public int outputWidth() {
            return Math.floorDiv(width + 2 * paddingWidth - dilationWidth * (kernelWidth - 1) - 1, strideWidth) + 1;
        }

        /**
         * Returns the number of rows of one sample's columns, {@code C·kh·kw}.
         *
         * @return C·kh·kw
         */
        public int patchSize() {
            return channels * kernelHeight * kernelWidth;
        }
    }

    /**
     * Copies every window of a strided image into contiguous columns (im2col).
     *
     * @param image the image storage
     * @param offset where element (0, 0, 0, 0) is
     * @param strides the four strides (N, C, H, W) of the image
     * @param batch N
     * @param window the geometry
     * @param columns receives {@code (N, C·kh·kw, outH·outW)}, contiguous from index 0; every entry is written
     */
    public static void unfold(double[] image, int offset, int[] strides, int batch, Window window, double[] columns) {
        int outH = window.outputHeight();
        int outW = window.outputWidth();
        int positions = outH * outW;
        int row = 0;
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < window.channels(); c++) {
                int channelStart = offset + n * strides[0] + c * strides[1];
                for (int i = 0; i < window.kernelHeight(); i++) {
                    for (int j = 0; j < window.kernelWidth(); j++) {
                        int base = row * positions;
                        for (int oy = 0; oy < outH; oy++) {
                            int y = oy * window.strideHeight() - window.paddingHeight() + i * window.dilationHeight();
                            int at = base + oy * outW;
                            if (y < 0 || y >= window.height()) {
                                Arrays.fill(columns, at, at + outW, 0.0); // a row of padding
                                continue;
                            }
                            int rowStart = channelStart + y * strides[2];
                            for (int ox = 0; ox < outW; ox++) {
                                int x = ox * window.strideWidth() - window.paddingWidth() + j * window.dilationWidth();
                                columns[at + ox] = x < 0 || x >= window.width() ? 0.0 : image[rowStart + x * strides[3]];
                            }
                        }
                        row++;
                    }
                }
            }
        }
    }

    /**
     * Adds every column entry back into its image position (col2im, the adjoint of {@link #unfold}).
     *
     * @param columns {@code (N, C·kh·kw, outH·outW)}, read through an offset and three strides
     * @param offset where element (0, 0, 0) is
     * @param strides the three strides of the columns
     * @param batch N
     * @param window the geometry
     * @param image receives {@code (N, C, H, W)}, contiguous from index 0; must start at zero
     */
    public static void fold(double[] columns, int offset, int[] strides, int batch, Window window, double[] image) {
        int outH = window.outputHeight();
        int outW = window.outputWidth();
        int h = window.height();
        int w = window.width();
        for (int n = 0; n < batch; n++) {
            int row = 0;
            for (int c = 0; c < window.channels(); c++) {
                int channelStart = (n * window.channels() + c) * h * w;
                for (int i = 0; i < window.kernelHeight(); i++) {
                    for (int j = 0; j < window.kernelWidth(); j++) {
                        int rowStart = offset + n * strides[0] + row * strides[1];
                        for (int oy = 0; oy < outH; oy++) {
                            int y = oy * window.strideHeight() - window.paddingHeight() + i * window.dilationHeight();
                            if (y < 0 || y >= h) {
                                continue; // these entries came from the zero padding: no input receives them
                            }
                            int imageRow = channelStart + y * w;
                            int at = rowStart + oy * outW * strides[2];
                            for (int ox = 0; ox < outW; ox++) {
                                int x = ox * window.strideWidth() - window.paddingWidth() + j * window.dilationWidth();
                                if (x >= 0 && x < w) {
                                    image[imageRow + x] += columns[at + ox * strides[2]];
                                }
                            }
                        }
                        row++;
                    }
                }
            }
        }
    }
}
