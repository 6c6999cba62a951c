package gradschool.data;

import static gradschool.data.TestFiles.writeText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigitsTest {

    @TempDir
    Path dir;

    /** A line of 64 pixels all equal to {@code pixel}, then the label. */
    private static String line(int pixel, String label) {
        return String.join(",", Collections.nCopies(64, String.valueOf(pixel))) + "," + label + "\n";
    }

    @Test
    void readsGzippedAndPlainFilesAlike() throws IOException {
        String text = line(0, "3") + line(16, "9");
        Path plain = writeText(dir, "digits.csv", text);
        Path gzipped = TestFiles.write(dir, "digits.csv.gz", TestFiles.gzip(text.getBytes(StandardCharsets.UTF_8)));

        LabeledData fromPlain = Digits.read(plain);
        LabeledData fromGzip = Digits.read(gzipped);

        assertThat(fromGzip.features()).isEqualTo(fromPlain.features());
        assertThat(fromGzip.features().shape().toArray()).containsExactly(2, 64);
        assertThat(fromGzip.features().get(1, 63)).isEqualTo(16.0); // unscaled
        assertThat(fromGzip.labels().toDoubleArray()).containsExactly(3, 9);
    }

    @Test
    void shortLineIsReportedWithItsNumber() throws IOException {
        Path file = writeText(dir, "digits.csv", line(1, "1") + line(1, "2").substring(2));

        assertThatThrownBy(() -> Digits.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 2: ")
                .hasMessageContaining("expected 65 comma-separated fields, found 64");
    }

    @Test
    void nonNumberIsReportedWithLineAndColumn() throws IOException {
        Path file = writeText(dir, "digits.csv", line(1, "1") + line(1, "1") + line(1, "x"));

        assertThatThrownBy(() -> Digits.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 3: ")
                .hasMessageContaining("column 64 (label): \"x\" is not an integer");
    }

    @Test
    void label10AndPixel17AreOutOfRange() throws IOException {
        Path badLabel = writeText(dir, "label.csv", line(0, "10"));
        Path badPixel = writeText(dir, "pixel.csv", line(0, "1") + line(17, "1"));

        assertThatThrownBy(() -> Digits.read(badLabel))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(badLabel + ", line 1: ")
                .hasMessageContaining("10 is outside 0..9");
        assertThatThrownBy(() -> Digits.read(badPixel))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(badPixel + ", line 2: ")
                .hasMessageContaining("column 0 (pixel): 17 is outside 0..16");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"+3", "\u0663", "\u0ae9", "0x3", "3f", "3L", "3.0", "3e0", "", " ", "1 2", "99999999999", "-1"})
    void onlyPlainIntegersInRangeAreAcceptedAsPixels(String field) throws IOException {
        String bad = line(1, "1").replaceFirst("^1,1,1,", "1,1," + field.replace("$", "\\$") + ",");
        Path file = writeText(dir, "digits.csv", line(1, "1") + bad);

        assertThatThrownBy(() -> Digits.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 2: ")
                .hasMessageContaining("column 2 (pixel): ");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"+3", "\u0663", "0x3", "3f", "3.0", "10", "-1"})
    void onlyPlainIntegersInRangeAreAcceptedAsLabels(String field) throws IOException {
        Path file = writeText(dir, "digits.csv", line(1, field));

        assertThatThrownBy(() -> Digits.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 1: ")
                .hasMessageContaining("column 64 (label): ");
    }

    @Test
    void leadingZerosAndSurroundingSpacesStillRead() throws IOException {
        Path file = writeText(dir, "digits.csv", line(1, " 07 ").replaceFirst("^1,", "016,"));

        LabeledData digits = Digits.read(file);

        assertThat(digits.features().get(0, 0)).isEqualTo(16.0);
        assertThat(digits.labels().get(0)).isEqualTo(7.0);
    }

    @Test
    void aLineLongerThanTheCapFailsAtOnceWithoutBufferingIt() throws IOException {
        // 20 million characters on one line compress to about 20 KB: a decompression bomb
        byte[] text = new byte[20_000_000];
        java.util.Arrays.fill(text, (byte) '1');
        Path file = TestFiles.write(dir, "bomb.csv.gz", TestFiles.gzip(text));

        long[] allocated = new long[1];
        Throwable thrown = TestFiles.catchAllocating(() -> Digits.read(file), allocated, 0);

        assertThat(thrown).isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 1: ")
                .hasMessageContaining("longer than " + Digits.MAX_LINE_LENGTH + " characters");
        assertThat(allocated[0]).isLessThan(4 << 20);
    }

    @Test
    void moreRowsThanTheCapAreRejectedAtTheFirstRowTooMany() throws IOException {
        String row = line(0, "0");
        byte[] text = row.repeat(Digits.MAX_ROWS + 1).getBytes(StandardCharsets.US_ASCII);
        Path file = TestFiles.write(dir, "many.csv.gz", TestFiles.gzip(text));

        assertThatThrownBy(() -> Digits.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line " + (Digits.MAX_ROWS + 1) + ": ")
                .hasMessageContaining("more than " + Digits.MAX_ROWS + " rows");
    }

    @Test
    void emptyFileIsReported() throws IOException {
        Path file = writeText(dir, "digits.csv", "");

        assertThatThrownBy(() -> Digits.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 1: ");
    }

    @Test
    void truncatedGzipIsReportedWithTheLineItStoppedAt() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append(line(i % 17, String.valueOf(i % 10)));
        }
        byte[] compressed = TestFiles.gzip(text.toString().getBytes(StandardCharsets.UTF_8));
        Path file = TestFiles.write(dir, "digits.csv.gz", TestFiles.truncate(compressed, compressed.length / 2));

        assertThatThrownBy(() -> Digits.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining(file + ", line ");
    }

    // --- the shipped file, checked against the facts in data/digits/README.md ---

    @Test
    void shippedFileHasThePublishedShapeRangeAndLabelCounts() throws IOException {
        LabeledData digits = Digits.read(TestFiles.SHIPPED_DATA.resolve("digits").resolve("digits.csv.gz"));

        assertThat(digits.features().shape().toArray()).containsExactly(1797, 64);
        assertThat(digits.features().min().item()).isEqualTo(0.0);
        assertThat(digits.features().max().item()).isEqualTo(16.0);
        assertThat(digits.classCounts()).containsExactly(178, 182, 177, 183, 181, 182, 181, 179, 174, 180);
        assertThat(digits.labels().slice(0, 0, 32).toDoubleArray()).containsExactly(
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 9);
    }
}
