package gradschool.data;

import static gradschool.data.TestFiles.countingPixels;
import static gradschool.data.TestFiles.gzip;
import static gradschool.data.TestFiles.idxImages;
import static gradschool.data.TestFiles.idxLabels;
import static gradschool.data.TestFiles.truncate;
import static gradschool.data.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.core.Tensor;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MnistTest {

    @TempDir
    Path dir;

    private static final byte[] LABELS = {3, 0, 9};

    /** Writes a 3-image, 2×3 split named "train" (gzipped or not) into the temp directory. */
    private void writeSmallSplit(boolean gzipped) throws IOException {
        byte[] images = idxImages(Mnist.IMAGE_MAGIC, 3, 2, 3, countingPixels(3, 2, 3));
        byte[] labels = idxLabels(Mnist.LABEL_MAGIC, 3, LABELS);
        String suffix = gzipped ? ".gz" : "";
        write(dir, "train-images-idx3-ubyte" + suffix, gzipped ? gzip(images) : images);
        write(dir, "train-labels-idx1-ubyte" + suffix, gzipped ? gzip(labels) : labels);
    }

    @ParameterizedTest(name = "gzipped={0}")
    @ValueSource(booleans = {false, true})
    void readsASmallSplitGzippedOrNot(boolean gzipped) throws IOException {
        writeSmallSplit(gzipped);

        LabeledData data = Mnist.read(dir, Mnist.TRAIN, 100);

        assertThat(data.features().shape().toArray()).containsExactly(3, 6);
        assertThat(data.labels().toDoubleArray()).containsExactly(3, 0, 9);
        assertThat(data.classNames()).hasSize(10).startsWith("0", "1");
        // pixel k holds k, scaled by 1/255
        assertThat(data.features().get(0, 0)).isEqualTo(0.0);
        assertThat(data.features().get(1, 2)).isCloseTo(8 / 255.0, within(1e-15));
        assertThat(data.features().get(2, 5)).isCloseTo(17 / 255.0, within(1e-15));
    }

    @Test
    void scalesByteValuesAsUnsignedTo0To1() throws IOException {
        byte[] pixels = {0, (byte) 128, (byte) 255, 1};
        Path file = write(dir, "images", idxImages(Mnist.IMAGE_MAGIC, 1, 2, 2, pixels));

        Tensor images = Mnist.readImages(file);

        assertThat(images.toDoubleArray()).containsExactly(0.0, 128 / 255.0, 1.0, 1 / 255.0);
    }

    @Test
    void limitReadsOnlyTheFirstRecords() throws IOException {
        writeSmallSplit(true);

        LabeledData two = Mnist.read(dir, Mnist.TRAIN, 2);
        LabeledData none = Mnist.read(dir, Mnist.TRAIN, 0);

        assertThat(two.size()).isEqualTo(2);
        assertThat(two.labels().toDoubleArray()).containsExactly(3, 0);
        assertThat(none.size()).isZero();
        assertThat(none.featureCount()).isEqualTo(6);
    }

    @Test
    void aZeroCountFileIsEmptyNotAnError() throws IOException {
        Path file = write(dir, "labels", idxLabels(Mnist.LABEL_MAGIC, 0, new byte[0]));

        assertThat(Mnist.readLabels(file).shape().toArray()).containsExactly(0);
    }

    @Test
    void badImageMagicIsReportedAtByte0() throws IOException {
        Path file = write(dir, "images", idxImages(0x12345678, 1, 1, 1, new byte[1]));

        assertThatThrownBy(() -> Mnist.readImages(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", byte 0: ")
                .hasMessageContaining("0x12345678")
                .hasMessageContaining("2051");
    }

    @Test
    void aLabelFileGivenAsImagesIsRecognised() throws IOException {
        Path file = write(dir, "labels", idxLabels(Mnist.LABEL_MAGIC, 1, new byte[] {1}));

        assertThatThrownBy(() -> Mnist.readImages(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("this is a label file");
    }

    @Test
    void negativeCountIsReportedAtByte4() throws IOException {
        Path images = write(dir, "images", idxImages(Mnist.IMAGE_MAGIC, -5, 2, 2, new byte[0]));
        Path labels = write(dir, "labels", idxLabels(Mnist.LABEL_MAGIC, -1, new byte[0]));

        assertThatThrownBy(() -> Mnist.readImages(images))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(images + ", byte 4: ")
                .hasMessageContaining("-5");
        assertThatThrownBy(() -> Mnist.readLabels(labels))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(labels + ", byte 4: ")
                .hasMessageContaining("negative");
    }

    @Test
    void nonPositiveOrHugeImageSizeIsReportedAtByte8() throws IOException {
        Path zeroRows = write(dir, "zero", idxImages(Mnist.IMAGE_MAGIC, 1, 0, 28, new byte[0]));
        Path huge = write(dir, "huge", idxImages(Mnist.IMAGE_MAGIC, 1, 1 << 16, 1 << 16, new byte[0]));

        assertThatThrownBy(() -> Mnist.readImages(zeroRows))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(zeroRows + ", byte 8: ");
        assertThatThrownBy(() -> Mnist.readImages(huge))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(huge + ", byte 8: ")
                .hasMessageContaining("65536×65536");
    }

    @Test
    void countLargerThanThePlainFileIsReportedWhereTheFileEnds() throws IOException {
        // the header claims a million images, the file holds one (4 pixels): 20 bytes in all
        Path file = write(dir, "images", idxImages(Mnist.IMAGE_MAGIC, 1_000_000, 2, 2, new byte[4]));

        assertThatThrownBy(() -> Mnist.readImages(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", byte 20: ")
                .hasMessageContaining("1000000 images")
                .satisfies(e -> assertThat(((MalformedDataException) e).byteOffset()).hasValue(20));
    }

    @Test
    void countLargerThanTheGzippedDataIsReportedAtTheDecompressedOffset() throws IOException {
        // 20 claimed images of 28×28 (a 39-byte gzip file could hold them), 1.1 present, 10 wanted
        byte[] oneImage = idxImages(Mnist.IMAGE_MAGIC, 20, 28, 28, new byte[784 + 100]);
        Path file = write(dir, "images.gz", gzip(oneImage));

        assertThatThrownBy(() -> Mnist.readImages(file, 10))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", byte 900 of the decompressed data: ")
                .hasMessageContaining("inside image 1 of the 10 being read (its bytes are 800..1583)");
    }

    @Test
    void aHugeCountInAGzippedHeaderIsRejectedBeforeReadingAndCostsNoMemory() throws IOException {
        // a gzip file of some 30 bytes decompresses to at most 1032 times that: not 2³¹ labels
        Path labels = write(dir, "labels.gz", gzip(idxLabels(Mnist.LABEL_MAGIC, Integer.MAX_VALUE, new byte[3])));
        Path images = write(dir, "images.gz",
                gzip(idxImages(Mnist.IMAGE_MAGIC, Integer.MAX_VALUE, 1, 1, new byte[3])));

        long[] allocated = new long[2];
        Mnist.readLabels(write(dir, "warm-up.gz", gzip(idxLabels(Mnist.LABEL_MAGIC, 1, new byte[1])))); // load classes
        Throwable labelError = TestFiles.catchAllocating(() -> Mnist.readLabels(labels), allocated, 0);
        Throwable imageError = TestFiles.catchAllocating(() -> Mnist.readImages(images), allocated, 1);

        assertThat(labelError).isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(labels + ", byte 4 of the decompressed data: ")
                .hasMessageContaining("2147483647 labels")
                .hasMessageContaining("at most 1032 times its size");
        assertThat(imageError).isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(images + ", byte 4 of the decompressed data: ")
                .hasMessageContaining("at most 1032 times its size");
        assertThat(allocated[0]).isLessThan(512 << 10); // buffers; not the 1 MB chunk it allocated before
        assertThat(allocated[1]).isLessThan(512 << 10);
    }

    @Test
    void moreValuesThanOneTensorCanHoldIsAMalformedDataExceptionThatAsksForALimit() throws IOException {
        // 128 images of 4096×4096 are 2³¹ pixels, one more than a tensor holds; the file is made big
        // enough (header, then 2.1 MB of padding after the gzip member) for a gzip file to hold them
        byte[] header = gzip(idxImages(Mnist.IMAGE_MAGIC, 128, 4096, 4096, new byte[0]));
        Path images = write(dir, "images.gz", java.util.Arrays.copyOf(header, header.length + 2_100_000));

        assertThatThrownBy(() -> Mnist.readImages(images))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(images + ", byte 4 of the decompressed data: ")
                .hasMessageContaining("2147483648 values")
                .hasMessageContaining("read fewer with a limit");
        assertThat(Mnist.readImages(images, 0).shape().toArray()).containsExactly(0, 4096 * 4096);
    }

    @Test
    void aGzipFileCutInsideItsHeaderSaysSoInsteadOfNull() throws IOException {
        Path file = write(dir, "labels.gz", new byte[] {0x1f, (byte) 0x8b, 8});

        assertThatThrownBy(() -> Mnist.readLabels(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage(file + ", byte 0: corrupt gzip header (it ends early: EOFException)");
    }

    @Test
    void extraBytesAfterTheDeclaredDataAreAnError() throws IOException {
        byte[] labels = idxLabels(Mnist.LABEL_MAGIC, 2, new byte[] {1, 2, 3});
        Path plain = write(dir, "labels", labels);
        Path gzipped = write(dir, "labels.gz", gzip(labels));

        assertThatThrownBy(() -> Mnist.readLabels(plain))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(plain + ", byte 10: ")
                .hasMessageContaining("1 more bytes");
        assertThatThrownBy(() -> Mnist.readLabels(gzipped))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(gzipped + ", byte 10 of the decompressed data: ")
                .hasMessageContaining("unexpected data");
    }

    @ParameterizedTest(name = "gzipped={0}")
    @ValueSource(booleans = {false, true})
    void label10IsReportedAtItsByte(boolean gzipped) throws IOException {
        byte[] labels = idxLabels(Mnist.LABEL_MAGIC, 5, new byte[] {0, 9, 4, 10, 2});
        Path file = write(dir, "labels", gzipped ? gzip(labels) : labels);

        assertThatThrownBy(() -> Mnist.readLabels(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("byte 11")
                .hasMessageContaining("label 10 of record 3 is outside 0..9");
    }

    @Test
    void aLabelByteAbove127IsReadUnsignedAndRejected() throws IOException {
        Path file = write(dir, "labels", idxLabels(Mnist.LABEL_MAGIC, 1, new byte[] {(byte) 200}));

        assertThatThrownBy(() -> Mnist.readLabels(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("label 200");
    }

    @Test
    void imageAndLabelFilesMustAgreeOnTheCount() throws IOException {
        write(dir, "t10k-images-idx3-ubyte", idxImages(Mnist.IMAGE_MAGIC, 2, 1, 1, new byte[2]));
        Path labels = write(dir, "t10k-labels-idx1-ubyte", idxLabels(Mnist.LABEL_MAGIC, 3, new byte[3]));

        assertThatThrownBy(() -> Mnist.read(dir, Mnist.TEST, 1))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(dir.resolve("t10k-images-idx3-ubyte") + ", byte 4: ")
                .hasMessageContaining("2 images")
                .hasMessageContaining(labels + " holds 3 labels");
    }

    @Test
    void truncatedGzipStreamIsAMalformedDataException() throws IOException {
        byte[] compressed = gzip(idxImages(Mnist.IMAGE_MAGIC, 4, 8, 8, countingPixels(4, 8, 8)));
        Path file = write(dir, "images.gz", truncate(compressed, compressed.length - 12));

        assertThatThrownBy(() -> Mnist.readImages(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining(file + ", byte ")
                .hasMessageContaining("corrupt or truncated gzip data");
    }

    @Test
    void missingFilesNameBothCandidates() {
        assertThatThrownBy(() -> Mnist.read(dir, Mnist.TRAIN, 1))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("train-labels-idx1-ubyte.gz")
                .hasMessageContaining(dir.resolve("train-labels-idx1-ubyte").toString());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> Mnist.read(dir, "test", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"train\" or \"t10k\"");
        assertThatThrownBy(() -> Mnist.readLabels(dir.resolve("x"), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit must be >= 0, got -1");
    }

    // --- the shipped files (data/mnist), checked against the facts in data/mnist/README.md ---

    private static final Path SHIPPED = TestFiles.SHIPPED_DATA.resolve("mnist");

    @Test
    void shippedTestSplitHasThePublishedLabelCountsAndFirstLabels() throws IOException {
        LabeledData test = Mnist.read(SHIPPED, Mnist.TEST, 10_000);

        assertThat(test.features().shape().toArray()).containsExactly(10_000, 784);
        assertThat(test.classCounts()).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        assertThat(test.labels().slice(0, 0, 16).toDoubleArray())
                .containsExactly(7, 2, 1, 0, 4, 1, 4, 9, 5, 9, 0, 6, 9, 0, 1, 5);
        assertThat(test.features().min().item()).isEqualTo(0.0);
        assertThat(test.features().max().item()).isEqualTo(1.0);
    }

    @Test
    void shippedTrainSplitFirstLabelsWithALimit() throws IOException {
        LabeledData first = Mnist.read(SHIPPED, Mnist.TRAIN, 16);

        assertThat(first.features().shape().toArray()).containsExactly(16, 784);
        assertThat(first.labels().toDoubleArray())
                .containsExactly(5, 0, 4, 1, 9, 2, 1, 3, 1, 4, 3, 5, 3, 6, 1, 7);
    }

    @Test
    void shippedTrainLabelsHaveThePublishedCounts() throws IOException {
        Tensor labels = Mnist.readLabels(SHIPPED.resolve("train-labels-idx1-ubyte.gz"));

        int[] counts = new int[10];
        for (double label : labels.toDoubleArray()) {
            counts[(int) label]++;
        }
        assertThat(counts).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    }

    /** The one test that reads all 60,000 training images (about 3 s). */
    @Test
    void shippedTrainImagesHaveTheWellKnownMeanAndStd() throws IOException {
        Tensor images = Mnist.readImages(SHIPPED.resolve("train-images-idx3-ubyte.gz"));

        assertThat(images.shape().toArray()).containsExactly(60_000, 784);
        assertThat(images.mean().item()).isCloseTo(0.1307, within(5e-5));
        assertThat(images.std().item()).isCloseTo(0.3081, within(5e-5));
    }
}
