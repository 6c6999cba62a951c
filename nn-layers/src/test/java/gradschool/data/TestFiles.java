package gradschool.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small data files for the reader tests: IDX headers and bodies, gzip, text. */
final class TestFiles {

    /** The repository's shipped datasets; Maven runs tests with the module directory as working directory. */
    static final Path SHIPPED_DATA = Path.of("..", "data");

    private TestFiles() {}

    /** Returns an IDX image file: magic, count, rows, cols (big-endian int32 each), then the pixels. */
    static byte[] idxImages(int magic, int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length)
                .putInt(magic).putInt(count).putInt(rows).putInt(cols).put(pixels).array();
    }

    /** Returns an IDX label file: magic, count, then the label bytes. */
    static byte[] idxLabels(int magic, int count, byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(count).put(labels).array();
    }

    /** Returns {@code count} images of {@code rows × cols}; pixel {@code k} of the file is {@code k mod 256}. */
    static byte[] countingPixels(int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) k;
        }
        return pixels;
    }

    /** Returns the gzip compression of the bytes. */
    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Returns the first {@code length} bytes. */
    static byte[] truncate(byte[] bytes, int length) {
        byte[] part = new byte[length];
        System.arraycopy(bytes, 0, part, 0, length);
        return part;
    }

    /** Writes bytes to {@code directory/name} and returns the path. */
    static Path write(Path directory, String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }

    /** Writes UTF-8 text to {@code directory/name} and returns the path. */
    static Path writeText(Path directory, String name, String text) throws IOException {
        return write(directory, name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Code under test that may throw anything. */
    @FunctionalInterface
    interface ThrowingCall {
        /**
         * Runs the code.
         *
         * @throws Throwable whatever it throws
         */
        void run() throws Throwable;
    }

    /**
     * Runs the code, records in {@code allocated[slot]} how many bytes this thread allocated while
     * it ran (HotSpot's per-thread counter), and returns what it threw, or null.
     */
    static Throwable catchAllocating(ThrowingCall call, long[] allocated, int slot) {
        long before = Allocations.currentThread();
        Throwable thrown = null;
        try {
            call.run();
        } catch (Throwable t) {
            thrown = t;
        }
        allocated[slot] = Allocations.currentThread() - before;
        return thrown;
    }
}
