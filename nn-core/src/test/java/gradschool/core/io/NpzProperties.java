package gradschool.core.io;

import static gradschool.core.io.NpyProperties.assertBitIdentical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link Npz}: an archive of several named tensors reads back with the same names, in
 * the same order, with every bit; and a damaged archive gives {@link NpyFormatException} or arrays,
 * never another exception.
 */
class NpzProperties {

    @Property(tries = 60)
    void writeThenReadGivesBackEveryArrayInOrder(@ForAll("archives") Map<String, Tensor> arrays) throws IOException {
        Path directory = Files.createTempDirectory("npz-properties");
        try {
            Path file = directory.resolve("a.npz");
            Npz.write(file, arrays);
            LinkedHashMap<String, Tensor> back = Npz.read(file);
            assertThat(back.keySet()).containsExactlyElementsOf(arrays.keySet());
            for (String name : arrays.keySet()) {
                assertBitIdentical(back.get(name), arrays.get(name));
            }
            try (var files = Files.list(directory)) {
                assertThat(files).containsExactly(file); // no temporary file left behind
            }
        } finally {
            NpyProperties.deleteTree(directory);
        }
    }

    @Property(tries = 60)
    void truncatedArchivesAlwaysGiveTheNamedException(
            @ForAll("archives") Map<String, Tensor> arrays, @ForAll @IntRange(min = 0) int cut) throws IOException {
        byte[] whole = archiveBytes(arrays);
        Path file = Files.createTempFile("npz-cut", ".npz");
        try {
            Files.write(file, Arrays.copyOf(whole, cut % whole.length));
            assertThatThrownBy(() -> Npz.read(file))
                    .isInstanceOf(NpyFormatException.class)
                    .hasMessageStartingWith(file.toString());
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 150)
    void corruptedArchivesGiveTheNamedExceptionOrArrays(
            @ForAll("archives") Map<String, Tensor> arrays, @ForAll @IntRange(min = 0) int position,
            @ForAll byte value) throws IOException {
        byte[] bytes = archiveBytes(arrays);
        bytes[position % bytes.length] ^= (byte) (value == 0 ? 1 : value);
        Path file = Files.createTempFile("npz-damaged", ".npz");
        try {
            Files.write(file, bytes);
            Npz.read(file);
        } catch (NpyFormatException expected) {
            assertThat(expected).hasMessageStartingWith(file.toString());
        } finally {
            Files.delete(file);
        }
    }

    /** One to four uniquely named tensors, in a random order (not sorted). */
    @Provide
    Arbitrary<Map<String, Tensor>> archives() {
        Arbitrary<List<String>> names = Arbitraries.strings().withCharRange('a', 'z').withChars('_', '/', '.')
                .ofMinLength(1).ofMaxLength(6).list().uniqueElements().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(names, NpyProperties.tensors().list().ofSize(4)).as((list, tensors) -> {
            Map<String, Tensor> arrays = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                arrays.put(list.get(i), tensors.get(i));
            }
            return arrays;
        });
    }

    private static byte[] archiveBytes(Map<String, Tensor> arrays) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npz.write(out, arrays);
        return out.toByteArray();
    }
}
