package gradschool.data;

import com.google.common.math.IntMath;
import com.google.common.math.LongMath;
import gradschool.core.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads the MNIST handwritten digits from the IDX files of the official distribution, gzipped or not.
 *
 * <pre>{@code
 * LabeledData train = Mnist.read(Path.of("data/mnist"), Mnist.TRAIN, 60_000); // features (60000, 784)
 * LabeledData test = Mnist.read(Path.of("data/mnist"), Mnist.TEST, 1_000);    // the first 1000 test digits
 * Tensor firstImage = train.features().select(0, 0).reshape(28, 28);          // pixels in [0, 1]
 * }</pre>
 *
 * <h2>The IDX format</h2>
 * All integers are 32-bit big-endian; the data bytes are unsigned.
 * <pre>
 * image file: int32 magic = 0x00000803 (2051), int32 n, int32 rows, int32 cols, then n·rows·cols pixel bytes
 * label file: int32 magic = 0x00000801 (2049), int32 n, then n label bytes (0..9)
 * </pre>
 * Images are stored row-major, 0 is background and 255 is full ink. This reader scales each pixel
 * to {@code p / 255.0}, so features lie in {@code [0, 1]}, and flattens each image into one row of
 * {@code rows·cols} values (784 for MNIST's 28×28).
 *
 * <h2>Files</h2>
 * A split is {@value #TRAIN} (60,000 images) or {@value #TEST} (10,000), in the files
 * {@code <split>-images-idx3-ubyte[.gz]} and {@code <split>-labels-idx1-ubyte[.gz]}. A file is
 * decompressed when it starts with the gzip magic number {@code 1f 8b}, whatever its name.
 *
 * <h2>Errors</h2>
 * A malformed file raises a {@link MalformedDataException} naming the file and the byte offset
 * (in the decompressed data, for a gzip file): a wrong magic number, a negative count, image and
 * label files that disagree on the count, fewer bytes than the header promises (for a gzip file,
 * more than it could decompress to: at most 1032 times its size), more values than one tensor can
 * hold, or a label outside 0..9. The reader never allocates what the header claims before the bytes
 * have been read.
 * With a {@code limit} smaller than the count, only the records up to the limit are read and checked.
 *
 * <p>Data: Y. LeCun, C. Cortes, C.J.C. Burges, the MNIST database, CC BY-SA 3.0 (see
 * {@code data/mnist/README.md}).
 */
public final class Mnist {

    /** The name of the training split: 60,000 images. */
    public static final String TRAIN = "train";

    /** The name of the test split: 10,000 images (LeCun's file names say "t10k"). */
    public static final String TEST = "t10k";

    /** The magic number that opens an IDX file of unsigned-byte images (0x00000803). */
    public static final int IMAGE_MAGIC = 2051;

    /** The magic number that opens an IDX file of unsigned-byte labels (0x00000801). */
    public static final int LABEL_MAGIC = 2049;

    /** The largest image accepted, in pixels (4096 × 4096); anything larger is taken as a corrupt header. */
    public static final int MAX_PIXELS_PER_IMAGE = 1 << 24;

    /** The class names: the digits "0" to "9". */
    public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static final int IMAGE_HEADER_BYTES = 16;
    private static final int LABEL_HEADER_BYTES = 8;

    private Mnist() {}

    /**
     * Reads up to {@code limit} images and their labels of one split.
     *
     * @param directory the directory holding the four IDX files (e.g. {@code data/mnist})
     * @param split {@value #TRAIN} or {@value #TEST}
     * @param limit the largest number of examples to read, from the start of the files; {@code >= 0}
     * @return features {@code (min(n, limit), rows·cols)} in {@code [0, 1]}, labels {@code (min(n, limit),)}
     *     0..9, class names "0".."9"
     * @throws IllegalArgumentException if the split is unknown or the limit negative
     * @throws NoSuchFileException if a file is missing (neither gzipped nor plain)
     * @throws MalformedDataException if a file is malformed, or the two files disagree on the count
     * @throws IOException if reading fails
     */
    public static LabeledData read(Path directory, String split, int limit) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (!TRAIN.equals(split) && !TEST.equals(split)) {
            throw new IllegalArgumentException(
                    "Mnist.read: split must be \"" + TRAIN + "\" or \"" + TEST + "\", got \"" + split + "\"");
        }
        checkLimit(limit);
        Path labelFile = find(directory, split + "-labels-idx1-ubyte");
        Path imageFile = find(directory, split + "-images-idx3-ubyte");
        LabelFile labels = readLabelFile(labelFile, limit);
        Tensor images = readImageFile(imageFile, limit, labels);
        return new LabeledData(images, labels.labels, CLASS_NAMES);
    }

    /**
     * Reads every image of an IDX image file.
     *
     * @param file the file, gzipped or not
     * @return shape {@code (n, rows·cols)}, pixels scaled to {@code [0, 1]}
     * @throws MalformedDataException if the file is malformed
     * @throws IOException if reading fails
     */
    public static Tensor readImages(Path file) throws IOException {
        return readImages(file, Integer.MAX_VALUE);
    }

    /**
     * Reads the first {@code limit} images of an IDX image file.
     *
     * @param file the file, gzipped or not
     * @param limit the largest number of images to read; {@code >= 0}
     * @return shape {@code (min(n, limit), rows·cols)}, pixels scaled to {@code [0, 1]}
     * @throws MalformedDataException if the file is malformed
     * @throws IOException if reading fails
     */
    public static Tensor readImages(Path file, int limit) throws IOException {
        Objects.requireNonNull(file, "file");
        checkLimit(limit);
        return readImageFile(file, limit, null);
    }

    /**
     * Reads every label of an IDX label file.
     *
     * @param file the file, gzipped or not
     * @return shape {@code (n,)}, the digits 0..9 as doubles
     * @throws MalformedDataException if the file is malformed or holds a label outside 0..9
     * @throws IOException if reading fails
     */
    public static Tensor readLabels(Path file) throws IOException {
        return readLabels(file, Integer.MAX_VALUE);
    }

    /**
     * Reads the first {@code limit} labels of an IDX label file.
     *
     * @param file the file, gzipped or not
     * @param limit the largest number of labels to read; {@code >= 0}
     * @return shape {@code (min(n, limit),)}, the digits 0..9 as doubles
     * @throws MalformedDataException if the file is malformed or holds a label outside 0..9
     * @throws IOException if reading fails
     */
    public static Tensor readLabels(Path file, int limit) throws IOException {
        Objects.requireNonNull(file, "file");
        checkLimit(limit);
        return readLabelFile(file, limit).labels;
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("Mnist: limit must be >= 0, got " + limit);
        }
    }

    /** Returns {@code name.gz} if it exists, else {@code name}, else reports both as missing. */
    private static Path find(Path directory, String name) throws NoSuchFileException {
        Path gzipped = directory.resolve(name + ".gz");
        if (Files.isRegularFile(gzipped)) {
            return gzipped;
        }
        Path plain = directory.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new NoSuchFileException(gzipped.toString(), plain.toString(),
                "MNIST file missing (looked for both names)");
    }

    /** The labels read from a label file, and the count its header declared. */
    private static final class LabelFile {
        final Path file;
        final int declaredCount;
        final Tensor labels;

        LabelFile(Path file, int declaredCount, Tensor labels) {
            this.file = file;
            this.declaredCount = declaredCount;
            this.labels = labels;
        }
    }

    private static LabelFile readLabelFile(Path file, int limit) throws IOException {
        try (BinaryReader in = BinaryReader.open(file)) {
            int magic = in.readInt("the magic number");
            if (magic != LABEL_MAGIC) {
                throw in.error(0, "bad magic number " + describeMagic(magic) + ", expected "
                        + describeMagic(LABEL_MAGIC) + " for an IDX label file"
                        + (magic == IMAGE_MAGIC ? " (this is an image file)" : ""));
            }
            int count = in.readInt("the label count");
            if (count < 0) {
                throw in.error(4, "the label count " + count + " is negative");
            }
            long total = LongMath.checkedAdd(LABEL_HEADER_BYTES, count);
            checkSize(in, total, count + " labels of 1 byte");
            int wanted = Math.min(count, limit);
            List<byte[]> chunks = in.readRecords(wanted, 1, "label"); // bounded chunks: see BinaryReader
            double[] labels = new double[wanted]; // allocated only now that the bytes have arrived
            int index = 0;
            for (byte[] chunk : chunks) {
                for (byte b : chunk) {
                    int label = b & 0xff;
                    if (label > 9) {
                        throw in.error(LABEL_HEADER_BYTES + (long) index,
                                "label " + label + " of record " + index + " is outside 0..9");
                    }
                    labels[index++] = label;
                }
            }
            if (wanted == count) {
                in.expectEnd("the last of the " + count + " labels the header declares");
            }
            return new LabelFile(file, count, Tensor.of(labels));
        }
    }

    /**
     * Reads an image file; when {@code labels} is given, its header count must match theirs.
     * The pixels are first read as bytes in bounded chunks (1 byte per pixel); the 8-byte-per-pixel
     * tensor is allocated only once all of them have arrived.
     */
    private static Tensor readImageFile(Path file, int limit, LabelFile labels) throws IOException {
        try (BinaryReader in = BinaryReader.open(file)) {
            int magic = in.readInt("the magic number");
            if (magic != IMAGE_MAGIC) {
                throw in.error(0, "bad magic number " + describeMagic(magic) + ", expected "
                        + describeMagic(IMAGE_MAGIC) + " for an IDX image file"
                        + (magic == LABEL_MAGIC ? " (this is a label file)" : ""));
            }
            int count = in.readInt("the image count");
            if (count < 0) {
                throw in.error(4, "the image count " + count + " is negative");
            }
            if (labels != null && count != labels.declaredCount) {
                throw in.error(4, "the file holds " + count + " images but the label file "
                        + labels.file + " holds " + labels.declaredCount + " labels");
            }
            int rows = in.readInt("the number of rows");
            int cols = in.readInt("the number of columns");
            if (rows <= 0 || cols <= 0 || (long) rows * cols > MAX_PIXELS_PER_IMAGE) {
                throw in.error(8, "the image size " + rows + "×" + cols
                        + " is not sane: rows and columns must be positive, with at most "
                        + MAX_PIXELS_PER_IMAGE + " pixels per image");
            }
            int pixels = IntMath.checkedMultiply(rows, cols); // at most MAX_PIXELS_PER_IMAGE, checked above
            long total = LongMath.checkedAdd(IMAGE_HEADER_BYTES, LongMath.checkedMultiply(count, pixels));
            checkSize(in, total, count + " images of " + rows + "×" + cols + " bytes");
            int wanted = Math.min(count, limit);
            long pixelCount = LongMath.checkedMultiply(wanted, pixels);
            if (pixelCount > Integer.MAX_VALUE) {
                throw in.error(4, "the header (bytes 4..15) declares " + count + " images of " + rows + "×" + cols
                        + " pixels; " + wanted + " of them make " + pixelCount + " values, more than one tensor"
                        + " can hold (" + Integer.MAX_VALUE + "): if the header is right, read fewer with a limit");
            }
            List<byte[]> chunks = in.readRecords(wanted, pixels, "image");
            if (wanted == count) {
                in.expectEnd("the last of the " + count + " images the header declares");
            }
            return toScaledTensor(chunks, wanted, pixels);
        }
    }

    /**
     * Compares the length the header implies with what the file can hold: for an uncompressed file,
     * its exact size; for a gzip file, the most it can decompress to, so that a false count is caught
     * before any reading.
     */
    private static void checkSize(BinaryReader in, long expected, String contents) throws MalformedDataException {
        if (in.isGzip()) {
            // the exact decompressed length is only known by reading; readRecords checks it
            if (expected > in.maxSize()) {
                throw in.error(4, "the header declares " + contents + ", which end at byte " + expected
                        + ", but a gzip file of " + in.fileSize() + " bytes decompresses to at most "
                        + DataFiles.MAX_DEFLATE_RATIO + " times its size (" + in.maxSize()
                        + " bytes): the count is wrong or the file is cut short");
            }
            return;
        }
        long actual = in.fileSize();
        if (actual < expected) {
            throw in.error(actual, "the file ends at byte " + actual + " but its header declares "
                    + contents + ", which end at byte " + expected + " (truncated or wrong count)");
        }
        if (actual > expected) {
            throw in.error(expected, "the header declares " + contents + ", which end at byte " + expected
                    + ", but the file has " + (actual - expected) + " more bytes");
        }
    }

    /** Converts unsigned pixel bytes to doubles {@code p / 255} in an {@code (n, pixels)} tensor. */
    private static Tensor toScaledTensor(List<byte[]> chunks, int count, int pixels) {
        Tensor images = Tensor.zeros(count, pixels);
        Tensor flat = images.reshape(count * pixels); // a view: writing into it fills images
        int position = 0;
        for (byte[] chunk : chunks) {
            double[] values = new double[chunk.length];
            for (int i = 0; i < chunk.length; i++) {
                values[i] = (chunk[i] & 0xff) / 255.0;
            }
            flat.slice(0, position, position + chunk.length).copyFrom(Tensor.of(values));
            position += chunk.length;
        }
        return images;
    }

    private static String describeMagic(int magic) {
        return String.format("0x%08x (%d)", magic, magic);
    }
}
