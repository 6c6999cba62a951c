package gradschool.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens data files, decompressing them on the fly when they are gzip files.
 *
 * <p>A gzip file is recognised by its first two bytes, the magic number {@code 1f 8b}, not by its
 * name: {@code digits.csv.gz} and a gunzipped copy renamed by mistake both read correctly.
 */
final class DataFiles {

    /** The first two bytes of every gzip file (RFC 1952, section 2.3.1). */
    static final int GZIP_MAGIC_0 = 0x1f;
    static final int GZIP_MAGIC_1 = 0x8b;

    /**
     * The most bytes one compressed byte can inflate to. Deflate's longest match is 258 bytes, and a
     * match costs at least 2 bits (a 1-bit length code and a 1-bit distance code), so no deflate
     * stream, and hence no gzip file, decompresses to more than 1032 times its size.
     */
    static final long MAX_DEFLATE_RATIO = 1032;

    private static final int BUFFER_SIZE = 1 << 16;

    private DataFiles() {}

    /**
     * Returns whether the file starts with the gzip magic number.
     *
     * @param file the file
     * @return true for a gzip file
     * @throws IOException if the file cannot be read
     */
    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == GZIP_MAGIC_0 && in.read() == GZIP_MAGIC_1;
        }
    }

    /**
     * Opens a file for reading its (decompressed) bytes.
     *
     * @param file the file
     * @param gzip whether to decompress it, as told by {@link #isGzip}
     * @return a buffered stream; the caller closes it
     * @throws IOException if the file cannot be opened, or its gzip header is corrupt
     */
    static InputStream openBytes(Path file, boolean gzip) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            InputStream in = gzip ? new GZIPInputStream(raw, BUFFER_SIZE) : raw;
            return new BufferedInputStream(in, BUFFER_SIZE);
        } catch (IOException e) {
            raw.close();
            String why = e.getMessage() != null ? e.getMessage() : "it ends early: " + e.getClass().getSimpleName();
            throw MalformedDataException.atByte(file, 0, "corrupt gzip header (" + why + ")", e);
        }
    }

    /**
     * Opens a text file (UTF-8, gzip-compressed or not) for reading line by line.
     *
     * @param file the file
     * @return a reader; the caller closes it
     * @throws IOException if the file cannot be opened, or its gzip header is corrupt
     */
    static BufferedReader openText(Path file) throws IOException {
        InputStream in = openBytes(file, isGzip(file));
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER_SIZE);
    }
}
