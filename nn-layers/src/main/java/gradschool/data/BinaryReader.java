package gradschool.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads a binary file (gzip-compressed or not) front to back, keeping count of the byte offset so
 * that every error can say where the file went wrong.
 *
 * <p>It never trusts a length read from the file: {@link #readRecords} reads in chunks of at most
 * {@value #CHUNK_SIZE} bytes, so a corrupt header that claims a billion records costs one chunk of
 * memory before the missing data is noticed, not a billion bytes.
 */
final class BinaryReader implements Closeable {

    /** The largest single allocation made before the bytes that fill it have been read. */
    static final int CHUNK_SIZE = 1 << 20;

    private final Path file;
    private final boolean gzip;
    private final OptionalLong fileSize;
    private final InputStream in;
    private long position;

    private BinaryReader(Path file, boolean gzip, OptionalLong fileSize, InputStream in) {
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
        OptionalLong size = gzip ? OptionalLong.empty() : OptionalLong.of(Files.size(file));
        return new BinaryReader(file, gzip, size, DataFiles.openBytes(file, gzip));
    }

    /**
     * Returns the number of bytes the data holds, known up front only for an uncompressed file.
     *
     * @return the file size, or empty for a gzip file (whose decompressed size is unknown until read)
     */
    OptionalLong knownSize() {
        return fileSize;
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
        long remaining = (long) count * recordSize;
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
