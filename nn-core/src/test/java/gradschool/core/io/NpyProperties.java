package gradschool.core.io;

import static gradschool.core.io.NpyBytes.dict;
import static gradschool.core.io.NpyBytes.npy;
import static gradschool.core.io.NpyBytes.npyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link Npy}: writing then reading gives back every bit (NaN payloads, -0.0 and
 * infinities included) for tensors of rank 0 to 4 in any layout; every dtype converts as Java's own
 * casts do; Fortran-order files read correctly; and a damaged file gives {@link NpyFormatException}
 * or a tensor, never any other exception.
 */
class NpyProperties {

    // ---- round trips ----

    @Property(tries = 300)
    void writeThenReadGivesBackEveryBit(@ForAll("tensors") Tensor tensor) throws IOException {
        Tensor back = Npy.read(new ByteArrayInputStream(npyOf(tensor)), "memory.npy");
        assertBitIdentical(back, tensor);
        if (back.size() > 0) { // Tensor.isContiguous() says false for some empty shapes, such as (3, 0)
            assertThat(back.isContiguous()).isTrue();
        }
    }

    @Property(tries = 40)
    void writeThenReadThroughAFileGivesBackEveryBit(@ForAll("tensors") Tensor tensor) throws IOException {
        Path directory = Files.createTempDirectory("npy-properties");
        try {
            Path file = directory.resolve("t.npy");
            Npy.write(file, tensor);
            assertBitIdentical(Npy.read(file), tensor);
            assertThat(Files.size(file)).isEqualTo(Npy.encodedLength(tensor.shape()));
        } finally {
            deleteTree(directory);
        }
    }

    @Property(tries = 100)
    void fortranOrderFilesReadAsTheSameArray(@ForAll("tensors") Tensor tensor) throws IOException {
        // Fortran order of T is the row-major order of T with its axes reversed.
        int[] reversed = new int[tensor.rank()];
        for (int axis = 0; axis < reversed.length; axis++) {
            reversed[axis] = reversed.length - 1 - axis;
        }
        double[] columnMajor = tensor.permute(reversed).toDoubleArray();
        byte[] file = npy(dict("<f8", true, tensor.shape().toString()), littleEndianDoubles(columnMajor));
        assertBitIdentical(Npy.read(new ByteArrayInputStream(file), "fortran.npy"), tensor);
    }

    // ---- dtype conversions agree with Java's casts ----

