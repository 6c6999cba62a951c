package gradschool.examples.language;

import gradschool.data.CharVocabulary;
import gradschool.examples.plot.Charts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The pictures of the language-model lessons that are drawn with plain Java2D: the bigram count
 * matrix with its counts in the cells (the first lecture's {@code plt.imshow(N, cmap='Blues')} with
 * {@code plt.text}), and a 2-D letter embedding with each letter written at its point.
 */
public final class LetterPictures {

    /** The side of one cell of the count matrix, in pixels. */
    static final int CELL = 40;

    private LetterPictures() {
    }

    /**
     * Draws a square count matrix: cell (i, j) is shaded from white (0) to dark blue (the largest
     * count), and shows the bigram "ij" and its count, as the lecture draws it.
     *
     * @param counts the counts, {@code counts[i][j]} = how often symbol j follows symbol i
     * @param vocabulary the symbols' letters
     * @return the picture, {@code CELL·n} pixels square
     */
    public static BufferedImage countMatrix(int[][] counts, CharVocabulary vocabulary) {
        Charts.useHeadlessGraphics();
        int n = counts.length;
        int largest = 1;
        for (int[] row : counts) {
            for (int count : row) {
                largest = Math.max(largest, count);
            }
        }
        BufferedImage picture = new BufferedImage(n * CELL, n * CELL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double shade = (double) counts[i][j] / largest;
                    g.setColor(blues(shade));
                    g.fillRect(j * CELL, i * CELL, CELL, CELL);
                    g.setColor(shade > 0.5 ? Color.WHITE : Color.DARK_GRAY);
                    String bigram = "" + vocabulary.character(i) + vocabulary.character(j);
                    String count = String.valueOf(counts[i][j]);
                    g.drawString(bigram, j * CELL + (CELL - metrics.stringWidth(bigram)) / 2, i * CELL + CELL / 2 - 3);
                    g.drawString(count, j * CELL + (CELL - metrics.stringWidth(count)) / 2,
                            i * CELL + CELL / 2 + metrics.getAscent());
                }
            }
        } finally {
            g.dispose();
        }
        return picture;
    }

    /** matplotlib's "Blues" colour map, roughly: white at 0, dark blue at 1. */
    static Color blues(double shade) {
        double t = Math.max(0, Math.min(1, Math.sqrt(shade)));   // a square root shows the small counts too
        int red = (int) Math.round(247 + (8 - 247) * t);
        int green = (int) Math.round(251 + (48 - 251) * t);
        int blue = (int) Math.round(255 + (107 - 255) * t);
        return new Color(red, green, blue);
    }

    /**
     * Draws points with a letter at each (the second lecture's scatter of the 2-D embedding
     * {@code C}): axes scaled to the points, a grid, the letter on a small dot.
     *
     * @param points {@code points[i] = (x, y)} of symbol i
     * @param vocabulary the symbols' letters
     * @param title the title
     * @return the picture, 640 × 640 pixels
     */
    public static BufferedImage letterScatter(double[][] points, CharVocabulary vocabulary, String title) {
        Charts.useHeadlessGraphics();
        int size = 640;
        int margin = 50;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double padX = Math.max(1e-9, (maxX - minX) * 0.08);
        double padY = Math.max(1e-9, (maxY - minY) * 0.08);
        minX -= padX;
        maxX += padX;
        minY -= padY;
        maxY += padY;
        BufferedImage picture = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            int plot = size - 2 * margin;
            g.setColor(new Color(0xdddddd));
            g.setStroke(new BasicStroke(1));
            for (int k = 0; k <= 10; k++) {
                int at = margin + k * plot / 10;
                g.drawLine(at, margin, at, margin + plot);
                g.drawLine(margin, at, margin + plot, at);
            }
            g.setColor(Color.GRAY);
            g.drawRect(margin, margin, plot, plot);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(String.format("x: %.2f … %.2f", minX, maxX), margin, size - margin / 2 + 4);
            g.drawString(String.format("y: %.2f … %.2f", minY, maxY), size - margin - 110, size - margin / 2 + 4);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, margin, margin / 2 + 6);
            FontMetrics metrics = g.getFontMetrics();
            int[][] at = new int[points.length][];
            for (int i = 0; i < points.length; i++) {
                at[i] = new int[] {margin + (int) Math.round((points[i][0] - minX) / (maxX - minX) * plot),
                        margin + plot - (int) Math.round((points[i][1] - minY) / (maxY - minY) * plot)};
            }
            g.setColor(new Color(0x9e, 0xca, 0xe1, 150));   // translucent dots first, all letters on top
            for (int[] p : at) {
                g.fillOval(p[0] - 11, p[1] - 11, 22, 22);
            }
            g.setColor(Color.BLACK);
            for (int i = 0; i < points.length; i++) {
                String letter = String.valueOf(vocabulary.character(i));
                g.drawString(letter, at[i][0] - metrics.stringWidth(letter) / 2, at[i][1] + metrics.getAscent() / 2 - 1);
            }
        } finally {
            g.dispose();
        }
        return picture;
    }
}
