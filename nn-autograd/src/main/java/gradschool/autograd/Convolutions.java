package gradschool.autograd;

import gradschool.autograd.functions.Unfold;
import java.util.Arrays;

/**
 * {@link Variable#conv1d} and {@link Variable#conv2d} composed from ops: the geometry checks with
 * errors in the student's terms, then {@link Unfold} (im2col), one matrix product with the weights,
 * a reshape and the bias. No op of its own: the gradients come from {@code Unfold}'s fold, the
 * matrix product's and the broadcast add's rules.
 */
final class Convolutions {

    private Convolutions() {
    }

    /** conv2d: see {@link Variable#conv2d(Variable, Variable, int[], int[], int[])}. */
    static Variable conv2d(Variable input, Variable weight, Variable bias, int[] stride, int[] padding, int[] dilation) {
        String op = "conv2d";
        if (input.rank() != 4) {
            throw new IllegalArgumentException(op + ": the input must be 4-D (N, C, H, W), got shape " + input.shape());
        }
        if (weight.rank() != 4) {
            throw new IllegalArgumentException(op + ": the weight must be 4-D (Cout, Cin, kh, kw), got shape "
                    + weight.shape());
        }
        checkPair(op, "stride", stride, 1);
        checkPair(op, "padding", padding, 0);
        checkPair(op, "dilation", dilation, 1);
        int[] kernel = {weight.shape().dim(2), weight.shape().dim(3)};
        checkChannelsAndBias(op, input, weight, bias);
        int[] size = {input.shape().dim(2), input.shape().dim(3)};
        int outH = outputLength(size[0], kernel[0], stride[0], padding[0], dilation[0]);
        int outW = outputLength(size[1], kernel[1], stride[1], padding[1], dilation[1]);
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException(op + ": input " + pair(size) + " with kernel " + pair(kernel) + ", stride "
                    + pair(stride) + ", padding " + pair(padding) + ", dilation " + pair(dilation)
                    + " gives an empty output (" + outH + "×" + outW + "): each output size is"
                    + " ⌊(size + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1, and must be at least 1");
        }
        return convolve(input, weight, bias, kernel, stride, padding, dilation, outH, outW);
    }

    /** conv1d: see {@link Variable#conv1d(Variable, Variable, int, int, int)}. */
    static Variable conv1d(Variable input, Variable weight, Variable bias, int stride, int padding, int dilation) {
        String op = "conv1d";
        if (input.rank() != 3) {
            throw new IllegalArgumentException(op + ": the input must be 3-D (N, C, L), got shape " + input.shape());
        }
        if (weight.rank() != 3) {
            throw new IllegalArgumentException(op + ": the weight must be 3-D (Cout, Cin, k), got shape " + weight.shape());
        }
        if (stride < 1 || padding < 0 || dilation < 1) {
            throw new IllegalArgumentException(op + ": stride and dilation must be >= 1 and padding >= 0, got stride "
                    + stride + ", padding " + padding + ", dilation " + dilation);
        }
        checkChannelsAndBias(op, input, weight, bias);
        int length = input.shape().dim(2);
        int kernel = weight.shape().dim(2);
        int outL = outputLength(length, kernel, stride, padding, dilation);
        if (outL < 1) {
            throw new IllegalArgumentException(op + ": input length " + length + " with kernel " + kernel + ", stride "
                    + stride + ", padding " + padding + ", dilation " + dilation + " gives an empty output (length "
                    + outL + "): the output length is ⌊(L + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1,"
                    + " and must be at least 1");
        }
        // A 1-D signal is an image one row high: (N, C, L) → (N, C, 1, L), kernel (1, k).
        int n = input.shape().dim(0);
        int cout = weight.shape().dim(0);
        Variable image = input.unsqueeze(2);
        Variable kernel2d = weight.unsqueeze(2);
        Variable y = convolve(image, kernel2d, bias, new int[] {1, kernel}, new int[] {1, stride},
                new int[] {0, padding}, new int[] {1, dilation}, 1, outL);
        return y.reshape(n, cout, outL);
    }

    /** unfold, one matrix product, reshape, bias: the shared core of conv1d and conv2d. */
    private static Variable convolve(Variable input, Variable weight, Variable bias, int[] kernel, int[] stride,
                                     int[] padding, int[] dilation, int outH, int outW) {
        int n = input.shape().dim(0);
        int cout = weight.shape().dim(0);
        Variable columns = new Unfold(kernel, stride, padding, dilation).apply(input); // (N, Cin·kh·kw, outH·outW)
        Variable rows = weight.reshape(cout, -1);                                       // (Cout, Cin·kh·kw)
        Variable y = rows.matmul(columns).reshape(n, cout, outH, outW);                 // (N, Cout, outH·outW) → 4-D
        return bias == null ? y : y.add(bias.reshape(cout, 1, 1));
    }

    private static void checkChannelsAndBias(String op, Variable input, Variable weight, Variable bias) {
        String layout = op.equals("conv1d") ? "(Cout, Cin, k)" : "(Cout, Cin, kh, kw)";
        if (input.shape().dim(1) != weight.shape().dim(1)) {
            throw new IllegalArgumentException(op + ": the input " + input.shape() + " has " + input.shape().dim(1)
                    + " channels but the weight " + weight.shape() + " expects Cin = " + weight.shape().dim(1)
                    + " (the weight is " + layout + ")");
        }
        if (bias != null && (bias.rank() != 1 || bias.shape().dim(0) != weight.shape().dim(0))) {
            throw new IllegalArgumentException(op + ": the bias must be (Cout,) = (" + weight.shape().dim(0)
                    + ",) for the weight " + weight.shape() + ", got shape " + bias.shape());
        }
    }

    /** {@code ⌊(size + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1}, PyTorch's output size. */
    static int outputLength(int size, int kernel, int stride, int padding, int dilation) {
        return Math.floorDiv(size + 2 * padding - dilation * (kernel - 1) - 1, stride) + 1;
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
