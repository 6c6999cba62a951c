package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@link LayerState#save} treats the file system: long names, crashed saves, permissions, links. */
class LayerStateFileTest {

    @TempDir
    Path dir;

    private static Sequential model(long seed) {
        Random random = new Random(seed);
        return new Sequential(new Linear(3, 4, random), new ReLU(), new Linear(4, 2, random));
    }

    private static void assertSameParameters(Layer actual, Layer expected) {
        for (int i = 0; i < expected.parameters().size(); i++) {
            assertThat(actual.parameters().get(i).value()).isEqualTo(expected.parameters().get(i).value());
        }
    }

    private List<String> namesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cjk", "emoji", "mixed"})
    void aTargetNameOf250BytesOfNonAsciiSavesAndLoads(String alphabet) throws IOException {
        String name = switch (alphabet) {
            case "cjk" -> "漢".repeat(82) + ".npz";                  // 3 bytes a character: 246 + 4
            case "emoji" -> "x" + "\ud83d\ude00".repeat(61) + ".n"; // 4 bytes and 2 UTF-16 chars each: 1 + 244 + 2
            default -> "ü".repeat(50) + "漢".repeat(48) + "é" + ".npz";  // 100 + 144 + 2 + 4
        };
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSizeBetween(247, 250);
        Path file = dir.resolve(name);
        Sequential saved = model(1);

        LayerState.save(saved, file);
        LayerState.save(saved, file); // replacing works too
        Sequential loaded = model(2);
        LayerState.load(loaded, file);

        assertSameParameters(loaded, saved);
        assertThat(namesInDir()).containsExactly(name);
    }

    @Test
    void aStaleTemporaryFileOfACrashedSaveIsRemovedByTheNextSave() throws IOException {
        Path file = dir.resolve("model.npz");
        LayerState.save(model(1), file);
        // what a save killed between writing and renaming leaves behind
        Path stale = Files.write(dir.resolve(".model.npz.0123456789abcdef.gradschool-tmp"), new byte[1000]);
        Path otherTargetsStale = Files.write(dir.resolve(".other.npz.0123456789abcdef.gradschool-tmp"), new byte[10]);
        Path notOurs = Files.write(dir.resolve(".model.npz.notes.gradschool-tmp"), new byte[10]);

        LayerState.save(model(2), file);

        assertThat(stale).doesNotExist();
        assertThat(otherTargetsStale).exists(); // only the target's own leftovers are touched
        assertThat(notOurs).exists();
        Sequential loaded = model(3);
        LayerState.load(loaded, file);
        assertSameParameters(loaded, model(2));
    }

    @Test
    void thePermissionsOfTheReplacedFileAreKept() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("model.npz");
        LayerState.save(model(1), file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        LayerState.save(model(2), file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        LayerState.save(model(3), file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetGetsTheNewContent() throws IOException {
        Path realDir = Files.createDirectory(dir.resolve("runs"));
        Path real = realDir.resolve("model-v1.npz");
        LayerState.save(model(1), real);
        Path link = Files.createSymbolicLink(dir.resolve("latest.npz"), Path.of("runs", "model-v1.npz"));
        Path linkToLink = Files.createSymbolicLink(dir.resolve("current.npz"), link.getFileName());

        LayerState.save(model(2), linkToLink);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isSymbolicLink(linkToLink)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("runs", "model-v1.npz"));
        Sequential loaded = model(3);
        LayerState.load(loaded, real);
        assertSameParameters(loaded, model(2));
        try (Stream<Path> files = Files.list(realDir)) {
            assertThat(files).containsExactly(real); // the temporary file went beside the real file
        }
    }

    @Test
    void aDanglingSymbolicLinkIsFollowedToCreateItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("latest.npz"), Path.of("new-model.npz"));

        LayerState.save(model(1), link);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(dir.resolve("new-model.npz")).isRegularFile();
    }

    @Test
    void concurrentSavesOfOneTargetNeverRemoveEachOthersTemporaryFiles() throws Exception {
        Path file = dir.resolve("model.npz");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int task = 0; task < 4; task++) {
                long seed = task;
                saves.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        LayerState.save(model(seed), file);
                    }
                    return null;
                }));
            }
            for (Future<?> save : saves) {
                save.get(); // rethrows a failed save
            }
        } finally {
            pool.shutdown();
        }
        assertThat(namesInDir()).containsExactly("model.npz");
        LayerState.load(model(9), file);
    }
}
