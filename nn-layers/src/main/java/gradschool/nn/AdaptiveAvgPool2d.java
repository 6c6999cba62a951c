package gradschool.nn;

import gradschool.autograd.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Average pooling to a fixed output size, whatever the input's: {@code (N, C, H, W) → (N, C, outH,
 * outW)}; {@code new AdaptiveAvgPool2d(1)} averages each channel to one number (global average
 * pooling, as at the end of a ResNet).
 *
 * <pre>{@code
 * Layer pool = new AdaptiveAvgPool2d(1);               // (N, C, 7, 7) → (N, C, 1, 1)
 * }</pre>
 *
 * <p>Output cell {@code (i, j)} is the mean of rows {@code floor(i·H/outH) … ceil((i+1)·H/outH) − 1}
 * and columns {@code floor(j·W/outW) … ceil((j+1)·W/outW) − 1} — PyTorch's windows, which may differ
 * in size by one and overlap when the size does not divide. When the input size is the same multiple
 * {@code k} of the output size along both axes, that is {@code avgPool2d(k)}; otherwise each cell is
 * a slice and a mean, and the cells are concatenated (slow for large outputs, but every step is an
 * op with a known derivative). No parameters. Reference: {@code torch.nn.AdaptiveAvgPool2d}.
 */
public class AdaptiveAvgPool2d extends Layer {

    private final int outHeight;
    private final int outWidth;

    /**
     * Makes the layer with a square output.
     *
     * @param outputSize the output's height and width (1: global average pooling)
     * @throws IllegalArgumentException if the size is below 1
     */
    public AdaptiveAvgPool2d(int outputSize) {
        this(outputSize, outputSize);
    }

    /**
     * Makes the layer.
     *
     * @param outHeight the output's height
     * @param outWidth the output's width
     * @throws IllegalArgumentException if a size is below 1
     */
    public AdaptiveAvgPool2d(int outHeight, int outWidth) {
        if (outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("AdaptiveAvgPool2d: output size " + outHeight + "×" + outWidth
                    + " must be at least 1×1");
        }
        this.outHeight = outHeight;
        this.outWidth = outWidth;
    }

    /**
     * Averages every channel down to the output size.
     *
     * @param input {@code (N, C, H, W)} or {@code (C, H, W)}, with {@code H, W ≥ 1}
     * @return {@code (N, C, outH, outW)} or {@code (C, outH, outW)}
     * @throws IllegalArgumentException if the input is not of rank 3 or 4 or has an empty plane
     */
    @Override
    public Variable forward(Variable input) {
        int rank = input.rank();
        if (rank != 3 && rank != 4) {
            throw new IllegalArgumentException("AdaptiveAvgPool2d: input of shape " + input.shape()
                    + " must be (N, C, H, W) or (C, H, W)");
        }
        int rowAxis = rank - 2;
        int columnAxis = rank - 1;
        int height = input.shape().dim(rowAxis);
        int width = input.shape().dim(columnAxis);
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("AdaptiveAvgPool2d: input " + height + "×" + width
                    + " has no elements to average");
        }
        if (height % outHeight == 0 && width % outWidth == 0 && height / outHeight == width / outWidth) {
            return input.avgPool2d(height / outHeight); // equal windows side by side
        }
        List<Variable> rows = new ArrayList<>();
        for (int i = 0; i < outHeight; i++) {
            Variable band = input.slice(rowAxis, start(i, height, outHeight), end(i, height, outHeight));
            List<Variable> cells = new ArrayList<>();
            for (int j = 0; j < outWidth; j++) {
                Variable window = band.slice(columnAxis, start(j, width, outWidth), end(j, width, outWidth));
                cells.add(window.mean(columnAxis, true).mean(rowAxis, true));
            }
            rows.add(Variable.concat(cells, columnAxis));
        }
        return Variable.concat(rows, rowAxis);
    }

    /** PyTorch's window start: {@code floor(i·size/out)}. */
    private static int start(int i, int size, int out) {
        return Math.floorDiv(i * size, out);
    }

    /** PyTorch's window end (exclusive): {@code ceil((i+1)·size/out)}. */
    private static int end(int i, int size, int out) {
        return -Math.floorDiv(-(i + 1) * size, out);
    }

    @Override
    protected String describeSettings() {
        return "output=" + outHeight + "×" + outWidth;
    }
}
