package gradschool.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a text data file line by line, counting lines (from 1) so that each error names its line,
 * and parses comma-separated fields with errors that name the column.
 */
final class TextLines {

    private final Path file;
    private final BufferedReader reader;
    private long number;

    /**
     * Wraps an open reader.
     *
     * @param file the file being read, for error messages
     * @param reader the reader, positioned at the start of the file
     */
    TextLines(Path file, BufferedReader reader) {
        this.file = file;
        this.reader = reader;
    }

    /**
     * Returns the next line, without its line terminator.
     *
     * @return the line, or {@code null} at the end of the file
     * @throws MalformedDataException if a gzip-compressed file turns out corrupt or truncated
     * @throws IOException if reading fails
     */
    String next() throws IOException {
        String line;
        try {
            line = reader.readLine();
        } catch (IOException e) {
            throw MalformedDataException.atLine(file, number + 1,
                    "cannot read this line: corrupt or truncated data (" + e + ")", e);
        }
        if (line != null) {
            number++;
        }
        return line;
    }

    /**
     * Returns the number of the line last returned by {@link #next()}, counted from 1.
     *
     * @return the line number
     */
    long number() {
        return number;
    }

    /**
     * Splits a line at commas and checks the number of fields.
     *
     * @param line the line
     * @param expected the number of fields it must have
     * @return the fields
     * @throws MalformedDataException naming the line, if the count differs
     */
    String[] split(String line, int expected) throws MalformedDataException {
        String[] fields = line.split(",", -1);
        if (fields.length != expected) {
            throw MalformedDataException.atLine(file, number, "expected " + expected
                    + " comma-separated fields, found " + fields.length
                    + (line.isEmpty() ? " (the line is empty)" : ""));
        }
        return fields;
    }

    /**
     * Parses a finite decimal number.
     *
     * @param field the text
     * @param column the column index, from 0, for the error message
     * @param columnName the column's name, for the error message
     * @return the number
     * @throws MalformedDataException naming the line and column, if the text is not a finite number
     */
    double parseDouble(String field, int column, String columnName) throws MalformedDataException {
        double value;
        try {
            value = Double.parseDouble(field.trim());
        } catch (NumberFormatException e) {
            throw MalformedDataException.atLine(file, number,
                    "column " + column + " (" + columnName + "): \"" + field + "\" is not a number", e);
        }
        if (!Double.isFinite(value)) {
            throw MalformedDataException.atLine(file, number,
                    "column " + column + " (" + columnName + "): \"" + field + "\" is not a finite number");
        }
        return value;
    }

    /**
     * Parses an integer that must lie in {@code [min, max]}.
     *
     * @param field the text
     * @param column the column index, from 0, for the error message
     * @param columnName the column's name, for the error message
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the integer
     * @throws MalformedDataException naming the line and column, if the text is not such an integer
     */
    int parseInt(String field, int column, String columnName, int min, int max) throws MalformedDataException {
        int value;
        try {
            value = Integer.parseInt(field.trim());
        } catch (NumberFormatException e) {
            throw MalformedDataException.atLine(file, number,
                    "column " + column + " (" + columnName + "): \"" + field + "\" is not an integer", e);
        }
        if (value < min || value > max) {
            throw MalformedDataException.atLine(file, number, "column " + column + " (" + columnName
                    + "): " + value + " is outside " + min + ".." + max);
        }
        return value;
    }
}
