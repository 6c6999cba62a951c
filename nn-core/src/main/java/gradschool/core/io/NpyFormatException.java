package gradschool.core.io;

import gradschool.core.Tensor;
import java.io.IOException;

/**
 * Signals that a {@code .npy} or {@code .npz} file is malformed, truncated, or uses a feature that
 * gradschool does not read (a complex, string or object dtype, for instance).
 *
 * <pre>{@code
 * try {
 *     Tensor x = Npy.read(Path.of("x.npy"));
 * } catch (NpyFormatException e) {
 *     // e.getMessage(): "x.npy: shape (10, 10) of <f8 needs 800 data bytes but the file has 100 after
 *     //                  the header at byte 128"
 * }
 * }</pre>
 *
 * <p>It is an {@link IOException}, like {@link java.util.zip.ZipException} and {@link
 * java.io.EOFException}: code that reads a file already handles {@code IOException}, and a bad file is
 * a problem with the input, not a bug in the calling code. The message names the file (for a member
 * of an archive, {@code archive.npz!weight.npy}), says what is wrong, and, where a position makes
 * sense, the byte offset at which the reader found the problem.
 */
public final class NpyFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file (or archive member) that was being read. */
    private final String source;

    /** The byte offset of the problem, or -1 when the problem has no single position. */
    private final long byteOffset;

    /**
     * Creates an exception for a problem found at a known byte offset.
     *
     * @param source the file or archive member being read
     * @param byteOffset where in it the problem was found, counted from 0
     * @param problem what is wrong, in words
     */
    public NpyFormatException(String source, long byteOffset, String problem) {
        super(source + ": " + problem + " at byte " + byteOffset);
        this.source = source;
        this.byteOffset = byteOffset;
    }

    /**
     * Creates an exception for a problem that has no single position (a corrupt archive, say).
     *
     * @param source the file or archive member being read
     * @param problem what is wrong, in words
     * @param cause the lower-level exception that revealed the problem, or null
     */
    public NpyFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.byteOffset = -1;
    }

    /**
     * Returns the name of the file or archive member that was being read.
     *
     * @return the source name
     */
    public String source() {
        return source;
    }

    /**
     * Returns the byte offset at which the problem was found.
     *
     * @return the offset counted from the start of the file (or archive member), or -1 if unknown
     */
    public long byteOffset() {
        return byteOffset;
    }
}