    @Property(tries = 100)
    void float32ReadsAsTheCastToDouble(@ForAll float[] values, @ForAll boolean bigEndian) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(order(bigEndian));
        double[] expected = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            data.putFloat(values[i]);
            expected[i] = values[i];
        }
        Tensor x = readVector((bigEndian ? ">" : "<") + "f4", values.length, data.array());
        assertThat(x.to1DArray()).containsExactly(expected);
    }

    @Property(tries = 100)
    void int64ReadsAsTheCastToDouble(@ForAll long[] values, @ForAll boolean bigEndian) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8 * values.length).order(order(bigEndian));
        double[] expected = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            data.putLong(values[i]);
            expected[i] = values[i];
        }
        Tensor x = readVector((bigEndian ? ">" : "<") + "i8", values.length, data.array());
        assertThat(x.to1DArray()).containsExactly(expected);
    }

    @Property(tries = 100)
    void int32AndUint32ReadAsTheirValues(@ForAll int[] values, @ForAll boolean bigEndian) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(order(bigEndian));
        double[] signed = new double[values.length];
        double[] unsigned = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            data.putInt(values[i]);
            signed[i] = values[i];
            unsigned[i] = Integer.toUnsignedLong(values[i]);
        }
        String order = bigEndian ? ">" : "<";
        assertThat(readVector(order + "i4", values.length, data.array()).to1DArray()).containsExactly(signed);
        assertThat(readVector(order + "u4", values.length, data.array()).to1DArray()).containsExactly(unsigned);
    }

    @Property(tries = 300)
    void unsignedLongConvertsToTheNearestDouble(@ForAll long bits) {
        double exact = new BigInteger(Long.toUnsignedString(bits)).doubleValue();
        assertThat(Npy.unsignedToDouble(bits)).isEqualTo(exact);
    }

    // ---- damaged files ----

    @Property(tries = 200)
    void truncatedFilesAlwaysGiveTheNamedException(@ForAll("tensors") Tensor tensor, @ForAll @IntRange(min = 0) int cut)
            throws IOException {
        byte[] whole = npyOf(tensor);
        byte[] truncated = Arrays.copyOf(whole, cut % whole.length);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(truncated), "cut.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith("cut.npy: ");
        Path file = Files.createTempFile("npy-cut", ".npy");
        try {
            Files.write(file, truncated);
            assertThatThrownBy(() -> Npy.read(file))
                    .isInstanceOf(NpyFormatException.class)
                    .hasMessageStartingWith(file + ": ");
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 300)
    void corruptedFilesGiveTheNamedExceptionOrATensor(
            @ForAll("tensors") Tensor tensor, @ForAll @IntRange(min = 0) int position, @ForAll byte value,
            @ForAll boolean headerOnly) throws IOException {
        byte[] bytes = npyOf(tensor);
        // Aim at the header half the time: it is where almost every byte matters.
        int span = headerOnly ? Npy.header(tensor.shape()).length : bytes.length;
        bytes[position % span] = value;
        readOrFailCleanly(bytes);
    }

    @Property(tries = 150)
    void headersWithRandomTextGiveTheNamedExceptionOrATensor(@ForAll("headerish") String header)
            throws IOException {
        readOrFailCleanly(npy(header, new byte[64]));
        readOrFailCleanly(npy(3, header, new byte[64]));
    }

    /** Reads as a stream and as a file: each read returns a tensor or throws NpyFormatException. */
    private static void readOrFailCleanly(byte[] bytes) throws IOException {
        try {
            Npy.read(new ByteArrayInputStream(bytes), "damaged.npy");
        } catch (NpyFormatException expected) {
            assertThat(expected).hasMessageStartingWith("damaged.npy: ");
        }
        Path file = Files.createTempFile("npy-damaged", ".npy");
        try {
            Files.write(file, bytes);
            Npy.read(file);
        } catch (NpyFormatException expected) {
            assertThat(expected).hasMessageStartingWith(file + ": ");
        } finally {
            Files.delete(file);
        }
    }

    // ---- generators ----

    /**
     * Tensors of rank 0 to 4 with up to 4 elements per dimension, holding ordinary numbers mixed with
     * NaN (with and without a payload), ±0.0, ±infinity and the extremes; a third are contiguous, the
     * rest permuted and/or sliced views of a larger tensor.
     */
    @Provide
    static Arbitrary<Tensor> tensors() {
        Arbitrary<int[]> dims = Arbitraries.integers().between(0, 4).array(int[].class).ofMaxSize(4);
        Arbitrary<Tensor> contiguous = dims.flatMap(d -> values(Shape.of(d).size())
                .map(values -> Tensor.of(Shape.of(d), values)));
        return Combinators.combine(contiguous, Arbitraries.longs()).as(NpyProperties::someView);
    }

    /** Text that looks like a header: numpy's header with pieces cut out, repeated or swapped. */
    @Provide
    Arbitrary<String> headerish() {
        List<String> pieces = List.of("{", "}", "(", ")", "[", "]", "'descr'", "'<f8'", "'|u1'", "'>i2'",
                "'fortran_order'", "'shape'", "True", "False", ": ", ", ", "2", "0", "-1", "3L", "'", "\"",
                "99999999999999999999", " ", "\n", "é", "\\");
        Arbitrary<String> noise = Arbitraries.of(pieces).list().ofMaxSize(30).map(p -> String.join("", p));
        Arbitrary<String> nearlyValid = Arbitraries.of(
                        dict("<f8", false, "(8,)"), dict("|u1", true, "(4, 16)"), dict(">i2", false, "(2, 2, 8)"))
                .flatMap(valid -> Arbitraries.integers().between(0, valid.length()).tuple2()
                        .map(cut -> valid.substring(0, Math.min(cut.get1(), cut.get2()))
                                + valid.substring(Math.max(cut.get1(), cut.get2()))));
        return Arbitraries.oneOf(noise, nearlyValid);
    }

    private static Arbitrary<double[]> values(int size) {
        Arbitrary<Double> special = Arbitraries.of(Double.NaN, Double.longBitsToDouble(0x7ff8_0000_dead_beefL),
                Double.longBitsToDouble(0xfff8_0000_0000_0001L), -0.0, 0.0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL);
        Arbitrary<Double> element = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.doubles()), Tuple.of(1, special));
        return element.array(double[].class).ofSize(size);
    }

    /** Returns the tensor itself, or a permuted and/or sliced view of it, chosen by the seed. */
    private static Tensor someView(Tensor tensor, long seed) {
        Random random = new Random(seed);
        Tensor view = tensor;
        if (tensor.size() == 0) {
            // Slicing an empty tensor can give a view whose offset lies past its empty storage, and
            // Tensor.toDoubleArray/equals/hashCode then fail (a Tensor bug, reported); jqwik hashes
            // generated values, so keep empty tensors contiguous here. NpyTest covers writing such views.
            return view;
        }
        if (view.rank() > 0 && random.nextInt(3) > 0) {
            List<Integer> order = new ArrayList<>();
            for (int axis = 0; axis < view.rank(); axis++) {
                order.add(axis);
            }
            Collections.shuffle(order, random);
            view = view.permute(order.stream().mapToInt(Integer::intValue).toArray());
        }
        if (view.rank() > 0 && random.nextInt(3) > 0) {
            int axis = random.nextInt(view.rank());
            int size = view.dim(axis);
            int from = size == 0 ? 0 : random.nextInt(size);
            view = view.slice(axis, from, size, 1 + random.nextInt(2));
        }
        return view;
    }

    // ---- helpers ----

    static void assertBitIdentical(Tensor actual, Tensor expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        assertThat(rawBits(actual)).as("raw bits of %s", expected).isEqualTo(rawBits(expected));
    }

    private static long[] rawBits(Tensor tensor) {
        return Arrays.stream(tensor.toDoubleArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static byte[] littleEndianDoubles(double[] values) {
        ByteBuffer data = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            data.putDouble(value);
        }
        return data.array();
    }

    private static ByteOrder order(boolean bigEndian) {
        return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private static Tensor readVector(String descr, int length, byte[] data) throws IOException {
        return Npy.read(new ByteArrayInputStream(npy(dict(descr, false, "(" + length + ",)"), data)), descr);
    }

    static void deleteTree(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }
}
