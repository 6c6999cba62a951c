package gradschool.data;

import static gradschool.data.TestFiles.countingPixels;
import static gradschool.data.TestFiles.gzip;
import static gradschool.data.TestFiles.idxImages;
import static gradschool.data.TestFiles.idxLabels;
import static gradschool.data.TestFiles.truncate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import gradschool.core.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/** Properties of the IDX reader on small generated files: round trips, and every truncation is caught. */
class MnistProperties {

    private Path dir;

    @BeforeProperty
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory("mnist-properties");
    }

    @AfterProperty
    void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    private static final int COUNT = 3;
    private static final int ROWS = 4;
    private static final int COLS = 5;
    private static final byte[] IMAGES =
            idxImages(Mnist.IMAGE_MAGIC, COUNT, ROWS, COLS, countingPixels(COUNT, ROWS, COLS));
    private static final byte[] LABELS = idxLabels(Mnist.LABEL_MAGIC, COUNT, new byte[] {7, 2, 1});

    @Property(tries = 40)
    void everyTruncationOfAPlainImageFileIsReportedAtTheByteWhereItEnds(
            @ForAll @IntRange(min = 0, max = 16 + COUNT * ROWS * COLS - 1) int length) throws IOException {
        Path file = TestFiles.write(dir, "images-" + length, truncate(IMAGES, length));

        Throwable thrown = catchThrowable(() -> Mnist.readImages(file));

        assertThat(thrown).isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", byte " + length + ": ");
        assertThat(((MalformedDataException) thrown).byteOffset()).hasValue(length);
    }

    @Property(tries = 20)
    void everyTruncationOfAPlainLabelFileIsReportedAtTheByteWhereItEnds(
            @ForAll @IntRange(min = 0, max = 8 + COUNT - 1) int length) throws IOException {
        Path file = TestFiles.write(dir, "labels-" + length, truncate(LABELS, length));

        Throwable thrown = catchThrowable(() -> Mnist.readLabels(file));

        assertThat(thrown).isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", byte " + length + ": ");
    }

    @Property(tries = 40)
    void everyTruncationOfAGzipFileIsAMalformedDataExceptionNamingFileAndByte(
            @ForAll @IntRange(min = 0, max = 1000) int cut) throws IOException {
        byte[] compressed = gzip(IMAGES);
        int length = cut % compressed.length; // any proper prefix, including the empty file
        Path file = TestFiles.write(dir, "images-" + length + ".gz", truncate(compressed, length));

        Throwable thrown = catchThrowable(() -> Mnist.readImages(file));

        assertThat(thrown).isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", byte ");
        assertThat(((MalformedDataException) thrown).byteOffset()).isPresent();
    }

    @Property(tries = 25)
    void gzippedAndPlainFilesReadTheSame(@ForAll @IntRange(min = 0, max = 6) int count,
            @ForAll @IntRange(min = 1, max = 5) int rows, @ForAll @IntRange(min = 1, max = 5) int cols,
            @ForAll @IntRange(min = 0, max = 8) int limit) throws IOException {
        byte[] images = idxImages(Mnist.IMAGE_MAGIC, count, rows, cols, countingPixels(count, rows, cols));
        Path plain = TestFiles.write(dir, "plain", images);
        Path gzipped = TestFiles.write(dir, "gzipped", gzip(images));

        Tensor fromPlain = Mnist.readImages(plain, limit);
        Tensor fromGzip = Mnist.readImages(gzipped, limit);

        int expectedRows = Math.min(count, limit);
        assertThat(fromPlain.shape().toArray()).containsExactly(expectedRows, rows * cols);
        assertThat(fromGzip).isEqualTo(fromPlain);
        double[] values = fromPlain.toDoubleArray();
        for (int k = 0; k < values.length; k++) {
            assertThat(values[k]).isEqualTo((k % 256) / 255.0);
        }
    }
}
