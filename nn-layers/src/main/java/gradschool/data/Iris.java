package gradschool.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads Fisher's Iris flowers from the CSV file shipped in {@code data/iris/iris.csv}.
 *
 * <pre>{@code
 * LabeledData iris = Iris.read(Path.of("data/iris/iris.csv"));
 * iris.features(); // (150, 4): sepal length, sepal width, petal length, petal width, in cm
 * iris.labels();   // (150,): 0 = setosa, 1 = versicolor, 2 = virginica
 * }</pre>
 *
 * <h2>Format</h2>
 * UTF-8 text, one header line
 * {@code sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species}, then one flower
 * per line: four decimal numbers and a species name ({@code setosa}, {@code versicolor} or
 * {@code virginica}). The shipped file has 150 rows, 50 per species, in that order; this reader
 * accepts any number of rows (at least one). A gzip-compressed copy reads as well.
 *
 * <p>The measurements must be plain decimal numbers, at least 0: ASCII digits with an optional
 * decimal point and exponent ({@code 5.1}, {@code 0.25}, {@code 1e-1}), spaces around them allowed;
 * not {@code +5}, {@code .5}, {@code 5f}, {@code 0x1p3}, {@code NaN} or digits of other scripts.
 *
 * <p>A malformed line raises a {@link MalformedDataException} naming the file, the line number
 * (the header is line 1) and the column. So that a wrong or corrupt file fails quickly instead of
 * filling the memory, a line may have at most {@value #MAX_LINE_LENGTH} characters and the file at
 * most {@value #MAX_ROWS} rows.
 *
 * <p>Data: R. A. Fisher (1936), via the UCI Machine Learning Repository (CC BY 4.0), corrected
 * version from scikit-learn (BSD-3-Clause); see {@code data/iris/README.md}.
 */
public final class Iris {

    /** The expected header line. */
    public static final String HEADER = "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species";

    /** The names of the four feature columns, in order. */
    public static final List<String> FEATURE_NAMES =
            List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm");

    /** The species, in class-index order: label 0 is setosa, 1 versicolor, 2 virginica. */
    public static final List<String> CLASS_NAMES = List.of("setosa", "versicolor", "virginica");

    /** The most characters a line may have; a real line has about 30. */
    public static final int MAX_LINE_LENGTH = 4096;

    /** The most data rows a file may have; the real data set has 150. */
    public static final int MAX_ROWS = 100_000;

    private static final int FIELDS = FEATURE_NAMES.size() + 1;

    private Iris() {}

    /**
     * Reads the Iris CSV file.
     *
     * @param csv the file (plain or gzip-compressed)
     * @return features {@code (n, 4)} in cm, labels {@code (n,)} with 0 = setosa, 1 = versicolor,
     *     2 = virginica, and those class names
     * @throws MalformedDataException if the header, a field count, a number or a species is wrong
     *     (a number is not plain decimal, or is negative), a line is too long or there are too many
     *     rows, naming the line
     * @throws IOException if the file cannot be read
     */
    public static LabeledData read(Path csv) throws IOException {
        Objects.requireNonNull(csv, "csv");
        List<double[]> rows = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        try (BufferedReader reader = DataFiles.openText(csv)) {
            TextLines lines = new TextLines(csv, reader, MAX_LINE_LENGTH);
            String header = lines.next();
            if (header == null) {
                throw MalformedDataException.atLine(csv, 1, "the file is empty; expected the header " + HEADER);
            }
            if (!header.equals(HEADER)) {
                throw MalformedDataException.atLine(csv, 1,
                        "expected the header \"" + HEADER + "\", found \"" + header + "\"");
            }
            String line;
            while ((line = lines.next()) != null) {
                if (rows.size() == MAX_ROWS) {
                    throw MalformedDataException.atLine(csv, lines.number(), "more than " + MAX_ROWS
                            + " rows, the most Iris.read accepts (the data set has 150): is this the right file?");
                }
                String[] fields = lines.split(line, FIELDS);
                double[] row = new double[FIELDS - 1];
                for (int column = 0; column < row.length; column++) {
                    String name = FEATURE_NAMES.get(column);
                    double centimetres = lines.parseDecimal(fields[column], column, name);
                    if (centimetres < 0) {
                        throw lines.errorInColumn(column, name,
                                fields[column].strip() + " is negative; a length in cm is at least 0");
                    }
                    row[column] = centimetres + 0.0; // "-0" reads as 0.0, not -0.0
                }
                int species = CLASS_NAMES.indexOf(fields[FIELDS - 1]);
                if (species < 0) {
                    throw MalformedDataException.atLine(csv, lines.number(), "column " + (FIELDS - 1)
                            + " (species): unknown species \"" + fields[FIELDS - 1] + "\", expected one of "
                            + CLASS_NAMES);
                }
                rows.add(row);
                labels.add((double) species);
            }
            if (rows.isEmpty()) {
                throw MalformedDataException.atLine(csv, 2, "no data rows after the header");
            }
        }
        return new LabeledData(TensorLists.matrix(rows, FIELDS - 1), TensorLists.vector(labels), CLASS_NAMES);
    }
}
