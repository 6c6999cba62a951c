package gradschool.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Reads a text data file line by line, counting lines (from 1) so that each error names its line,
 * and parses comma-separated fields with errors that name the column.
 *
 * <p>It never holds more than one line, and a line longer than the cap it is given fails as soon as
 * the cap is passed: a compressed file that inflates to one endless line (a decompression bomb)
 * costs a few kilobytes, not the heap.
 *
 * <p>Numbers are read in one plain decimal notation only, in ASCII, optionally surrounded by spaces
 * or tabs: an integer is {@code -?[0-9]+}; a decimal number is
 * {@code -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?}. So {@code 5.1}, {@code 0.25}, {@code -3},
 * {@code 1e-3} are numbers; {@code +3}, {@code .5}, {@code 3.}, {@code 1f}, {@code 0x1p3},
 * {@code NaN}, {@code Infinity} and digits of other scripts ({@code ٣}) are not, although Java's
 * {@code Double.parseDouble} and {@code Integer.parseInt} accept some of them.
 */
final class TextLines {

    private static final int BUFFER_SIZE = 1 << 13;

    private final Path file;
    private final Reader reader;
    private final int maxLineLength;
    private final char[] buffer = new char[BUFFER_SIZE];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    /** Set after a '\r': a '\n' right after it ends the same line. */
    private boolean skipLineFeed;
    private long number;

    /**
     * Wraps an open reader.
     *
     * @param file the file being read, for error messages
     * @param reader the reader, positioned at the start of the file
     * @param maxLineLength the most characters a line may have (without its line break)
     */
    TextLines(Path file, Reader reader, int maxLineLength) {
        this.file = file;
        this.reader = reader;
        this.maxLineLength = maxLineLength;
    }

    /**
     * Returns the next line, without its line break ({@code \n}, {@code \r\n} or {@code \r}).
     *
     * @return the line, or {@code null} at the end of the file
     * @throws MalformedDataException if the line is longer than the cap, or a gzip-compressed file
     *     turns out corrupt or truncated
     * @throws IOException if reading fails
     */
    String next() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            char c = buffer[position++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                skipLineFeed = true;
                break;
            }
            if (line.length() == maxLineLength) {
                throw MalformedDataException.atLine(file, number + 1, "the line is longer than " + maxLineLength
                        + " characters, the most this reader accepts: not a file of this data set, or its"
                        + " line breaks are missing");
            }
            line.append(c);
        }
        number++;
        return line.toString();
    }

    /** Reads more characters into the buffer; returns false at the end of the file. */
    private boolean fill() throws IOException {
        int n;
        try {
            n = reader.read(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw MalformedDataException.atLine(file, number + 1,
                    "cannot read this line: corrupt or truncated data (" + e + ")", e);
        }
        if (n <= 0) {
            return false; // read never returns 0 for a non-empty buffer
        }
        position = 0;
        limit = n;
        return true;
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
     * Returns an exception naming this file, the current line and a column.
     *
     * @param column the column index, from 0
     * @param columnName the column's name
     * @param problem what is wrong
     * @return the exception, for the caller to throw
     */
    MalformedDataException errorInColumn(int column, String columnName, String problem) {
        return MalformedDataException.atLine(file, number, "column " + column + " (" + columnName + "): " + problem);
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
     * Parses a finite plain decimal number ({@code -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?}).
     *
     * @param field the text; spaces and tabs around it are ignored
     * @param column the column index, from 0, for the error message
     * @param columnName the column's name, for the error message
     * @return the number
     * @throws MalformedDataException naming the line and column, if the text is not such a number or
     *     is too large for a double
     */
    double parseDecimal(String field, int column, String columnName) throws MalformedDataException {
        String text = strip(field);
        if (!isPlainDecimal(text)) {
            throw errorInColumn(column, columnName, "\"" + field + "\" is not a number: expected a plain decimal"
                    + " number such as 5.1, 0.25 or 1e-3 (ASCII digits, with an optional leading '-', decimal"
                    + " point and exponent; no '+', hex, suffix, NaN or Infinity)");
        }
        double value = Double.parseDouble(text); // safe: the text is plain decimal
        if (!Double.isFinite(value)) {
            throw errorInColumn(column, columnName, "\"" + field + "\" is not a finite number (too large for a double)");
        }
        return value;
    }

    /**
     * Parses a plain integer ({@code -?[0-9]+}) that must lie in {@code [min, max]}.
     *
     * @param field the text; spaces and tabs around it are ignored
     * @param column the column index, from 0, for the error message
     * @param columnName the column's name, for the error message
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the integer
     * @throws MalformedDataException naming the line and column, if the text is not such an integer
     */
    int parseInt(String field, int column, String columnName, int min, int max) throws MalformedDataException {
        String text = strip(field);
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        if (digits.isEmpty() || skipDigits(digits, 0) != digits.length()) {
            throw errorInColumn(column, columnName, "\"" + field + "\" is not an integer: expected ASCII digits"
                    + " with an optional leading '-', such as 0 or 16");
        }
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++; // leading zeros
        }
        if (digits.length() - first > 9) { // more digits than any int in range could have: do not overflow
            throw errorInColumn(column, columnName, text + " is outside " + min + ".." + max);
        }
        int magnitude = Integer.parseInt(digits, first, digits.length(), 10); // safe: 1 to 9 ASCII digits
        int value = negative ? -magnitude : magnitude;
        if (value < min || value > max) {
            throw errorInColumn(column, columnName, value + " is outside " + min + ".." + max);
        }
        return value;
    }

    /** Removes spaces and tabs (only those) from both ends. */
    private static String strip(String field) {
        int start = 0;
        int end = field.length();
        while (start < end && (field.charAt(start) == ' ' || field.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (field.charAt(end - 1) == ' ' || field.charAt(end - 1) == '\t')) {
            end--;
        }
        return field.substring(start, end);
    }

    /** Returns whether the text is {@code -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    static boolean isPlainDecimal(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        int integerEnd = skipDigits(text, i);
        if (integerEnd == i) {
            return false;
        }
        i = integerEnd;
        if (i < text.length() && text.charAt(i) == '.') {
            int fractionEnd = skipDigits(text, i + 1);
            if (fractionEnd == i + 1) {
                return false;
            }
            i = fractionEnd;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentEnd = skipDigits(text, i);
            if (exponentEnd == i) {
                return false;
            }
            i = exponentEnd;
        }
        return i == text.length();
    }

    private static int skipDigits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
