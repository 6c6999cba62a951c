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
import java.util.List;

/**
 * A grid of small 2-D arrays drawn as grey images, each with a caption: a convolution's filters,
 * or the feature maps a digit makes in each layer.
 *
 * <pre>{@code
 * Tensor filters = conv.weight().value();                     // (6, 1, 5, 5)
 * List<Tensor> images = new ArrayList<>();
 * for (int f = 0; f < 6; f++) images.add(filters.select(0, f).select(0, 0));   // (5, 5) each
 * ImageGrid.write(images, List.of("filter 1", …), 6, Path.of("filters.png"));
 * }</pre>
 *
 * <p>Unlike {@link DigitGrid}, every image is scaled on its own (its smallest value white, its
 * largest black), because filters and feature maps have very different ranges; images of any size
 * share one cell size, {@value #CELL_PIXELS} pixels, so a 5×5 filter and a 28×28 map line up. A
 * {@code null} image leaves its cell empty, to start a new row.
 */
public final class ImageGrid {

    /** The side of each drawn cell, in pixels (each image's pixels are scaled up to fit it). */
    public static final int CELL_PIXELS = 100;

    private static final int PADDING = 6;
    private static final int CAPTION_HEIGHT = 18;

    private ImageGrid() {
    }

    /**
     * Draws the grid.
     *
     * @param images 2-D tensors {@code (height, width)}, or {@code null} for an empty cell
     * @param captions one caption per image (ignored for empty cells)
     * @param columns images per row of the grid
     * @return the picture
     * @throws IllegalArgumentException if an image is not 2-D or the counts do not agree
     */
    public static BufferedImage render(List<Tensor> images, List<String> captions, int columns) {
        Charts.useHeadlessGraphics();
        check(images, captions, columns);
        int cellWidth = CELL_PIXELS + 2 * PADDING;
        int cellHeight = CELL_PIXELS + 2 * PADDING + CAPTION_HEIGHT;
        int rows = (images.size() + columns - 1) / columns;
        BufferedImage picture = new BufferedImage(columns * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int n = 0; n < images.size(); n++) {
                if (images.get(n) == null) {
                    continue;
                }
                int left = (n % columns) * cellWidth + PADDING;
                int top = (n / columns) * cellHeight + PADDING;
                int side = drawImage(g, images.get(n), left, top);
                g.setColor(Color.DARK_GRAY);
                FontMetrics metrics = g.getFontMetrics();
                String caption = captions.get(n);
                g.drawString(caption, left + (CELL_PIXELS - metrics.stringWidth(caption)) / 2,
                        top + side + PADDING + metrics.getAscent());
            }
        } finally {
            g.dispose();
        }
        return picture;
    }

    /**
     * Draws the grid and writes it as a PNG file.
     *
     * @param images 2-D tensors, or {@code null} for an empty cell
     * @param captions one caption per image
     * @param columns images per row of the grid
     * @param file the file to write (its folder must exist)
     * @throws IOException if the file cannot be written
     */
    public static void write(List<Tensor> images, List<String> captions, int columns, Path file) throws IOException {
        Charts.savePng(render(images, captions, columns), file);
    }

    private static void check(List<Tensor> images, List<String> captions, int columns) {
        if (images.isEmpty() || images.size() != captions.size()) {
            throw new IllegalArgumentException("ImageGrid: needs at least one image and one caption per image, got "
                    + images.size() + " images and " + captions.size() + " captions");
        }
        for (int n = 0; n < images.size(); n++) {
            Tensor image = images.get(n);
            if (image != null && (image.rank() != 2 || image.size() == 0)) {
                throw new IllegalArgumentException("ImageGrid: image " + n + " must have shape (height, width), got "
                        + image.shape());
            }
        }
        if (columns < 1) {
            throw new IllegalArgumentException("ImageGrid: columns must be at least 1, got " + columns);
        }
    }

    /** Paints one image scaled to the cell, its smallest value white and its largest black; returns its drawn height. */
    private static int drawImage(Graphics2D g, Tensor image, int left, int top) {
        double[][] pixels = image.to2DArray();
        int height = pixels.length;
        int width = pixels[0].length;
        int scale = Math.max(1, CELL_PIXELS / Math.max(height, width));
        double lowest = image.min().item();
        double range = image.max().item() - lowest;
        int offsetX = (CELL_PIXELS - width * scale) / 2;
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                double ink = range == 0 ? 0 : (pixels[row][col] - lowest) / range;
                int grey = (int) Math.round(255 * (1 - ink));
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(left + offsetX + col * scale, top + row * scale, scale, scale);
            }
        }
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(left + offsetX - 1, top - 1, width * scale + 1, height * scale + 1);
        return height * scale;
    }
}
