package gradschool.examples.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What the plotting helpers share: one colour per class, and writing charts and images as PNG files.
 *
 * <pre>{@code
 * XYChart chart = new XYChartBuilder().width(600).height(400).title("loss").build();
 * chart.addSeries("train", epochs, losses);
 * Charts.savePng(chart, Path.of("loss.png"));
 * }</pre>
 *
 * <p>Pictures are drawn off screen, so no window opens and no display is needed: every helper of
 * this package calls {@link #useHeadlessGraphics()} before it draws (the launcher sets it too).
 */
public final class Charts {

    /**
     * One colour per class, class 0 first: matplotlib's "tab10" palette, so pictures look like the
     * ones in Python tutorials. More than ten classes cycle through it again.
     */
    public static final List<Color> CLASS_COLORS = List.of(
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf));

    private Charts() {
    }

    /**
     * Sets {@code java.awt.headless=true} unless it was already set, so that drawing works on a
     * machine without a display. It must happen before Java's graphics start, which is why the
     * helpers call it first thing.
     */
    public static void useHeadlessGraphics() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * Returns the colour of a class.
     *
     * @param classIndex the class, {@code >= 0}
     * @return {@code CLASS_COLORS.get(classIndex % 10)}
     */
    public static Color classColor(int classIndex) {
        if (classIndex < 0) {
            throw new IllegalArgumentException("classColor: class index must be >= 0, got " + classIndex);
        }
        return CLASS_COLORS.get(classIndex % CLASS_COLORS.size());
    }

    /**
     * Mixes a colour with white: {@code c' = c + (255 − c)·whiteness} per channel.
     *
     * @param color the colour
     * @param whiteness 0 keeps the colour, 1 gives white
     * @return the paler colour
     */
    public static Color paler(Color color, double whiteness) {
        if (!(whiteness >= 0 && whiteness <= 1)) {
            throw new IllegalArgumentException("paler: whiteness must be in [0, 1], got " + whiteness);
        }
        return new Color(towardWhite(color.getRed(), whiteness), towardWhite(color.getGreen(), whiteness),
                towardWhite(color.getBlue(), whiteness));
    }

    private static int towardWhite(int channel, double whiteness) {
        return (int) Math.round(channel + (255 - channel) * whiteness);
    }

    /**
     * Writes one chart as a PNG file of the chart's width and height.
     *
     * @param chart the chart
     * @param file the file to write (replaced if it exists; its folder must exist)
     * @throws IOException if the file cannot be written
     */
    public static void savePng(Chart<?, ?> chart, Path file) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, stream, BitmapFormat.PNG);
        }
    }

    /**
     * Writes several charts side by side (a grid of {@code rows × columns}, filled row by row) as one
     * PNG file.
     *
     * @param charts the charts, all of the same size
     * @param rows the number of rows
     * @param columns the number of columns
     * @param file the file to write (replaced if it exists; its folder must exist)
     * @throws IOException if the file cannot be written
     */
    public static void savePng(List<? extends Chart<?, ?>> charts, int rows, int columns, Path file)
            throws IOException {
        if (charts.isEmpty() || rows * columns < charts.size()) {
            throw new IllegalArgumentException("savePng: " + charts.size() + " charts do not fit a grid of "
                    + rows + " × " + columns);
        }
        try (OutputStream stream = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(List.copyOf(charts), rows, columns, stream, BitmapFormat.PNG);
        }
    }

    /**
     * Writes a picture drawn with Java2D as a PNG file.
     *
     * @param image the picture
     * @param file the file to write (replaced if it exists; its folder must exist)
     * @throws IOException if the file cannot be written
     */
    public static void savePng(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("savePng: no PNG writer in this JDK for " + file);
        }
    }
}
