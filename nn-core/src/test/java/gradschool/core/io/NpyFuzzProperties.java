package gradschool.core.io;

import static gradschool.core.io.NpyBytes.fixture;
import static gradschool.core.io.NpyBytes.npyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import gradschool.core.Tensor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing {@link Npy#read}: valid {@code .npy} files (numpy's fixtures and files {@link Npy#write}
 * made) are mutated — header fields rewritten, bits flipped, bytes overwritten, inserted and
 * deleted, the file cut short — and every outcome must be a tensor or a {@link NpyFormatException}
 * whose message starts with the file's name. Any other exception or error fails the property with
 * the mutations that caused it.
 *
 * <p>Mutated files are read from a stream (2,500 of them) and from a file (300 more: the file reader
 * knows the length in advance and allocates at once, the stream reader grows its array as data
 * arrives).
 */
class NpyFuzzProperties {

    /** Where the header fields that have binary values are: the version bytes and the header length. */
    private static final List<Integer> BINARY_FIELDS = List.of(6, 7, 8, 9, 10, 11);

    private static final List<Base> BASES = bases();

    private static Path directory;

    /**
     * A valid file to start from.
     *
     * @param label where it came from
     * @param bytes the file
     */
    record Base(String label, byte[] bytes) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * A base file with its header fields rewritten, then its bytes mutated.
     *
     * @param base the valid file
     * @param headerEdits replacements for header values, applied first
     * @param mutations byte-level edits, applied after
     */
    record MutatedFile(Base base, List<HeaderEdit> headerEdits, List<Mutations.Mutation> mutations) {
        byte[] bytes() {
            byte[] edited = base.bytes();
            for (HeaderEdit edit : headerEdits) {
                edited = edit.apply(edited);
            }
            return Mutations.applyAll(edited, BINARY_FIELDS, mutations);
        }
    }

    @Property(tries = 2500, seed = "4242")
    void everyMutatedStreamReadsOrFailsWithTheNamedException(@ForAll("mutatedFiles") MutatedFile input) {
        readFromStream(input.bytes(), input);
    }

    /** Fewer tries: writing files is slower than the parsing being tested. */
    @Property(tries = 300, seed = "4343")
    void everyMutatedFileReadsOrFailsWithTheNamedException(@ForAll("mutatedFiles") MutatedFile input)
            throws IOException {
        readFromFile(input.bytes(), input);
    }

    private static void readFromStream(byte[] bytes, MutatedFile input) {
        try {
            Tensor tensor = Npy.read(new ByteArrayInputStream(bytes), "fuzz.npy");
            checkFitsInTheFile(tensor, bytes, input);
            Statistics.label("outcome").collect("a tensor");
        } catch (NpyFormatException expected) {
            Statistics.label("outcome").collect("NpyFormatException");
            if (!expected.getMessage().startsWith("fuzz.npy: ")) {
                fail("message does not name the stream, for " + input + ": " + expected.getMessage());
            }
        } catch (Throwable unexpected) {
            throw new AssertionError("stream read of " + input + " threw " + unexpected, unexpected);
        }
    }

    private static void readFromFile(byte[] bytes, MutatedFile input) throws IOException {
        Path file = temporaryDirectory().resolve("fuzz.npy");
        Files.write(file, bytes);
        try {
            Tensor tensor = Npy.read(file);
            checkFitsInTheFile(tensor, bytes, input);
        } catch (NpyFormatException expected) {
            if (!expected.getMessage().startsWith(file + ": ")) {
                fail("message does not name the file, for " + input + ": " + expected.getMessage());
            }
        } catch (Throwable unexpected) {
            throw new AssertionError("file read of " + input + " threw " + unexpected, unexpected);
        }
    }

    /** A parsed array's elements were all in the file: at least one byte each. */
    private static void checkFitsInTheFile(Tensor tensor, byte[] bytes, MutatedFile input) {
        assertThat(tensor.size()).as("elements of %s", input).isLessThanOrEqualTo(bytes.length);
    }

    // ---- generators ----

    @Provide
    Arbitrary<MutatedFile> mutatedFiles() {
        Arbitrary<Base> base = Arbitraries.of(BASES);
        Arbitrary<List<HeaderEdit>> someHeaderEdits = headerEdits().list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<HeaderEdit>> noHeaderEdits = Arbitraries.just(List.of());
        Arbitrary<List<Mutations.Mutation>> noMutations = Arbitraries.just(List.of());
        return Arbitraries.frequencyOf(
                // header values rewritten: the parser's rules, and files that still read
                Tuple.of(2, Combinators.combine(base, someHeaderEdits, noMutations).as(MutatedFile::new)),
                // bytes damaged
                Tuple.of(2, Combinators.combine(base, noHeaderEdits, Mutations.mutationLists()).as(MutatedFile::new)),
                // both
                Tuple.of(1, Combinators.combine(base, someHeaderEdits, Mutations.mutationLists()).as(MutatedFile::new)));
    }

