package gradschool.data;

import com.google.common.math.LongMath;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a binary file (gzip-compressed or not) front to back, keeping count of the byte offset so
 * that every error can say where the file went wrong.
 *
 * <p>It never trusts a length read from the file: {@link #readRecords} reads in chunks of at most
 * {@value #CHUNK_SIZE} bytes, so a corrupt header that claims a billion records costs one chunk of
 * memory before the missing data is noticed, not a billion bytes. A caller can also compare a
 * claimed length with {@link #maxSize()}, the most the file can hold, before reading at all.
 */
final class BinaryReader implements Closeable {

    /** The largest single allocation made before the bytes that fill it have been read. */
    static final int CHUNK_SIZE = 1 << 20;

    private final Path file;
    private final boolean gzip;
    /** The size of the file on disk (compressed, for a gzip file). */
    private final long fileSize;
    private final InputStream in;
    private long position;

    private BinaryReader(Path file, boolean gzip, long fileSize, InputStream in) {
        this.file = file;
        this.gzip = gzip;
        this.fileSize = fileSize;
        this.in = in;
    }

    /**
     * Opens a file, decompressing it if it starts with the gzip magic number.
     *
     * @param file the file
     * @return a reader positioned at byte 0
     * @throws IOException if the file cannot be opened
     */
    static BinaryReader open(Path file) throws IOException {
        boolean gzip = DataFiles.isGzip(file);
        long size = Files.size(file);
        return new BinaryReader(file, gzip, size, DataFiles.openBytes(file, gzip));
    }

    /**
     * Returns the most bytes the data can hold: the file size, or for a gzip file
     * {@value DataFiles#MAX_DEFLATE_RATIO} times it (see {@link DataFiles#MAX_DEFLATE_RATIO}).
     *
     * @return an upper bound on the (decompressed) length
     */
    long maxSize() {
        return gzip ? LongMath.saturatedMultiply(fileSize, DataFiles.MAX_DEFLATE_RATIO) : fileSize;
    }

    /**
     * Returns the size of the file on disk (compressed, for a gzip file).
     *
     * @return the size in bytes
     */
    long fileSize() {
        return fileSize;
    }

    /**
     * Returns whether the file is gzip-compressed.
     *
     * @return true for a gzip file
     */
    boolean isGzip() {
        return gzip;
    }

    /**
     * Returns the offset of the next byte to be read (in the decompressed data for a gzip file).
     *
     * @return the offset
     */
    long position() {
        return position;
    }

    /**
     * Returns an exception naming this file and the given offset.
     *
     * @param offset the byte offset of the problem
     * @param problem what is wrong
     * @return the exception, for the caller to throw
     */
    MalformedDataException error(long offset, String problem) {
        return error(offset, problem, null);
    }

    private MalformedDataException error(long offset, String problem, Throwable cause) {
        return gzip
                ? MalformedDataException.atDecompressedByte(file, offset, problem, cause)
                : MalformedDataException.atByte(file, offset, problem, cause);
    }

    /**
     * Reads a big-endian 32-bit signed integer.
     *
     * @param what what the integer means, for the error message
     * @return the integer
     * @throws MalformedDataException if the data ends before 4 bytes
     * @throws IOException if reading fails
     */
    int readInt(String what) throws IOException {
        byte[] bytes = new byte[4];
        readFully(bytes, what);
        return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
    }

    /**
     * Reads {@code count} records of {@code recordSize} bytes each into a list of chunks of at most
     * {@value #CHUNK_SIZE} bytes. Each chunk is allocated only after the previous one was filled, so
     * a false count in a header is caught when the data runs out, without allocating what it claims.
     *
     * @param count how many records to read
     * @param recordSize the bytes per record
     * @param recordName what one record is ("image", "label"), for the error message
     * @return the chunks, in order; their lengths add up to {@code count · recordSize}
     * @throws MalformedDataException if the data ends early, naming the record it ends in
     * @throws IOException if reading fails
     */
    List<byte[]> readRecords(int count, int recordSize, String recordName) throws IOException {
        long start = position;
        List<byte[]> chunks = new ArrayList<>();
        long remaining = LongMath.checkedMultiply(count, recordSize);
        while (remaining > 0) {
            byte[] chunk = new byte[(int) Math.min(CHUNK_SIZE, remaining)];
            int got = readUpTo(chunk);
            if (got < chunk.length) {
                long record = (position - start) / recordSize;
                long recordStart = start + record * recordSize;
                throw error(position, "the data ends at byte " + position + ", inside " + recordName + " "
                        + record + " of the " + count + " being read (its bytes are " + recordStart + ".."
                        + (recordStart + recordSize - 1) + ")");
            }
            chunks.add(chunk);
            remaining -= chunk.length;
        }
        return chunks;
    }

    /**
     * Checks that no bytes are left.
     *
     * @param what what was expected to be last, for the error message
     * @throws MalformedDataException if there is more data
     * @throws IOException if reading fails
     */
    void expectEnd(String what) throws IOException {
        int next;
        try {
            next = in.read();
        } catch (IOException e) {
            throw wrap(e);
        }
        if (next >= 0) {
            throw error(position, "unexpected data after " + what);
        }
    }

    private void readFully(byte[] buffer, String what) throws IOException {
        long start = position;
        if (readUpTo(buffer) < buffer.length) {
            throw error(position, "the data ends at byte " + position + ", inside " + what
                    + " (bytes " + start + ".." + (start + buffer.length - 1) + ")");
        }
    }

    /** Fills the buffer unless the data ends first; returns how many bytes were read. */
    private int readUpTo(byte[] buffer) throws IOException {
        int done = 0;
        while (done < buffer.length) {
            int n;
            try {
                n = in.read(buffer, done, buffer.length - done);
            } catch (IOException e) {
                throw wrap(e);
            }
            if (n < 0) {
                break;
            }
            done += n;
            position += n;
        }
        return done;
    }

    /** Turns a low-level failure (typically corrupt or truncated gzip data) into one that says where. */
    private MalformedDataException wrap(IOException e) {
        String problem = gzip ? "corrupt or truncated gzip data (" + e + ")" : "cannot read (" + e + ")";
        return error(position, problem, e);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
