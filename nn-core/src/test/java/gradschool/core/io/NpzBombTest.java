package gradschool.core.io;

import static gradschool.core.io.NpyBytes.dict;
import static gradschool.core.io.NpyBytes.npy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decompression bombs: small {@code .npz} files whose headers claim, or whose deflate streams
 * produce, far more than the file could honestly hold. {@link Npz#read} must reject each with
 * {@link NpyFormatException} naming the file, without allocating or inflating what is claimed.
 *
 * <p>The claims below are of 16 GiB and more: were the reader to allocate them, the test would
 * end in {@link OutOfMemoryError} (or "Requested array size exceeds VM limit") instead.
 */
class NpzBombTest {

    private static final long SIXTEEN_MIB = 16L << 20;

    @TempDir
    Path directory;

    private Path fileWith(byte[] bytes) throws IOException {
        return Files.write(directory.resolve("bomb.npz"), bytes);
    }

    @Test
    void aMemberWhoseNpyHeaderClaimsMoreThanTheArchiveDeclaresIsRejectedBeforeInflating() throws IOException {
        // The .npy header claims 16 MiB of uint8 (128 MiB as doubles), and the deflate stream really
        // holds them (16 KiB compressed), but the central directory declares 16 data bytes. Before,
        // the reader believed the stream and returned the 16 MiB array.
        byte[] header = npy(dict("|u1", false, "(16777216,)"), new byte[0]);
        byte[] deflated = ZipBytes.deflate(header, SIXTEEN_MIB);
        byte[] archive = new ZipBytes().add(new ZipBytes.Member("bomb.npy", 8, deflated,
                ZipBytes.crc(header, SIXTEEN_MIB), header.length + 16)).toByteArray();
        assertThat(archive.length).isLessThan(20_000);
        Path file = fileWith(archive);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage(file + "!bomb.npy: shape (16777216,) of |u1 needs 16777216 data bytes but the file has 16"
                        + " after the header at byte 128");
    }

    @Test
    void aDeflateStreamLongerThanItsDeclaredSizeIsNotInflatedFurther() throws IOException {
        // Header, central directory and CRC-32 all describe a 144-byte member; the deflate stream
        // goes on for 16 MiB more. Reading stops after one byte past the declared size.
        byte[] member = npy(dict("|u1", false, "(16,)"), new byte[16]);
        byte[] deflated = ZipBytes.deflate(member, SIXTEEN_MIB);
        byte[] archive = new ZipBytes().add(new ZipBytes.Member("bomb.npy", 8, deflated, ZipBytes.crc(member),
                member.length)).toByteArray();
        Path file = fileWith(archive);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage(file + "!bomb.npy: the member inflates to more than the 144 bytes the archive declares");
    }

    @Test
    void aDeclaredSizeOfManyGigabytesBeyondWhatDeflateCanProduceIsRejected() throws IOException {
        // The central directory (ZIP64) and the .npy header agree on 16 GiB of float64, from 1 KiB of
        // deflate data that can inflate to at most 1032 times that.
        byte[] header = npy(dict("<f8", false, "(2147483647,)"), new byte[0]);
        byte[] deflated = ZipBytes.deflate(header, 100_000);
        long claimed = header.length + 8L * Integer.MAX_VALUE;
        byte[] archive = new ZipBytes().add(new ZipBytes.Member("bomb.npy", 8, deflated, 0, claimed)).toByteArray();
        Path file = fileWith(archive);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage(file + ": member 'bomb.npy' declares " + claimed + " bytes uncompressed, but "
                        + deflated.length + " deflated bytes inflate to at most " + 1032L * deflated.length
                        + " at byte 0");
    }

    @Test
    void aStoredMemberClaimingManyGigabytesIsRejectedByTheFileSize() throws IOException {
        byte[] header = npy(dict("<f8", false, "(2147483647,)"), new byte[64]);
        long claimed = header.length - 64 + 8L * Integer.MAX_VALUE;
        // A stored member's declared sizes are both `claimed`, but only its first bytes are there.
        byte[] archive = new ZipBytes().add(new ZipBytes.Member("bomb.npy", 0, header, 0, claimed)).toByteArray();
        byte[] lying = rewriteZip64CompressedSizes(archive, claimed);
        Path file = fileWith(lying);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith(file + ": the " + claimed + " bytes of member 'bomb.npy' run past the"
                        + " central directory at byte ");
    }

    @Test
    void anNpyHeaderClaimingManyGigabytesInAnHonestArchiveIsRejectedBeforeAllocating() throws IOException {
        byte[] member = npy(dict("<f8", false, "(2147483647,)"), new byte[1000]);
        Path file = fileWith(new ZipBytes().deflated("bomb.npy", member).toByteArray());
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage(file + "!bomb.npy: shape (2147483647,) of <f8 needs 17179869176 data bytes but the file"
                        + " has 1000 after the header at byte 128");
    }

    /**
     * Makes a stored member's compressed size in both ZIP64 extra fields (local and central) equal
     * to {@code size}, as a lying archive would. ZipBytes writes the data's real length there.
     */
    private static byte[] rewriteZip64CompressedSizes(byte[] archive, long size) {
        ByteBuffer buffer = ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 20 <= archive.length; at++) {
            if (buffer.getShort(at) == 1 && buffer.getShort(at + 2) == 16 && buffer.getLong(at + 4) == size) {
                buffer.putLong(at + 12, size);
            }
        }
        return archive;
    }
}
