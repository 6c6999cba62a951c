package gradschool.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the 8×8 handwritten digits (UCI "optdigits", as shipped with scikit-learn) from
 * {@code data/digits/digits.csv.gz}.
 *
 * <pre>{@code
 * LabeledData digits = Digits.read(Path.of("data/digits/digits.csv.gz"));
 * digits.features();                            // (1797, 64): pixel values 0..16, NOT scaled
 * Tensor x = digits.features().div(16.0);       // scale to [0, 1] yourself if you want
 * Tensor image = digits.features().select(0, 0).reshape(8, 8);
 * }</pre>
 *
 * <h2>Format</h2>
 * A CSV file, gzip-compressed (a plain copy reads as well), with no header: one image per line, 65
 * comma-separated integers. Columns 0–63 are the pixels of an 8×8 image in row-major order, each
 * counting how many of 16 cells of a 32×32 bitmap were inked, so 0..16; column 64 is the digit, 0..9.
 *
 * <p><b>The pixel values are returned as they are in the file, 0 to 16, not scaled</b>: divide by
 * 16 or use a {@link Standardizer} before training.
 *
 * <p>Every field must be a plain integer: ASCII digits, optionally preceded by {@code -}, spaces
 * around it allowed; not {@code +3}, {@code 3.0}, {@code 0x3}, {@code 3f} or digits of other scripts.
 *
 * <p>A malformed line raises a {@link MalformedDataException} naming the file, the line number
 * (from 1) and the column. So that a wrong or corrupt file (such as a small {@code .gz} that inflates
 * to gigabytes) fails quickly instead of filling the memory, a line may have at most
 * {@value #MAX_LINE_LENGTH} characters and the file at most {@value #MAX_ROWS} rows.
 *
 * <p>Data: E. Alpaydin and C. Kaynak (1998), UCI Machine Learning Repository (CC BY 4.0), as
 * redistributed in scikit-learn (BSD-3-Clause); see {@code data/digits/README.md}.
 */
public final class Digits {

    /** Pixels per image: 8 × 8. */
    public static final int PIXELS = 64;

    /** The largest pixel value (a count of inked cells in a 4×4 block). */
    public static final int MAX_PIXEL_VALUE = 16;

    /** The class names: the digits "0" to "9". */
    public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** The most characters a line may have; a real line has at most 65 · 3 = 195. */
    public static final int MAX_LINE_LENGTH = 4096;

    /** The most rows a file may have; the shipped file has 1797, the whole UCI set 5620. */
    public static final int MAX_ROWS = 100_000;

    private Digits() {}

    /**
     * Reads the digits file.
     *
     * @param csvGz the file (gzip-compressed or plain)
     * @return features {@code (n, 64)} holding the raw pixel values 0..16 as doubles, labels
     *     {@code (n,)} 0..9, class names "0".."9"
     * @throws MalformedDataException if a line has the wrong number of fields, a field is not a
     *     plain integer, a pixel is outside 0..16 or a label outside 0..9, a line is too long, or
     *     there are no lines or too many
     * @throws IOException if the file cannot be read
     */
    public static LabeledData read(Path csvGz) throws IOException {
        Objects.requireNonNull(csvGz, "csvGz");
        List<double[]> rows = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        try (BufferedReader reader = DataFiles.openText(csvGz)) {
            TextLines lines = new TextLines(csvGz, reader, MAX_LINE_LENGTH);
            String line;
            while ((line = lines.next()) != null) {
                if (rows.size() == MAX_ROWS) {
                    throw MalformedDataException.atLine(csvGz, lines.number(), "more than " + MAX_ROWS
                            + " rows, the most Digits.read accepts (the data set has 1797): is this the right file?");
                }
                String[] fields = lines.split(line, PIXELS + 1);
                double[] row = new double[PIXELS];
                for (int column = 0; column < PIXELS; column++) {
                    row[column] = lines.parseInt(fields[column], column, "pixel", 0, MAX_PIXEL_VALUE);
                }
                rows.add(row);
                labels.add((double) lines.parseInt(fields[PIXELS], PIXELS, "label", 0, 9));
            }
            if (rows.isEmpty()) {
                throw MalformedDataException.atLine(csvGz, 1, "the file holds no lines");
            }
        }
        return new LabeledData(TensorLists.matrix(rows, PIXELS), TensorLists.vector(labels), CLASS_NAMES);
    }
}
