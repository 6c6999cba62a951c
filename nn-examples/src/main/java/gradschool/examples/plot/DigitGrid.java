package gradschool.examples.plot;

import gradschool.core.Tensor;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A grid of small square images (MNIST's 28×28 or the 8×8 digits), each with the predicted and the
 * true label underneath, {@code "pred 7 / true 7"}: green when the prediction is right, red when it
 * is wrong.
 *
 * <pre>{@code
 * Tensor images = test.features().slice(0, 0, 16);          // (16, 784): the first 16 test images
 * Tensor predicted = Evaluation.predictClasses(model, images);
 * DigitGrid.write(images, predicted, test.labels().slice(0, 0, 16), 8, Path.of("digits.png"));   // 2 rows of 8
 * }</pre>
 *
 * <p>Drawn with plain Java2D rather than XChart (a chart library has no use for a grid of bitmaps):
 * every pixel becomes a {@code scale × scale} square of grey, ink dark on white paper. Pixel values
 * are mapped linearly from the smallest value in {@code images} (white) to the largest (black), so
 * raw 0..16 digits, 0..1 MNIST pixels and standardized features all display.
 */
public final class DigitGrid {

    /** The side of each drawn image, in pixels (the scale is rounded down from this). */
    public static final int IMAGE_PIXELS = 112;

    /** Space around each image and for its caption, in pixels. */
    private static final int PADDING = 6;
    private static final int CAPTION_HEIGHT = 18;

    private static final Color CORRECT = new Color(0x1a7f37);
    private static final Color WRONG = new Color(0xcf222e);

    private DigitGrid() {
    }

    /**
     * Draws the grid.
     *
     * @param images {@code (n, side·side)}: one flattened square image per row
     * @param predicted {@code (n,)} predicted labels
     * @param actual {@code (n,)} true labels
     * @param columns images per row of the grid
     * @return the picture
     * @throws IllegalArgumentException if the images are not square or the shapes do not agree
     */
    public static BufferedImage render(Tensor images, Tensor predicted, Tensor actual, int columns) {
        Charts.useHeadlessGraphics();
        check(images, predicted, actual, columns);
        int count = images.dim(0);
        int side = (int) Math.round(Math.sqrt(images.dim(1)));
        int scale = Math.max(1, IMAGE_PIXELS / side);
        int cellWidth = side * scale + 2 * PADDING;
        int cellHeight = side * scale + 2 * PADDING + CAPTION_HEIGHT;
        int rows = (count + columns - 1) / columns;

        double[][] pixels = images.to2DArray();
        double lowest = images.min().item();
        double range = images.max().item() - lowest;
        double[] predictedLabels = predicted.toDoubleArray();
        double[] actualLabels = actual.toDoubleArray();

        BufferedImage picture = new BufferedImage(columns * cellWidth, Math.max(1, rows) * cellHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            for (int n = 0; n < count; n++) {
                int left = (n % columns) * cellWidth + PADDING;
                int top = (n / columns) * cellHeight + PADDING;
                drawImage(g, pixels[n], side, scale, left, top, lowest, range);
                drawCaption(g, (int) predictedLabels[n], (int) actualLabels[n], left, top + side * scale, side * scale);
            }
        } finally {
            g.dispose();
        }
        return picture;
    }

    /**
     * Draws the grid and writes it as a PNG file.
     *
     * @param images {@code (n, side·side)}
     * @param predicted {@code (n,)} predicted labels
     * @param actual {@code (n,)} true labels
     * @param columns images per row of the grid
     * @param file the file to write (its folder must exist)
     * @throws IOException if the file cannot be written
     */
    public static void write(Tensor images, Tensor predicted, Tensor actual, int columns, Path file)
            throws IOException {
        Charts.savePng(render(images, predicted, actual, columns), file);
    }

    private static void check(Tensor images, Tensor predicted, Tensor actual, int columns) {
        if (images.rank() != 2 || images.dim(0) == 0) {
            throw new IllegalArgumentException("DigitGrid: images must have shape (n, side·side) with n >= 1, got "
                    + images.shape());
        }
        int side = (int) Math.round(Math.sqrt(images.dim(1)));
        if (side * side != images.dim(1)) {
            throw new IllegalArgumentException("DigitGrid: " + images.dim(1) + " pixels per image is not a square");
        }
        if (predicted.rank() != 1 || predicted.dim(0) != images.dim(0)
                || !actual.shape().equals(predicted.shape())) {
            throw new IllegalArgumentException("DigitGrid: " + images.dim(0) + " images need predicted and actual "
                    + "labels of shape (" + images.dim(0) + ",), got " + predicted.shape() + " and " + actual.shape());
        }
        if (columns < 1) {
            throw new IllegalArgumentException("DigitGrid: columns must be at least 1, got " + columns);
        }
    }

    /** Paints one image: value {@code lowest} is white, {@code lowest + range} black. */
    private static void drawImage(Graphics2D g, double[] pixels, int side, int scale, int left, int top,
                                  double lowest, double range) {
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                double ink = range == 0 ? 0 : (pixels[row * side + col] - lowest) / range;
                int grey = (int) Math.round(255 * (1 - ink));
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(left + col * scale, top + row * scale, scale, scale);
            }
        }
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(left - 1, top - 1, side * scale + 1, side * scale + 1);
    }

    /** Writes "pred 7 / true 7" under the image, in green when they agree and red when they do not. */
    private static void drawCaption(Graphics2D g, int predicted, int actual, int left, int bottom, int width) {
        String caption = "pred " + predicted + " / true " + actual;
        g.setColor(predicted == actual ? CORRECT : WRONG);
        FontMetrics metrics = g.getFontMetrics();
        int x = left + (width - metrics.stringWidth(caption)) / 2;
        g.drawString(caption, x, bottom + PADDING + metrics.getAscent());
    }
}
