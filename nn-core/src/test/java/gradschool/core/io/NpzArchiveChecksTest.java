package gradschool.core.io;

import static gradschool.core.io.NpyBytes.fixture;
import static gradschool.core.io.NpyBytes.npyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks {@link Npz#read} makes on the ZIP structure: every local header agrees with the
 * central directory, members do not overlap, and only what numpy writes is accepted.
 *
 * <p>{@code two_arrays.npz} (written by numpy) starts with the local header of {@code weight.npy}
 * at byte 0; the local header of {@code bias.npy} is at byte 236, its name at byte 266.
 */
class NpzArchiveChecksTest {

    private static final int BIAS_LOCAL_HEADER = 236;
    private static final int BIAS_LOCAL_NAME = BIAS_LOCAL_HEADER + 30;

    @TempDir
    Path directory;

    private Path fileWith(byte[] bytes) throws IOException {
        return Files.write(directory.resolve("model.npz"), bytes);
    }

    private static byte[] twoArrays() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("two_arrays.npz"));
        assertThat(new String(bytes, BIAS_LOCAL_NAME, 8, StandardCharsets.US_ASCII)).isEqualTo("bias.npy");
        return bytes;
    }

    /** Where the central directory's copy of a name starts: its last occurrence in the file. */
    private static int centralName(byte[] bytes, String name) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.lastIndexOf(name);
    }

    @Test
    void aBitFlippedNameInALocalHeaderIsRejected() throws IOException {
        byte[] bytes = twoArrays();
        bytes[BIAS_LOCAL_NAME] ^= 0x04; // 'b' -> 'f'
        Path file = fileWith(bytes);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOfSatisfying(NpyFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.byteOffset()).isEqualTo(BIAS_LOCAL_HEADER);
                })
                .hasMessage(file + ": the local header names the member 'fias.npy' but the central directory"
                        + " names it 'bias.npy': the archive is corrupt at byte 236");
    }

    @Test
    void aBitFlippedNameInTheCentralDirectoryIsRejected() throws IOException {
        // Before: the array came back named 'fias', without any error.
        byte[] bytes = twoArrays();
        bytes[centralName(bytes, "bias.npy")] ^= 0x04;
        Path file = fileWith(bytes);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage(file + ": the local header names the member 'bias.npy' but the central directory"
                        + " names it 'fias.npy': the archive is corrupt at byte 236");
    }

    @Test
    void aLocalHeaderWhoseChecksumDisagreesIsRejected() throws IOException {
        byte[] bytes = twoArrays();
        bytes[BIAS_LOCAL_HEADER + 14] ^= 0x01; // the local CRC-32's lowest byte
        Path file = fileWith(bytes);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith(file + ": the local header of member 'bias.npy' says CRC-32 ")
                .hasMessageContaining("but the central directory says")
                .hasMessageEndingWith("at byte 236");
    }

    @Test
    void aLocalHeaderWhoseZip64SizeDisagreesIsRejected() throws IOException {
        // numpy writes ZIP64 local headers: both sizes 0xFFFFFFFF, the real ones in an extra field
        // (id 1, 16 bytes) after the name.
        byte[] bytes = twoArrays();
        int extraSizes = BIAS_LOCAL_NAME + "bias.npy".length() + 4;
        ByteBuffer extra = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(extra.getLong(extraSizes)).isEqualTo(extra.getLong(extraSizes + 8));
        extra.putLong(extraSizes, 1L << 40);
        Path file = fileWith(bytes);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("the local header of member 'bias.npy' says CRC-32")
                .hasMessageContaining(", 1099511627776 uncompressed, but the central directory says");
    }

    @Test
    void twoEntriesSharingTheSameBytesAreRejected() throws IOException {
        // A zip bomb's trick: many central directory entries pointing at the same compressed bytes.
        byte[] single = new ZipBytes().stored("x.npy", npyOf(Tensor.arange(3))).toByteArray();
        byte[] shared = withCentralEntryRepeated(single);
        Path file = fileWith(shared);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith(file + ": the 152 bytes of member 'x.npy' run past the next member's"
                        + " local header at byte 0");
    }

    @Test
    void anEndRecordThatCountsTooFewEntriesIsRejected() throws IOException {
        byte[] bytes = new ZipBytes().stored("a.npy", npyOf(Tensor.of(1))).stored("b.npy", npyOf(Tensor.of(2)))
                .toByteArray();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(bytes.length - 12, (short) 1)
                .putShort(bytes.length - 14, (short) 1);
        Path file = fileWith(bytes);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("bytes after the 1 entries the end record counts");
    }

    @Test
    void aStoredMemberWhoseTwoSizesDifferIsRejected() throws IOException {
        byte[] content = npyOf(Tensor.of(1));
        byte[] bytes = new ZipBytes().add(new ZipBytes.Member("x.npy", 0, content, ZipBytes.crc(content),
                content.length + 1)).toByteArray();
        Path file = fileWith(bytes);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage(file + ": member 'x.npy' is stored (not compressed) but its sizes differ: 136 bytes"
                        + " in the archive, 137 declared at byte 0");
    }

    @Test
    void otherCompressionMethodsAreRejectedByName() throws IOException {
        byte[] content = npyOf(Tensor.of(1));
        byte[] bytes = new ZipBytes().add(new ZipBytes.Member("x.npy", 12, content, ZipBytes.crc(content),
                content.length)).toByteArray();
        Path file = fileWith(bytes);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("member 'x.npy' uses compression method 12; .npz members are stored (0) or"
                        + " deflated (8)");
    }

    @Test
    void readsAZip64EndRecordAndDeflatedMembers() throws IOException {
        byte[] bytes = new ZipBytes().stored("w.npy", npyOf(Tensor.arange(6).reshape(2, 3)))
                .deflated("b.npy", npyOf(Tensor.of(new double[] {0.5, -0.5}))).withZip64EndRecord().toByteArray();
        Path file = fileWith(bytes);
        var arrays = Npz.read(file);
        assertThat(arrays.keySet()).containsExactly("w", "b");
        assertThat(arrays.get("b").to1DArray()).containsExactly(0.5, -0.5);
    }

    @Test
    void anEmptyFileIsNotAZipArchive() throws IOException {
        Path file = fileWith(new byte[0]);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage(file + ": not a ZIP archive: 0 bytes is shorter than the 22-byte end record every"
                        + " archive ends with at byte 0");
    }

    /** Adds a second central directory entry identical to the only one (same name, same local header). */
    private static byte[] withCentralEntryRepeated(byte[] archive) {
        ByteBuffer in = ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN);
        int endAt = archive.length - 22;
        int directorySize = in.getInt(endAt + 12);
        int directoryOffset = in.getInt(endAt + 16);
        byte[] entry = Arrays.copyOfRange(archive, directoryOffset, directoryOffset + directorySize);
        ByteBuffer out = ByteBuffer.allocate(archive.length + directorySize).order(ByteOrder.LITTLE_ENDIAN);
        out.put(archive, 0, endAt).put(entry).put(archive, endAt, 22);
        out.putShort(endAt + directorySize + 8, (short) 2).putShort(endAt + directorySize + 10, (short) 2)
                .putInt(endAt + directorySize + 12, 2 * directorySize);
        return out.array();
    }
}
