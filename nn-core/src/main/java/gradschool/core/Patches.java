package gradschool.core;

import gradschool.core.kernels.ConvolutionKernels;
import java.util.Arrays;

/**
 * The shape rules of {@link Tensor#unfold} and {@link Tensor#fold} (PyTorch's {@code F.unfold} and
 * {@code F.fold}), then one {@link ConvolutionKernels} call over the whole batch.
 */
final class Patches {

    private Patches() {
    }

    /** im2col: {@code (N, C, H, W)} to {@code (N, C·kh·kw, outH·outW)}. */
    static Tensor unfold(Tensor image, int[] kernelSize, int[] stride, int[] padding, int[] dilation) {
        if (image.rank() != 4) {
            throw new IllegalArgumentException("unfold: needs a 4-D input (N, C, H, W), got shape " + image.shape());
        }
        ConvolutionKernels.Window window = window("unfold", image.dim(1), image.dim(2), image.dim(3),
                kernelSize, stride, padding, dilation);
        int batch = image.dim(0);
        int positions = window.outputHeight() * window.outputWidth();
        double[] columns = new double[batch * window.patchSize() * positions];
        ConvolutionKernels.unfold(image.storage(), image.offset(), image.strides(), batch, window, columns);
        return new Tensor(columns, Shape.of(batch, window.patchSize(), positions));
    }

    /** col2im: {@code (N, C·kh·kw, outH·outW)} to {@code (N, C, H, W)}, overlapping entries summed. */
    static Tensor fold(Tensor columns, int[] outputSize, int[] kernelSize, int[] stride, int[] padding,
                       int[] dilation) {
        checkPair("fold", "outputSize", outputSize, 1);
        checkPair("fold", "kernel size", kernelSize, 1);
        int kernelArea = kernelSize[0] * kernelSize[1];
        if (columns.rank() != 3 || columns.dim(1) % kernelArea != 0) {
            throw new IllegalArgumentException("fold: needs a 3-D input (N, C·kh·kw, L) whose second dimension is a"
                    + " multiple of kh·kw = " + kernelArea + ", got shape " + columns.shape());
        }
        ConvolutionKernels.Window window = window("fold", columns.dim(1) / kernelArea, outputSize[0], outputSize[1],
                kernelSize, stride, padding, dilation);
        int positions = window.outputHeight() * window.outputWidth();
        if (columns.dim(2) != positions) {
            throw new IllegalArgumentException("fold: output size " + outputSize[0] + "×" + outputSize[1]
                    + " with kernel " + pair(kernelSize) + ", stride " + pair(stride) + ", padding " + pair(padding)
                    + ", dilation " + pair(dilation) + " has " + window.outputHeight() + "·" + window.outputWidth()
                    + " = " + positions + " windows, but the input " + columns.shape() + " has " + columns.dim(2));
        }
        int batch = columns.dim(0);
        double[] image = new double[batch * window.channels() * outputSize[0] * outputSize[1]];
        ConvolutionKernels.fold(columns.storage(), columns.offset(), columns.strides(), batch, window, image);
        return new Tensor(image, Shape.of(batch, window.channels(), outputSize[0], outputSize[1]));
    }

    private static ConvolutionKernels.Window window(String op, int channels, int height, int width, int[] kernelSize,
                                                    int[] stride, int[] padding, int[] dilation) {
        checkPair(op, "kernel size", kernelSize, 1);
        checkPair(op, "stride", stride, 1);
        checkPair(op, "padding", padding, 0);
        checkPair(op, "dilation", dilation, 1);
        ConvolutionKernels.Window window = new ConvolutionKernels.Window(channels, height, width,
                kernelSize[0], kernelSize[1], stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1]);
        if (window.outputHeight() < 1 || window.outputWidth() < 1) {
            throw new IllegalArgumentException(op + ": input " + height + "×" + width + " with kernel "
                    + pair(kernelSize) + ", stride " + pair(stride) + ", padding " + pair(padding) + ", dilation "
                    + pair(dilation) + " gives an empty output (" + window.outputHeight() + "×"
                    + window.outputWidth() + "): the dilated kernel, dilation·(kernel − 1) + 1, must fit in the"
                    + " padded input");
        }
        return window;
    }

    private static void checkPair(String op, String what, int[] values, int min) {
        if (values == null || values.length != 2 || values[0] < min || values[1] < min) {
            throw new IllegalArgumentException(op + ": the " + what + " must be two numbers (height, width), each >= "
                    + min + ", got " + Arrays.toString(values));
        }
    }

    private static String pair(int[] values) {
        return values[0] + "×" + values[1];
    }
}
