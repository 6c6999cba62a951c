package gradschool.core.io;

import static gradschool.core.io.NpyBytes.dict;
import static gradschool.core.io.NpyBytes.fixture;
import static gradschool.core.io.NpyBytes.npy;
import static gradschool.core.io.NpyBytes.npyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    @TempDir
    Path directory;

    /** Builds a ZIP archive in memory: member name, then member bytes, repeated. */
    static byte[] zipOf(boolean deflate, Object... namesAndBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setMethod(deflate ? ZipOutputStream.DEFLATED : ZipOutputStream.STORED);
            for (int i = 0; i < namesAndBytes.length; i += 2) {
                byte[] content = (byte[]) namesAndBytes[i + 1];
                ZipEntry entry = new ZipEntry((String) namesAndBytes[i]);
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setSize(content.length);
                    entry.setCompressedSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path fileWith(byte[] bytes) throws IOException {
        return Files.write(directory.resolve("bad.npz"), bytes);
    }

    // ---- fixtures written by numpy ----

    @Test
    void readsAnNpSavezArchiveInFileOrder() throws IOException {
        LinkedHashMap<String, Tensor> arrays = Npz.read(fixture("two_arrays.npz"));
        assertThat(arrays.keySet()).containsExactly("weight", "bias");
        assertThat(arrays.get("weight").to2DArray()).isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(arrays.get("bias").to1DArray()).containsExactly(0.5, -0.5);
    }

    @Test
    void readsAnNpSavezCompressedArchive() throws IOException {
        LinkedHashMap<String, Tensor> arrays = Npz.read(fixture("compressed.npz"));
        assertThat(arrays.keySet()).containsExactly("weight", "labels");
        assertThat(arrays.get("weight").shape()).isEqualTo(Shape.of(4, 5));
        assertThat(arrays.get("weight").toDoubleArray()).containsOnly(0.25);
        assertThat(arrays.get("labels").to1DArray()).containsExactly(3, 1, 4, 1, 5);
    }

    // ---- writing ----

    @Test
    void writesStoredMembersInInsertionOrder() throws IOException {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("zeta", Tensor.of(new double[][] {{1, 2}, {3, 4}}));
        arrays.put("alpha", Tensor.of(-1.5));
        arrays.put("mid/name", Tensor.arange(5));
        Path file = directory.resolve("out.npz");
        Npz.write(file, arrays);

        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            assertThat(entries).extracting(ZipEntry::getName).containsExactly("zeta.npy", "alpha.npy", "mid/name.npy");
            assertThat(entries).extracting(ZipEntry::getMethod).containsOnly(ZipEntry.STORED);
            assertThat(zip.getInputStream(entries.get(0)).readAllBytes()).isEqualTo(npyOf(arrays.get("zeta")));
        }
        LinkedHashMap<String, Tensor> back = Npz.read(file);
        assertThat(back.keySet()).containsExactly("zeta", "alpha", "mid/name");
        assertThat(back.get("zeta").to2DArray()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(back.get("alpha").item()).isEqualTo(-1.5);
        assertThat(back.get("mid/name").to1DArray()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void roundTripsAnEmptyArchive() throws IOException {
        Path file = directory.resolve("empty.npz");
        Npz.write(file, Map.of());
        assertThat(Npz.read(file)).isEmpty();
    }

    @Test
    void replacesAnExistingFileAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path file = directory.resolve("model.npz");
        Npz.write(file, Map.of("a", Tensor.of(1)));
        Npz.write(file, Map.of("b", Tensor.of(2)));
        assertThat(Npz.read(file).keySet()).containsExactly("b");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void rejectsANullTensorBeforeTouchingTheFile() {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("w", null);
        Path file = directory.resolve("n.npz");
        assertThatThrownBy(() -> Npz.write(file, arrays))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("'w'");
        assertThat(file).doesNotExist();
    }

    // ---- reading members that numpy would not write but a zip tool might ----

    @Test
    void skipsDirectoriesAndKeepsNamesWithoutTheNpySuffix() throws IOException {
        byte[] x = npyOf(Tensor.of(3));
        Path file = fileWith(zipOf(true, "dir/", new byte[0], "dir/x.npy", x, "plain", x));
        assertThat(Npz.read(file).keySet()).containsExactly("dir/x", "plain");
    }

    // ---- malformed archives ----

    @Test
    void rejectsAFileThatIsNotAZipArchive() throws IOException {
        Path file = fileWith("hello, I am not a zip file".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith(file + ": not a ZIP archive");
    }

    @Test
    void rejectsATruncatedArchive() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("two_arrays.npz"));
        Path file = fileWith(Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Npz.read(file)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("bad.npz");
    }

    @Test
    void detectsACorruptedStoredMemberByItsChecksum() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("two_arrays.npz"));
        // The first member's data: its .npy magic, then a 128-byte header, then 48 data bytes.
        int npyStart = indexOf(bytes, Npy.MAGIC);
        bytes[npyStart + 128 + 5] ^= 0x10;
        Path file = fileWith(bytes);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith(file + "!weight.npy: CRC-32 is ")
                .hasMessageContaining("the member is corrupt");
    }

    @Test
    void namesTheMemberWhenAMemberIsMalformed() throws IOException {
        byte[] good = npyOf(Tensor.of(1));
        byte[] complex = npy(dict("<c16", false, "(1,)"), new byte[16]);
        Path file = fileWith(zipOf(false, "good.npy", good, "complex.npy", complex));
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith(file + "!complex.npy: unsupported dtype '<c16'");
    }

    @Test
    void rejectsAMemberWithBytesAfterItsData() throws IOException {
        byte[] padded = Arrays.copyOf(npyOf(Tensor.of(1)), npyOf(Tensor.of(1)).length + 3);
        Path file = fileWith(zipOf(true, "x.npy", padded));
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith(file + "!x.npy: shape () of <f8 needs 8 data bytes but the file has 11"
                        + " after the header");
    }

    @Test
    void rejectsTwoMembersWithTheSameArrayName() throws IOException {
        byte[] x = npyOf(Tensor.of(1));
        Path file = fileWith(zipOf(false, "x.npy", x, "x", x));
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage(file + ": the archive holds two arrays named 'x'");
    }

    @Test
    void rejectsACorruptDeflatedStream() throws IOException {
        byte[] bytes = zipOf(true, "x.npy", npyOf(Tensor.arange(100)));
        // Local header: 30 bytes plus the 5-byte name; the deflated data follows.
        for (int i = 35; i < 45; i++) {
            bytes[i] = (byte) 0xFF;
        }
        Path file = fileWith(bytes);
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith(file + "!x.npy: ");
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
