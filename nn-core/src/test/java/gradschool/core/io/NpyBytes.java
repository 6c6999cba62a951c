package gradschool.core.io;

import gradschool.core.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Test helpers: build {@code .npy} bytes by hand and find the committed numpy fixtures. */
final class NpyBytes {

    private NpyBytes() {}

    /**
     * Returns a version-1.0 {@code .npy} file with the given header dict text and data bytes; the
     * header is padded to 64 bytes as numpy does.
     */
    static byte[] npy(String dict, byte[] data) {
        return npy(1, dict, data);
    }

    /** Returns a {@code .npy} file of the given major version (1, 2 or 3) with a hand-made header. */
    static byte[] npy(int major, String dict, byte[] data) {
        byte[] dictBytes = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int prefix = major == 1 ? 10 : 12;
        int padding = 64 - (prefix + dictBytes.length + 1) % 64;
        int headerLength = dictBytes.length + padding + 1;
        ByteBuffer header = ByteBuffer.allocate(prefix).order(ByteOrder.LITTLE_ENDIAN);
        header.put(Npy.MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            header.putShort((short) headerLength);
        } else {
            header.putInt(headerLength);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(dictBytes);
        out.writeBytes(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** Returns a header dict in numpy's spelling. */
    static String dict(String descr, boolean fortranOrder, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + shape + ", }";
    }

    /** Returns the bytes of {@code Npy.write} for a tensor. */
    static byte[] npyOf(Tensor tensor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Npy.write(out, tensor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Returns the path of a fixture made by {@code src/test/resources/npy/make_fixtures.py}. */
    static Path fixture(String name) {
        try {
            return Path.of(NpyBytes.class.getResource("/npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
