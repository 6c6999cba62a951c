package gradschool.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Thrown when a data file does not have the format its reader expects; the message names the file
 * and the position (a byte offset or a line number) where the problem was found.
 *
 * <pre>{@code
 * try {
 *     Mnist.readLabels(Path.of("broken-labels-idx1-ubyte"));
 * } catch (MalformedDataException e) {
 *     System.err.println(e.getMessage());
 *     // broken-labels-idx1-ubyte, byte 12: label 10 of record 4 is outside 0..9
 * }
 * }</pre>
 *
 * <p>For a gzip-compressed file the byte offset counts bytes of the <em>decompressed</em> data,
 * which is what the format describes; the message says so.
 */
public final class MalformedDataException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file is kept as text so that the exception stays serializable. */
    private final String file;
    /** The byte offset of the problem, or -1 when the position is a line. */
    private final long byteOffset;
    /** The line number (from 1) of the problem, or -1 when the position is a byte offset. */
    private final long line;

    private MalformedDataException(Path file, long byteOffset, long line, String where, String problem,
            Throwable cause) {
        super(file + ", " + where + ": " + problem, cause);
        this.file = file.toString();
        this.byteOffset = byteOffset;
        this.line = line;
    }

    /**
     * Returns an exception for a problem at a byte offset of a binary file.
     *
     * @param file the file being read
     * @param byteOffset the offset, counted from 0, of the first byte that is wrong or missing
     * @param problem what is wrong, in words
     * @return the exception (to be thrown by the caller)
     */
    public static MalformedDataException atByte(Path file, long byteOffset, String problem) {
        return atByte(file, byteOffset, problem, null);
    }

    /**
     * Returns an exception for a problem at a byte offset of a binary file, with the underlying cause.
     *
     * @param file the file being read
     * @param byteOffset the offset, counted from 0, of the first byte that is wrong or missing
     * @param problem what is wrong, in words
     * @param cause the exception that revealed the problem, or {@code null}
     * @return the exception (to be thrown by the caller)
     */
    public static MalformedDataException atByte(Path file, long byteOffset, String problem, Throwable cause) {
        return new MalformedDataException(checkFile(file), byteOffset, -1, "byte " + byteOffset, problem, cause);
    }

    /**
     * Returns an exception for a problem at a byte offset of the decompressed content of a gzip file.
     *
     * @param file the gzip file being read
     * @param byteOffset the offset, counted from 0, in the decompressed data
     * @param problem what is wrong, in words
     * @param cause the exception that revealed the problem, or {@code null}
     * @return the exception (to be thrown by the caller)
     */
    public static MalformedDataException atDecompressedByte(Path file, long byteOffset, String problem,
            Throwable cause) {
        return new MalformedDataException(checkFile(file), byteOffset, -1,
                "byte " + byteOffset + " of the decompressed data", problem, cause);
    }

    /**
     * Returns an exception for a problem on a line of a text file.
     *
     * @param file the file being read
     * @param line the line number, counted from 1 as editors do
     * @param problem what is wrong, in words
     * @return the exception (to be thrown by the caller)
     */
    public static MalformedDataException atLine(Path file, long line, String problem) {
        return atLine(file, line, problem, null);
    }

    /**
     * Returns an exception for a problem on a line of a text file, with the underlying cause.
     *
     * @param file the file being read
     * @param line the line number, counted from 1 as editors do
     * @param problem what is wrong, in words
     * @param cause the exception that revealed the problem, or {@code null}
     * @return the exception (to be thrown by the caller)
     */
    public static MalformedDataException atLine(Path file, long line, String problem, Throwable cause) {
        return new MalformedDataException(checkFile(file), -1, line, "line " + line, problem, cause);
    }

    private static Path checkFile(Path file) {
        return Objects.requireNonNull(file, "file");
    }

    /**
     * Returns the file that is malformed, as it was given to the reader.
     *
     * @return the file's path
     */
    public Path file() {
        return Path.of(file);
    }

    /**
     * Returns the byte offset of the problem (in the decompressed data for a gzip file), if the
     * position is a byte offset.
     *
     * @return the offset, or empty for a problem reported by line
     */
    public OptionalLong byteOffset() {
        return byteOffset >= 0 ? OptionalLong.of(byteOffset) : OptionalLong.empty();
    }

    /**
     * Returns the line number (from 1) of the problem, if the position is a line.
     *
     * @return the line number, or empty for a problem reported by byte offset
     */
    public OptionalLong line() {
        return line >= 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }
}