    /** Rewrites of one header value, often to something that breaks a rule. */
    static Arbitrary<HeaderEdit> headerEdits() {
        Arbitrary<String> dimension = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("0")),
                Tuple.of(3, Arbitraries.integers().between(1, 7).map(String::valueOf)),
                Tuple.of(2, Arbitraries.of("46341", "65536", "2147483647", "2147483648")),
                Tuple.of(1, Arbitraries.of("4294967296", "-1", "9223372036854775807", "99999999999999999999", "3L")));
        Arbitrary<String> tuple = dimension.list().ofMaxSize(5).map(dims -> dims.size() == 1
                ? "(" + dims.get(0) + ",)" : "(" + String.join(", ", dims) + ")");
        Arbitrary<String> shape = Arbitraries.oneOf(tuple, Arbitraries.of("[2, 3]", "(2, 3", "2", "()", "(,)"));
        Arbitrary<String> descr = Arbitraries.of("'<f8'", "'<f4'", "'|u1'", "'|b1'", "'<i8'", "'>i2'", "'<u8'",
                "'>f8'", "'<c16'", "'|O'", "'<U5'", "'f8'", "'<f16'", "'<i3'", "''", "8");
        Arbitrary<String> fortranOrder = Arbitraries.of("True", "True", "False", "1", "None");
        return Combinators.combine(
                        Arbitraries.oneOf(shape.map(text -> new String[] {"shape", text}),
                                descr.map(text -> new String[] {"descr", text}),
                                fortranOrder.map(text -> new String[] {"fortran_order", text})),
                        Arbitraries.of(true, false))
                .as((keyAndValue, fitData) -> new HeaderEdit(keyAndValue[0], keyAndValue[1], fitData));
    }

    /**
     * Replaces the value of one key of the header dict and writes the header back with a correct
     * length and padding (so the edit reaches the parser rather than breaking the framing).
     *
     * @param key {@code shape}, {@code descr} or {@code fortran_order}
     * @param value the new value, as Python text
     * @param fitData whether to resize the data to what the new header needs (when that is small),
     *     so that edits also produce files that read successfully
     */
    record HeaderEdit(String key, String value, boolean fitData) {
        private static final Pattern VALUE = Pattern.compile(
                "'(descr|fortran_order|shape)': ('[^']*'|True|False|\\([^)]*\\))");

        byte[] apply(byte[] file) {
            if (file.length < 12 || !Arrays.equals(Arrays.copyOf(file, 6), Npy.MAGIC)) {
                return file;
            }
            int major = file[6];
            if (major < 1 || major > 3) {
                return file;
            }
            ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            int prefix = major == 1 ? 10 : 12;
            long headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : Integer.toUnsignedLong(buffer.getInt(8));
            if (prefix + headerLength > file.length) {
                return file;
            }
            String header = new String(file, prefix, (int) headerLength, StandardCharsets.ISO_8859_1).strip();
            Matcher matcher = VALUE.matcher(header);
            StringBuilder dict = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(dict, Matcher.quoteReplacement("'" + matcher.group(1) + "': "
                        + (matcher.group(1).equals(key) ? value : matcher.group(2))));
            }
            matcher.appendTail(dict);
            byte[] data = Arrays.copyOfRange(file, prefix + (int) headerLength, file.length);
            if (fitData) {
                data = Arrays.copyOf(data, fittedLength(dict.toString(), data.length));
            }
            return NpyBytes.npy(major, dict.toString(), data);
        }

        /** The data length the header needs if it is small and can be worked out, else the current one. */
        private static int fittedLength(String dict, int current) {
            Matcher shape = Pattern.compile("'shape': \\(([0-9, ]*)\\)").matcher(dict);
            Matcher descr = Pattern.compile("'descr': '[<>|][a-z](\\d)'").matcher(dict);
            if (!shape.find() || !descr.find()) {
                return current;
            }
            long elements = 1;
            for (String dim : shape.group(1).split(",")) {
                String digits = dim.strip();
                if (!digits.isEmpty()) {
                    elements *= digits.length() > 4 ? 1 << 12 : Math.min(Long.parseLong(digits), 1 << 12);
                }
            }
            long bytes = elements * Integer.parseInt(descr.group(1));
            return bytes <= 4096 ? (int) bytes : current;
        }
    }

    // ---- the valid files ----

    private static List<Base> bases() {
        List<Base> bases = new ArrayList<>();
        for (String name : List.of("float64_2d.npy", "float32_3d.npy", "fortran_2x3.npy", "fortran_2x3x4.npy",
                "uint8_2d.npy", "bool_1d.npy", "int64_1d.npy", "scalar.npy", "big_endian_f8.npy",
                "version_2_0.npy", "version_3_0.npy")) {
            try {
                bases.add(new Base(name, Files.readAllBytes(fixture(name))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Random random = new Random(11);
        for (int[] dims : new int[][] {{3, 4}, {}, {0, 3}, {2, 0, 2}, {5}, {2, 1, 3}}) {
            Tensor tensor = Tensor.randn(random, dims);
            bases.add(new Base("Npy.write of " + tensor.shape(), npyOf(tensor)));
        }
        return List.copyOf(bases);
    }

    private static synchronized Path temporaryDirectory() throws IOException {
        if (directory == null) {
            directory = Files.createTempDirectory("npy-fuzz");
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
