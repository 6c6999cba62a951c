package gradschool.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aShortNameIsUsedWhole() {
        assertThat(AtomicFiles.temporaryBase("model.npz")).isEqualTo(".model.npz.");
    }

    @Test
    void aLongNameIsCutAtWholeCharactersAndKeepsAChecksumOfTheFullName() {
        String a = "😀".repeat(60) + "-a.npz"; // 246 bytes
        String b = "😀".repeat(60) + "-b.npz";

        String baseA = AtomicFiles.temporaryBase(a);
        String baseB = AtomicFiles.temporaryBase(b);

        assertThat(baseA).isNotEqualTo(baseB).startsWith("." + "😀".repeat(47) + "~").endsWith(".");
        assertThat(utf8Length(baseA) - 2).isLessThanOrEqualTo(AtomicFiles.MAX_BASE_BYTES);
        String temporary = baseA + "0123456789abcdef" + AtomicFiles.TEMPORARY_SUFFIX;
        assertThat(utf8Length(temporary)).isLessThanOrEqualTo(255);
        assertThat(AtomicFiles.isTemporaryName(temporary, baseA)).isTrue();
        assertThat(AtomicFiles.isTemporaryName(temporary, baseB)).isFalse();
    }

    @Test
    void onlyExactlySixteenLowerCaseHexDigitsMakeATemporaryName() {
        String base = AtomicFiles.temporaryBase("m.npz");
        assertThat(AtomicFiles.isTemporaryName(".m.npz.0123456789abcdef.gradschool-tmp", base)).isTrue();
        assertThat(AtomicFiles.isTemporaryName(".m.npz.0123456789ABCDEF.gradschool-tmp", base)).isFalse();
        assertThat(AtomicFiles.isTemporaryName(".m.npz.0123456789abcde\u0663.gradschool-tmp", base)).isFalse();
        assertThat(AtomicFiles.isTemporaryName(".m.npz.0123456789abcdef0.gradschool-tmp", base)).isFalse();
        assertThat(AtomicFiles.isTemporaryName(".m.npz.0123456789abcdef.tmp", base)).isFalse();
        assertThat(AtomicFiles.isTemporaryName(".m.npz.x.0123456789abcdef.gradschool-tmp", base)).isFalse();
    }

    @Test
    void aStaleTemporaryFileOfALongTargetNameIsRemovedByTheNextWrite() throws IOException {
        String name = "é".repeat(120) + ".npz"; // 244 bytes: its temporary names are shortened
        Path file = dir.resolve(name);
        Npy.write(file, Tensor.of(new double[] {1, 2}));
        Path stale = Files.write(
                dir.resolve(AtomicFiles.temporaryBase(name) + "00000000deadbeef" + AtomicFiles.TEMPORARY_SUFFIX),
                new byte[10]);

        Npy.write(file, Tensor.of(new double[] {3}));

        assertThat(stale).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Npy.read(file)).isEqualTo(Tensor.of(new double[] {3}));
    }

    @Test
    void aStaleTemporaryFileWithReadOnlyPermissionsIsRemovedToo() throws IOException {
        Path file = dir.resolve("w.npy");
        Path stale = Files.write(dir.resolve(".w.npy.00000000deadbeef.gradschool-tmp"), new byte[10]);
        stale.toFile().setWritable(false);

        Npy.write(file, Tensor.of(new double[] {1}));

        assertThat(stale).doesNotExist();
    }

    @Test
    void aLoopOfSymbolicLinksIsAnErrorNamingTheFile() throws IOException {
        Path a = dir.resolve("a.npy");
        Path b = dir.resolve("b.npy");
        Files.createSymbolicLink(a, b.getFileName());
        Files.createSymbolicLink(b, a.getFileName());

        assertThatThrownBy(() -> Npy.write(a, Tensor.of(new double[] {1})))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining(a.toString())
                .hasMessageContaining("symbolic links");
    }

    @Test
    void aFailedWriteLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("w.npy");
        Npy.write(file, Tensor.of(new double[] {1}));

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        })).hasMessage("disk full");

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Npy.read(file)).isEqualTo(Tensor.of(new double[] {1}));
    }
}
