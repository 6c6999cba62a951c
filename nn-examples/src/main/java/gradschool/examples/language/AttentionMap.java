package gradschool.examples.language;

import gradschool.core.Tensor;
import gradschool.examples.plot.Charts;
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
 * Draws attention weights as heat maps, one panel per head: row {@code t} is the position that looks,
 * column {@code j} the position it looks at, both labelled with their characters; darker is more
 * weight, and the value is written in cells of at least 0.1.
 */
final class AttentionMap {

    /** Pixels per cell. */
    static final int CELL = 34;

    /** Room for the labels on the left and on top of each panel, and the title above. */
    private static final int MARGIN = 30;
    private static final int TITLE = 24;
    private static final int GAP = 24;

    private AttentionMap() {
    }

    /**
     * Draws the panels side by side and writes the PNG.
     *
     * @param weights one {@code (T, T)} tensor per panel, rows summing to 1
     * @param titles one title per panel
     * @param labels the {@code T} characters on both axes
     * @param file the PNG to write
     */
    static void write(List<Tensor> weights, List<String> titles, String labels, Path file) throws IOException {
        Charts.useHeadlessGraphics();
        int steps = labels.length();
        int panel = MARGIN + steps * CELL;
        int width = weights.size() * panel + (weights.size() - 1) * GAP + 10;
        int height = TITLE + panel + 10;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Font labelFont = new Font(Font.MONOSPACED, Font.BOLD, 16);
        Font valueFont = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        for (int p = 0; p < weights.size(); p++) {
            int left = p * (panel + GAP);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(titles.get(p), left + MARGIN, 17);
            int top = TITLE + MARGIN;
            Tensor w = weights.get(p);
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < steps; j++) {
                    double value = w.get(t, j);
                    int shade = (int) Math.round(255 * (1 - Math.min(1, Math.max(0, value))));
                    g.setColor(new Color(shade, shade, 255));
                    g.fillRect(left + MARGIN + j * CELL, top + t * CELL, CELL, CELL);
                    if (value >= 0.1) {
                        g.setFont(valueFont);
                        g.setColor(value > 0.5 ? Color.WHITE : Color.BLACK);
                        String text = String.format("%.2f", value);
                        FontMetrics metrics = g.getFontMetrics();
                        g.drawString(text, left + MARGIN + j * CELL + (CELL - metrics.stringWidth(text)) / 2,
                                top + t * CELL + CELL / 2 + 4);
                    }
                }
            }
            g.setColor(Color.GRAY);
            g.drawRect(left + MARGIN, top, steps * CELL, steps * CELL);
            g.setFont(labelFont);
            g.setColor(Color.BLACK);
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < steps; i++) {
                String c = String.valueOf(labels.charAt(i));
                g.drawString(c, left + MARGIN + i * CELL + (CELL - metrics.stringWidth(c)) / 2, top - 8);   // looked at
                g.drawString(c, left + (MARGIN - metrics.stringWidth(c)) / 2, top + i * CELL + CELL / 2 + 6); // looking
            }
        }
        g.dispose();
        Charts.savePng(image, file);
    }
}
