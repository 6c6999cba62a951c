package gradschool.core.io;

import static gradschool.core.io.NpyBytes.dict;
import static gradschool.core.io.NpyBytes.fixture;
import static gradschool.core.io.NpyBytes.npy;
import static gradschool.core.io.NpyBytes.npyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {

    @TempDir
    Path directory;

    // ---- fixtures written by numpy (src/test/resources/npy/make_fixtures.py) ----

    @Test
    void readsFloat64Matrix() throws IOException {
        Tensor x = Npy.read(fixture("float64_2d.npy"));
        assertThat(x.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(x.to2DArray()).isDeepEqualTo(new double[][] {{1.5, -2.0, 3.25}, {0.0, 1e-300, -7.0}});
    }

    @Test
    void readsFloat32ThreeDimensionalArrayConvertingEachFloatExactly() throws IOException {
        Tensor x = Npy.read(fixture("float32_3d.npy"));
        assertThat(x.shape()).isEqualTo(Shape.of(2, 2, 3));
        assertThat(x.toDoubleArray()).containsExactly(
                0.5, -1.0, (double) 0.1f, 2.0, 3.0, 4.0, -0.0, 100.0, (double) 1e-3f, 6.0, 7.0, 8.0);
        assertThat(Double.doubleToRawLongBits(x.get(1, 0, 0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void readsInt64RoundingLargeValuesToTheNearestDouble() throws IOException {
        Tensor x = Npy.read(fixture("int64_1d.npy"));
        // 2^53 + 1 has no double; it rounds to 2^53. 2^63 - 1 rounds up to 2^63.
        assertThat(x.to1DArray()).containsExactly(
                -9.223372036854775808E18, -1.0, 0.0, 1.0, 9007199254740992.0, 9.223372036854775808E18);
    }

    @Test
    void readsUint8Matrix() throws IOException {
        Tensor x = Npy.read(fixture("uint8_2d.npy"));
        assertThat(x.to2DArray()).isDeepEqualTo(new double[][] {{0, 1, 255}, {128, 7, 42}});
    }

    @Test
    void readsBoolAsOnesAndZeros() throws IOException {
        assertThat(Npy.read(fixture("bool_1d.npy")).to1DArray()).containsExactly(1, 0, 0, 1, 1);
    }

    @Test
    void readsFortranOrderIntoRowMajorOrder() throws IOException {
        Tensor x = Npy.read(fixture("fortran_2x3.npy"));
        assertThat(x.to2DArray()).isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(x.isContiguous()).isTrue();
    }

    @Test
    void readsThreeDimensionalFortranOrder() throws IOException {
        Tensor x = Npy.read(fixture("fortran_2x3x4.npy"));
        assertThat(x.shape()).isEqualTo(Shape.of(2, 3, 4));
        assertThat(x.toDoubleArray()).isEqualTo(Tensor.arange(24).toDoubleArray());
        assertThat(x.get(1, 2, 3)).isEqualTo(23.0);
    }

    @Test
    void readsZeroDimensionalScalar() throws IOException {
        Tensor x = Npy.read(fixture("scalar.npy"));
        assertThat(x.rank()).isZero();
        assertThat(x.item()).isEqualTo(42.5);
    }

    @Test
    void readsBigEndianFloat64() throws IOException {
        assertThat(Npy.read(fixture("big_endian_f8.npy")).to1DArray()).containsExactly(1.0, -2.5, 1e100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"version_2_0.npy", "version_3_0.npy"})
    void readsFormatVersionsTwoAndThree(String name) throws IOException {
        assertThat(Npy.read(fixture(name)).to2DArray()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
    }

    // ---- every dtype and byte order, from hand-made bytes ----

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "|i1, ff7f80, -1 127 -128",
        "|u1, ff7f80, 255 127 128",
        "<i2, feff2c01, -2 300",
        ">i2, fffe012c, -2 300",
        "<u2, feff, 65534",
        ">u2, fffe, 65534",
        "<i4, ffffffff00000080, -1 -2147483648",
        ">i4, ffffffff80000000, -1 -2147483648",
        "<u4, ffffffff, 4294967295",
        ">u4, ffffffff, 4294967295",
        "<i8, ffffffffffffffff, -1",
        ">i8, 8000000000000000, -9223372036854775808",
        "<u8, ffffffffffffffff, 18446744073709551616",
        ">u8, 8000000000000001, 9223372036854775808",
        "<f4, 0000c03f, 1.5",
        ">f4, 3fc00000, 1.5",
        "<f8, 000000000000f83f, 1.5",
        ">f8, 3ff8000000000000, 1.5",
        "|b1, 000102, 1 0 1",
    })
    void convertsEveryDtypeToDouble(String descr, String hex, String expected) throws IOException {
        double[] values = Arrays.stream(expected.split(" ")).mapToDouble(Double::parseDouble).toArray();
        if (descr.equals("|b1")) {
            values = new double[] {0, 1, 1}; // any non-zero byte is True
        }
        byte[] data = HexFormat.of().parseHex(hex);
        byte[] file = npy(dict(descr, false, "(" + values.length + ",)"), data);
        assertThat(Npy.read(new ByteArrayInputStream(file), "case.npy").to1DArray()).containsExactly(values);
    }

    @Test
    void acceptsPython2LongsDoubleQuotesAnyKeyOrderAndNoTrailingComma() throws IOException {
        byte[] data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(1).putDouble(2).array();
        byte[] file = npy("{\"shape\": (2L, 1L), \"fortran_order\": False, \"descr\": \"<f8\"}", data);
        assertThat(Npy.read(new ByteArrayInputStream(file), "old.npy").to2DArray())
                .isDeepEqualTo(new double[][] {{1}, {2}});
    }

    // ---- writing ----

    @Test
    void writesTheSameBytesAsNumpy() throws IOException {
        Path file = directory.resolve("out.npy");
        Npy.write(file, Tensor.of(new double[][] {{1.5, -2.0, 3.25}, {0.0, 1e-300, -7.0}}));
        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(fixture("float64_2d.npy")));
    }

    @Test
    void writesAScalarAsNumpyDoes() throws IOException {
        assertThat(npyOf(Tensor.of(42.5))).isEqualTo(Files.readAllBytes(fixture("scalar.npy")));
    }

    @Test
    void alignsTheDataToSixtyFourBytes() {
        for (Shape shape : new Shape[] {Shape.scalar(), Shape.of(0), Shape.of(7), Shape.of(1234567, 0),
                Shape.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11)}) {
            byte[] header = Npy.header(shape);
            assertThat(header.length % 64).as("header length for %s", shape).isZero();
            assertThat(header[header.length - 1]).isEqualTo((byte) '\n');
            assertThat(Arrays.copyOf(header, 8)).isEqualTo(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            int declared = (header[8] & 0xFF) | (header[9] & 0xFF) << 8;
            assertThat(declared).isEqualTo(header.length - 10);
        }
    }

    @Test
    void writesVersionTwoWhenTheHeaderDoesNotFitInSixtyFourKilobytes() throws IOException {
        int[] dims = new int[23_000]; // "1, " per dimension: a header of about 69,000 bytes
        Arrays.fill(dims, 1);
        Tensor tensor = Tensor.full(Shape.of(dims), 3.5);
        byte[] file = npyOf(tensor);
        assertThat(file[6]).isEqualTo((byte) 2);
        assertThat((file.length - 8) % 64).isZero();
        Tensor back = Npy.read(new ByteArrayInputStream(file), "wide.npy");
        assertThat(back.shape()).isEqualTo(tensor.shape());
        assertThat(back.toDoubleArray()).containsExactly(3.5);
    }

    @Test
    void writesViewsInRowMajorOrder() throws IOException {
        Tensor base = Tensor.arange(12).reshape(3, 4);
        Tensor view = base.transpose().slice(0, 1, 4, 2); // rows 1 and 3 of the transpose
        Path file = directory.resolve("view.npy");
        Npy.write(file, view);
        assertThat(Npy.read(file).to2DArray()).isDeepEqualTo(new double[][] {{1, 5, 9}, {3, 7, 11}});
    }

    @Test
    void writesAnEmptyViewWhoseOffsetIsPastItsEmptyStorage() throws IOException {
        Tensor view = Tensor.zeros(3, 0).slice(0, 2, 3); // shape (1, 0), offset beyond the storage
        Tensor back = Npy.read(new ByteArrayInputStream(npyOf(view)), "empty.npy");
        assertThat(back.shape()).isEqualTo(Shape.of(1, 0));
        assertThat(back.size()).isZero();
    }

    @Test
    void readsConsecutiveArraysFromOneStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, Tensor.of(new double[] {1, 2}));
        Npy.write(out, Tensor.of(7));
        InputStream in = new ByteArrayInputStream(out.toByteArray());
        assertThat(Npy.read(in, "two").to1DArray()).containsExactly(1, 2);
        assertThat(Npy.read(in, "two").item()).isEqualTo(7);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = directory.resolve("w.npy");
        Npy.write(file, Tensor.of(new double[] {1, 2, 3}));
        Npy.write(file, Tensor.of(new double[] {4}));
        assertThat(Npy.read(file).to1DArray()).containsExactly(4);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFailedWriteRemovesItsTemporaryFile() throws IOException {
        Path target = Files.createDirectory(directory.resolve("taken.npy"));
        Files.writeString(target.resolve("inside"), "a file inside makes the directory non-empty");
        assertThatThrownBy(() -> Npy.write(target, Tensor.of(1))).isInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(target);
        }
        assertThat(Files.isDirectory(target)).isTrue();
    }

    @Test
    void writtenFilesGetTheDirectorysUsualPermissionsNotOwnerOnly() throws IOException {
        assumeTrue(Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null);
        Path ordinary = Files.createFile(directory.resolve("ordinary"));
        Path written = directory.resolve("written.npy");
        Npy.write(written, Tensor.of(1));
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(ordinary));
    }

    // ---- malformed files ----

    private Path fileWith(byte[] bytes) throws IOException {
        return Files.write(directory.resolve("bad.npy"), bytes);
    }

    private static byte[] float64Data(double... values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }

    @Test
    void rejectsABadMagicString() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("float64_2d.npy"));
        bytes[1] = 'X';
        Path file = fileWith(bytes);
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("bad.npy")
                .hasMessageContaining("magic string")
                .hasMessageContaining("'\\x93XUMPY'")
                .hasMessageEndingWith("at byte 0");
    }

    @Test
    void suggestsNpzReadForAZipArchive() {
        assertThatThrownBy(() -> Npy.read(fixture("two_arrays.npz")))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("starts with 'PK\\x03\\x04-\\x00' (a ZIP archive: an .npz file? Read it with Npz.read)");
    }

    @ParameterizedTest
    @CsvSource({"4, 0", "1, 1", "0, 0"})
    void rejectsAnUnsupportedVersion(int major, int minor) throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("float64_2d.npy"));
        bytes[6] = (byte) major;
        bytes[7] = (byte) minor;
        Path file = fileWith(bytes);
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("unsupported .npy format version " + major + "." + minor)
                .hasMessageEndingWith("at byte 6");
    }

    @Test
    void rejectsAFileTruncatedInsideTheHeader() throws IOException {
        byte[] bytes = Arrays.copyOf(Files.readAllBytes(fixture("float64_2d.npy")), 100);
        assertThatThrownBy(() -> Npy.read(fileWith(bytes)))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("bad.npy: header length 118 runs past the end of the 100-byte file");
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "stream.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage("stream.npy: file ends while reading the header (118 bytes from byte 10) at byte 100");
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(Arrays.copyOf(bytes, 4)), "tiny.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("file ends while reading the magic string");
    }

    @Test
    void rejectsMissingDataWithTheByteCounts() throws IOException {
        byte[] bytes = Arrays.copyOf(Files.readAllBytes(fixture("float64_2d.npy")), 168);
        assertThatThrownBy(() -> Npy.read(fileWith(bytes)))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage(directory.resolve("bad.npy") + ": shape (2, 3) of <f8 needs 48 data bytes but the"
                        + " file has 40 after the header at byte 128");
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "stream.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage("stream.npy: file ends after 40 of the 48 data bytes that shape (2, 3) of <f8 needs"
                        + " at byte 168");
    }

    @Test
    void rejectsExtraBytesAfterTheDataInAFile() throws IOException {
        byte[] bytes = Arrays.copyOf(Files.readAllBytes(fixture("float64_2d.npy")), 180);
        assertThatThrownBy(() -> Npy.read(fileWith(bytes)))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("needs 48 data bytes but the file has 52 after the header");
    }

    @Test
    void doesNotAllocateWhatAHugeShapeClaimsBeforeTheDataArrives() {
        // 2^31 - 1 float64s would be 16 GiB; only 16 bytes follow. Allocating first would fail with
        // OutOfMemoryError instead of this message.
        byte[] bytes = npy(dict("<f8", false, "(2147483647,)"), float64Data(1, 2));
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "huge.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("file ends after 16 of the 17179869176 data bytes that shape (2147483647,) of <f8");
    }

    @Test
    void rejectsAHeaderLengthBeyondTheLimitWithoutReadingIt() {
        byte[] bytes = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, -1, -1, -1, -1, '{'};
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "long.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage("long.npy: header length 4294967295 is more than the 1048576 bytes this reader"
                        + " accepts at byte 8");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{'descr': '<f8', 'fortran_order': False}`|header dict has no 'shape' key",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}`|unexpected key 'extra'",
        "`['descr', '<f8']`|header is not a dict",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (1,)`|malformed header: expected ',' or '}'",
        "`{'descr' '<f8', 'fortran_order': False, 'shape': (1,)}`|malformed header: expected ':'",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (1,)} x`|unexpected text after the header dict",
        "`{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}`|'fortran_order' is 0, not True or False",
        "`{'descr': '<f8', 'fortran_order': None, 'shape': (1,)}`|unexpected name 'None'",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': 1}`|'shape' is 1, not a tuple",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (1)}`|'shape' is 1, not a tuple",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': [1]}`|'shape' is [1], not a tuple",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (1.5,)}`|malformed header: expected ',' or ')'",
        "`{'descr': 8, 'fortran_order': False, 'shape': (1,)}`|'descr' is 8, not a dtype string",
        "`{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}`|key 'descr' appears twice",
        "`{'descr': '<\\f8', 'fortran_order': False, 'shape': (1,)}`|escape sequences",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 'open}`|string is not closed",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}`|integer 99999999999999999999 is too large",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}`|dimension 0 = -1, not a non-negative integer",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2147483648)}`|dimension 1 = 2147483648, more than a tensor can hold",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000)}`|'shape' (100000, 100000) is too large",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647, 0)}`|is too large: the product of its non-zero dimensions",
        "`{'descr': '<f8', 'fortran_order': False, 'shape': (0, 2147483647, 2147483647)}`|is too large: the product of its non-zero dimensions",
        "`{'descr': '<f8', 'fortran_order': True, 'shape': (0, 2147483647, 2147483647)}`|is too large: the product of its non-zero dimensions",
        "`{'descr': '<f8', 'fortran_order': True, 'shape': (2147483647, 0, 3)}`|'shape' (2147483647, 0, 3) is too large",
        "``|header ends where a value was expected",
    })
    void rejectsAMalformedHeaderDict(String header, String problem) {
        byte[] bytes = npy(header, new byte[8]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "dict.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith("dict.npy: ")
                .hasMessageContaining(problem)
                .hasMessageMatching("(?s).* at byte \\d+");
    }

    @Test
    void aFortranOrderFileWithAZeroSizeShapeTooLargeForStridesIsAFormatErrorAtTheShapeField() {
        // Before: (0, 2^31-1, 2^31-1) passed the header check, and reversing it for Fortran order
        // threw Shape's internal IllegalArgumentException.
        String header = dict("<f8", true, "(0, 2147483647, 2147483647)");
        byte[] bytes = npy(header, new byte[0]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "fortran.npy"))
                .isInstanceOfSatisfying(NpyFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("fortran.npy");
                    assertThat(e.byteOffset()).isEqualTo(10 + header.indexOf("(0, "));
                    assertThat(e).hasMessageStartingWith("fortran.npy: 'shape' (0, 2147483647, 2147483647) is too"
                            + " large: the product of its non-zero dimensions is 4611686014132420609, but must be"
                            + " at most 2147483647");
                });
    }

    @Test
    void aZeroSizeShapeWithinTheRuleReadsInEitherOrder() throws IOException {
        for (boolean fortran : new boolean[] {false, true}) {
            byte[] bytes = npy(dict("<f8", fortran, "(0, 2147483647, 1)"), new byte[0]);
            assertThat(Npy.read(new ByteArrayInputStream(bytes), "empty.npy").shape())
                    .isEqualTo(Shape.of(0, Integer.MAX_VALUE, 1));
        }
    }

    @Test
    void headerFieldErrorsPointAtTheFieldsValue() {
        String header = "{'descr': '<f8', 'fortran_order': 1, 'shape': (1,), }";
        byte[] bytes = npy(header, new byte[8]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "field.npy"))
                .isInstanceOfSatisfying(NpyFormatException.class, e ->
                        assertThat(e.byteOffset()).isEqualTo(10 + header.indexOf("1,")));
    }

    @Test
    void reportsTheByteOffsetOfAHeaderError() {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': ?}";
        byte[] bytes = npy(header, new byte[8]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "dict.npy"))
                .isInstanceOfSatisfying(NpyFormatException.class, e -> {
                    assertThat(e.byteOffset()).isEqualTo(10 + header.indexOf('?'));
                    assertThat(e.source()).isEqualTo("dict.npy");
                });
    }

    @Test
    void reportsByteOffsetsInUtf8HeadersOfVersionThree() {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'é': ?}";
        byte[] bytes = npy(3, header, new byte[8]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "utf8.npy"))
                .isInstanceOfSatisfying(NpyFormatException.class, e ->
                        // 'é' is two bytes in UTF-8, so the '?' is one byte further than its char index
                        assertThat(e.byteOffset()).isEqualTo(12 + header.indexOf('?') + 1));
    }

    @Test
    void rejectsAVersionThreeHeaderThatIsNotUtf8() {
        byte[] bytes = npy(3, dict("<f8", false, "(1,)"), new byte[8]);
        bytes[12] = (byte) 0xFF;
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "latin.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage("latin.npy: header is not valid UTF-8 at byte 12");
    }

    @Test
    void rejectsDeeplyNestedBracketsWithoutOverflowingTheStack() {
        byte[] bytes = npy("(".repeat(50_000), new byte[0]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "deep.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("brackets nest more than 32 deep");
    }

    @ParameterizedTest
    @CsvSource({
        "<c16, complex numbers",
        "|O, Python objects",
        "<U5, strings",
        "|S3, strings",
        "|V8, raw bytes or structured records",
        "<M8[ns], dates and times",
        "<f2, floats of this size",
        "<i16, integers of this size",
        "<q, an unknown type",
        "'', an unknown type",
    })
    void rejectsUnsupportedDtypes(String descr, String why) {
        byte[] bytes = npy(dict(descr, false, "(1,)"), new byte[16]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "dtype.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith("dtype.npy: unsupported dtype '" + descr + "' (" + why);
    }

    @Test
    void rejectsStructuredDtypes() {
        String header = "{'descr': [('x', '<f8'), ('y', '<i4')], 'fortran_order': False, 'shape': (1,), }";
        byte[] bytes = npy(header, new byte[12]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "records.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("structured arrays are not supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"|f8", "=f8", "f8<", "<b"})
    void rejectsAMultiByteDtypeWithoutAByteOrder(String descr) {
        byte[] bytes = npy(dict(descr, false, "(1,)"), new byte[8]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "order.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("'" + descr + "'");
    }

    @Test
    void errorMessagesUseTheHeaderTextAsWritten() {
        byte[] bytes = npy(dict("<c16", false, "(1,)"), new byte[16]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "c.npy"))
                .hasMessageContaining(new String(bytes, 10, dict("<c16", false, "(1,)").length(),
                        StandardCharsets.ISO_8859_1));
    }
}
