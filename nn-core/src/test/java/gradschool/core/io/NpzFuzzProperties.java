package gradschool.core.io;

import static gradschool.core.io.NpyBytes.fixture;
import static gradschool.core.io.NpyBytes.npyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import gradschool.core.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing {@link Npz#read}: valid {@code .npz} archives (numpy's fixtures, {@link Npz#write}'s
 * output, Java's deflated ZIPs with data descriptors, an archive with a ZIP64 end record) are
 * mutated, and every outcome must be arrays or a {@link NpyFormatException} whose message starts
 * with the file's name. Any other exception or error fails the property with the mutations that
 * caused it. 2,500 archives are read from memory (through the same {@code ZipReader} and
 * {@code Npz.readArrays} that {@link Npz#read} uses) and 300 more from files.
 *
 * <p>Three kinds of mutation: bytes anywhere (bit flips, overwrites, truncation, insertion,
 * deletion); a ZIP header field (a name length, size, CRC-32, offset or count) set to a lying value;
 * and a member's {@code .npy} bytes damaged and then zipped again with honest headers (stored or
 * deflated, sometimes declaring a wrong size or checksum), so that the damage gets past the ZIP
 * checks and reaches the {@code .npy} reader.
 */
class NpzFuzzProperties {

    private static final List<Base> BASES = bases();

    private static Path directory;

    /**
     * A valid archive to start from.
     *
     * @param label where it came from
     * @param bytes the archive
     * @param members its members' names and contents, for re-zipping
     * @param fields the byte positions of its ZIP header fields
     */
    record Base(String label, byte[] bytes, List<Map.Entry<String, byte[]>> members, List<Integer> fields) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * Damage to one member's {@code .npy} bytes, after which the archive is zipped again.
     *
     * @param member which member ({@code member % count})
     * @param headerEdits rewrites of the member's {@code .npy} header values
     * @param mutations byte-level edits of the member's bytes
     * @param deflate whether the member is deflated in the new archive
     * @param sizeLie added to the declared uncompressed size (0: the truth)
     * @param crcLie XORed into the declared CRC-32 (0: the truth)
     */
    record MemberDamage(int member, List<NpyFuzzProperties.HeaderEdit> headerEdits, List<Mutations.Mutation> mutations,
                        boolean deflate, long sizeLie, long crcLie) {

        byte[] apply(Base base) {
            ZipBytes zip = new ZipBytes();
            int damaged = member % base.members().size();
            for (int i = 0; i < base.members().size(); i++) {
                String name = base.members().get(i).getKey();
                byte[] content = base.members().get(i).getValue();
                if (i != damaged) {
                    zip.stored(name, content);
                    continue;
                }
                for (NpyFuzzProperties.HeaderEdit edit : headerEdits) {
                    content = edit.apply(content);
                }
                content = Mutations.applyAll(content, List.of(6, 7, 8, 9, 10, 11), mutations);
                byte[] data = deflate ? ZipBytes.deflate(content) : content;
                long size = Math.max(0, content.length + sizeLie);
                zip.add(new ZipBytes.Member(name, deflate ? 8 : 0, data, ZipBytes.crc(content) ^ crcLie, size));
            }
            return zip.toByteArray();
        }
    }

    /**
     * A base archive and what was done to it: its own bytes mutated, or one member damaged.
     *
     * @param base the valid archive
     * @param mutations byte-level edits of the whole archive (when {@code damage} is null)
     * @param damage the member damage (when not null)
     */
    record MutatedArchive(Base base, List<Mutations.Mutation> mutations, MemberDamage damage) {
        byte[] bytes() {
            return damage != null ? damage.apply(base) : Mutations.applyAll(base.bytes(), base.fields(), mutations);
        }
    }

    @Property(tries = 2500, seed = "5150", edgeCases = EdgeCasesMode.NONE)
    void everyMutatedArchiveReadsOrFailsWithTheNamedException(@ForAll("mutatedArchives") MutatedArchive input) {
        byte[] bytes = input.bytes();
        String source = "fuzz.npz";
        try (ZipReader zip = ZipReader.open(new ByteArrayChannel(bytes), source)) {
            checkBounded(Npz.readArrays(zip, source), bytes, input);
        } catch (Throwable outcome) {
            checkNamedException(outcome, source, input);
        }
    }

    /** Fewer tries through real files: writing them is slower than the parsing being tested. */
    @Property(tries = 300, seed = "5151", edgeCases = EdgeCasesMode.NONE)
    void everyMutatedArchiveFileReadsOrFailsWithTheNamedException(@ForAll("mutatedArchives") MutatedArchive input)
            throws IOException {
        byte[] bytes = input.bytes();
        Path file = temporaryDirectory().resolve("fuzz.npz");
        Files.write(file, bytes);
        try {
            checkBounded(Npz.read(file), bytes, input);
        } catch (Throwable outcome) {
            checkNamedException(outcome, file.toString(), input);
        }
    }

    /** The heap bound: nothing read can be bigger than the file inflated at deflate's best ratio. */
    private static void checkBounded(LinkedHashMap<String, Tensor> arrays, byte[] bytes, MutatedArchive input) {
        long elements = arrays.values().stream().mapToLong(Tensor::size).sum();
        assertThat(elements).as("elements read from %s", input)
                .isLessThanOrEqualTo(ZipReader.MAX_DEFLATE_RATIO * bytes.length);
        Statistics.label("outcome").collect("arrays");
    }

    /** The only exception allowed: NpyFormatException, naming the archive (or archive!member). */
    private static void checkNamedException(Throwable outcome, String source, MutatedArchive input) {
        if (!(outcome instanceof NpyFormatException)) {
            throw new AssertionError("reading " + input + " threw " + outcome, outcome);
        }
        if (!outcome.getMessage().startsWith(source + ": ") && !outcome.getMessage().startsWith(source + "!")) {
            fail("message does not name the file, for " + input + ": " + outcome.getMessage());
        }
        Statistics.label("outcome").collect("NpyFormatException");
    }

    // ---- generators ----

    @Provide
    Arbitrary<MutatedArchive> mutatedArchives() {
        Arbitrary<Base> base = Arbitraries.of(BASES);
        Arbitrary<Long> sizeLie = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.of(-1L, 1L, 8L, -8L, 1L << 20, 1L << 33)));
        Arbitrary<Long> crcLie = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(0L)), Tuple.of(1, Arbitraries.of(1L, 0x80000000L)));
        Arbitrary<List<NpyFuzzProperties.HeaderEdit>> headerEdits = Arbitraries.oneOf(
                Arbitraries.just(List.of()), NpyFuzzProperties.headerEdits().list().ofMinSize(1).ofMaxSize(2));
        Arbitrary<List<Mutations.Mutation>> memberMutations = Arbitraries.oneOf(
                Arbitraries.just(List.of()), Mutations.mutationLists());
        Arbitrary<MemberDamage> damage = Combinators.combine(Arbitraries.integers().between(0, 7), headerEdits,
                memberMutations, Arbitraries.of(true, false), sizeLie, crcLie).as(MemberDamage::new);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(base, Mutations.mutationLists())
                        .as((b, mutations) -> new MutatedArchive(b, mutations, null))),
                Tuple.of(2, Combinators.combine(base, damage)
                        .as((b, d) -> new MutatedArchive(b, List.of(), d))));
    }

    // ---- the valid archives ----

    private static List<Base> bases() {
        try {
            List<Base> bases = new ArrayList<>();
            for (String name : List.of("two_arrays.npz", "compressed.npz")) {
                bases.add(base("numpy's " + name, Files.readAllBytes(fixture(name))));
            }
            Random random = new Random(12);
            Map<String, Tensor> arrays = new LinkedHashMap<>();
            arrays.put("0.weight", Tensor.randn(random, 3, 2));
            arrays.put("0.bias", Tensor.randn(random, 2));
            arrays.put("scalar", Tensor.of(2.5));
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            Npz.write(written, arrays);
            bases.add(base("Npz.write of three arrays", written.toByteArray()));
            bases.add(base("a Java ZipOutputStream (deflated, data descriptors)", NpzTest.zipOf(true,
                    "w.npy", npyOf(Tensor.randn(random, 2, 3)), "empty.npy", npyOf(Tensor.zeros(0, 3)))));
            bases.add(base("a ZIP64 end record", new ZipBytes().stored("a.npy", npyOf(Tensor.arange(4)))
                    .deflated("b.npy", npyOf(Tensor.randn(random, 2, 2))).withZip64EndRecord().toByteArray()));
            return List.copyOf(bases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a valid archive's members (with the JDK's reader) and finds its header fields. */
    private static Base base(String label, byte[] bytes) throws IOException {
        Path file = Files.createTempFile("npz-fuzz-base", ".npz");
        try {
            Files.write(file, bytes);
            List<Map.Entry<String, byte[]>> members = new ArrayList<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    members.add(Map.entry(entry.getName(), zip.getInputStream(entry).readAllBytes()));
                }
            }
            return new Base(label, bytes, List.copyOf(members), zipFields(bytes));
        } finally {
            Files.delete(file);
        }
    }

    /**
     * The byte positions of the fields of every ZIP record found by its signature: local headers,
     * central directory entries (and their ZIP64 extra fields), the end records and the locator.
     */
    static List<Integer> zipFields(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> fields = new ArrayList<>();
        for (int i = 0; i + 4 <= bytes.length; i++) {
            switch (buffer.getInt(i)) {
                case 0x04034b50 -> addRecordFields(fields, buffer, i, 30, 26, 28, 4, 6, 8, 14, 18, 22, 26, 28);
                case 0x02014b50 -> addRecordFields(fields, buffer, i, 46, 28, 30, 8, 10, 16, 20, 24, 28, 30, 32, 42);
                case 0x06054b50 -> addFields(fields, i, 8, 10, 12, 16, 20);
                case 0x06064b50 -> addFields(fields, i, 4, 24, 32, 40, 48);
                case 0x07064b50 -> addFields(fields, i, 8);
                default -> { }
            }
        }
        return List.copyOf(fields);
    }

    /** Adds a header's fields, its name's first byte, and the fields of its first extra block. */
    private static void addRecordFields(List<Integer> fields, ByteBuffer buffer, int at, int fixedLength,
                                        int nameLengthAt, int extraLengthAt, int... offsets) {
        addFields(fields, at, offsets);
        if (at + fixedLength > buffer.limit()) {
            return;
        }
        int name = at + fixedLength;
        fields.add(name);
        int extra = name + Short.toUnsignedInt(buffer.getShort(at + nameLengthAt));
        if (Short.toUnsignedInt(buffer.getShort(at + extraLengthAt)) >= 4) {
            addFields(fields, extra, 0, 2, 4, 12);
        }
    }

    private static void addFields(List<Integer> fields, int at, int... offsets) {
        for (int offset : offsets) {
            fields.add(at + offset);
        }
    }

    private static synchronized Path temporaryDirectory() throws IOException {
        if (directory == null) {
            directory = Files.createTempDirectory("npz-fuzz");
        }
        return directory;
    }

    @AfterContainer
    static void deleteTemporaryDirectory() throws IOException {
        if (directory != null) {
            NpyProperties.deleteTree(directory);
            directory = null;
        }
    }
}
