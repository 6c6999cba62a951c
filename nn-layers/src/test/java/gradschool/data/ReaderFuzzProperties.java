package gradschool.data;

import static gradschool.data.TestFiles.countingPixels;
import static gradschool.data.TestFiles.gzip;
import static gradschool.data.TestFiles.idxImages;
import static gradschool.data.TestFiles.idxLabels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import gradschool.core.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Fuzzes every file reader of {@code gradschool.data} with mutated copies of small valid files (bit
 * flips, byte overwrites, truncation, insertion, deletion, duplication, header and field edits):
 * each outcome must be a parse or a {@link MalformedDataException} whose message starts with the
 * file's name — never another exception — and reading must not allocate much more than the file
 * could hold (a header's claim must not turn into memory).
 */
class ReaderFuzzProperties {

    private static final int COUNT = 3;
    private static final byte[] IMAGES = idxImages(Mnist.IMAGE_MAGIC, COUNT, 4, 5, countingPixels(COUNT, 4, 5));
    private static final byte[] LABELS = idxLabels(Mnist.LABEL_MAGIC, COUNT, new byte[] {7, 2, 1});
    private static final byte[] GZIPPED_IMAGES = gzip(IMAGES);
    private static final byte[] GZIPPED_LABELS = gzip(LABELS);
    private static final int[] IMAGE_HEADER_FIELDS = {0, 4, 8, 12};
    private static final int[] LABEL_HEADER_FIELDS = {0, 4};

    private static final String IRIS = Iris.HEADER + "\n"
            + "5.1,3.5,1.4,0.2,setosa\n"
            + "4.9,3.0,1.4,0.2,setosa\n"
            + "7.0,3.2,4.7,1.4,versicolor\n"
            + "6.4,3.2,4.5,1.5,versicolor\n"
            + "6.3,3.3,6.0,2.5,virginica\n"
            + "5.8,2.7,5.1,1.9,virginica\n";

    private static final String DIGITS = digitsLine(0, 0) + digitsLine(7, 1) + digitsLine(16, 9) + digitsLine(3, 4);

    /** Fixed costs of one read (stream buffers, the inflater, an exception and its message). */
    private static final long FIXED_ALLOWANCE = 2 << 20;

    private Path dir;

    private static String digitsLine(int firstPixel, int label) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < Digits.PIXELS; i++) {
            line.append((firstPixel + i) % (Digits.MAX_PIXEL_VALUE + 1)).append(',');
        }
        return line.append(label).append('\n').toString();
    }

    @BeforeProperty
    void createDirectoryAndLoadTheReaders() throws IOException {
        dir = Files.createTempDirectory("reader-fuzz");
        // the first call of each reader loads classes: keep that out of the allocation budgets
        Files.createDirectories(dir.resolve("warm-up"));
        Path images = TestFiles.write(dir.resolve("warm-up"), "train-images-idx3-ubyte.gz", gzip(IMAGES));
        TestFiles.write(dir.resolve("warm-up"), "train-labels-idx1-ubyte.gz", gzip(LABELS));
        Mnist.read(dir.resolve("warm-up"), Mnist.TRAIN, 10);
        Iris.read(TestFiles.writeText(dir.resolve("warm-up"), "iris.csv", IRIS));
        Digits.read(TestFiles.write(dir.resolve("warm-up"), "digits.csv.gz", gzip(DIGITS.getBytes(StandardCharsets.US_ASCII))));
        for (byte[] broken : new byte[][] {Arrays.copyOf(IMAGES, 10), Arrays.copyOf(gzip(IMAGES), 20)}) {
            try {
                Mnist.readImages(Files.write(images, broken));
            } catch (MalformedDataException expected) {
                // as intended
            }
        }
    }

    @AfterProperty
    void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 1500, seed = "907001", shrinking = ShrinkingMode.OFF)
    void aMutatedPlainIdxFileParsesOrIsAMalformedDataExceptionNamingIt(@ForAll long seed) throws IOException {
        Mutations mutations = new Mutations(seed);
        readMutatedIdx(mutations, dir.resolve("plain"), false);
    }

    @Property(tries = 1500, seed = "907002", shrinking = ShrinkingMode.OFF)
    void aMutatedGzippedIdxFileParsesOrIsAMalformedDataExceptionNamingIt(@ForAll long seed) throws IOException {
        Mutations mutations = new Mutations(seed);
        readMutatedIdx(mutations, dir.resolve("gzipped"), true);
    }

    @Property(tries = 1000, seed = "907003", shrinking = ShrinkingMode.OFF)
    void aMutatedIrisCsvParsesOrIsAMalformedDataExceptionNamingIt(@ForAll long seed) throws IOException {
        Mutations mutations = new Mutations(seed);
        byte[] bytes = mutations.random().nextInt(3) == 0
                ? mutations.mutateBytes(IRIS.getBytes(StandardCharsets.UTF_8))
                : mutations.mutateText(IRIS).getBytes(StandardCharsets.UTF_8);
        Path file = TestFiles.write(dir, "iris.csv", bytes);

        LabeledData iris = readChecked(mutations, budget(file), () -> Iris.read(file), file);

        if (iris != null) {
            assertThat(values(iris.features())).as(mutations.description())
                    .allSatisfy(x -> assertThat(x).isFinite().isGreaterThanOrEqualTo(0.0));
            assertThat(values(iris.labels())).as(mutations.description())
                    .allSatisfy(label -> assertThat(label).isIn(0.0, 1.0, 2.0));
        }
    }

    @Property(tries = 1000, seed = "907004", shrinking = ShrinkingMode.OFF)
    void aMutatedGzippedDigitsCsvParsesOrIsAMalformedDataExceptionNamingIt(@ForAll long seed) throws IOException {
        Mutations mutations = new Mutations(seed);
        byte[] text = DIGITS.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = switch (mutations.random().nextInt(4)) {
            case 0, 1 -> gzip(mutations.mutateText(DIGITS).getBytes(StandardCharsets.UTF_8));
            case 2 -> gzip(mutations.mutateBytes(text));
            default -> mutations.mutateBytes(gzip(text)); // the compressed stream itself
        };
        Path file = TestFiles.write(dir, "digits.csv.gz", bytes);

        LabeledData digits = readChecked(mutations, budget(file), () -> Digits.read(file), file);

        if (digits != null) {
            assertThat(values(digits.features())).as(mutations.description())
                    .allSatisfy(x -> assertThat(x).isBetween(0.0, 16.0).isEqualTo(Math.rint(x)));
            assertThat(values(digits.labels())).as(mutations.description())
                    .allSatisfy(label -> assertThat(label).isBetween(0.0, 9.0).isEqualTo(Math.rint(label)));
        }
    }

    /**
     * Mutates the image file, the label file, or one of the two of a split read by {@link Mnist#read};
     * a gzipped file is mutated before compression (its content) or after (the gzip stream).
     */
    private void readMutatedIdx(Mutations mutations, Path directory, boolean gzipped) throws IOException {
        Files.createDirectories(directory);
        String suffix = gzipped ? ".gz" : "";
        int limit = switch (mutations.random().nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + mutations.random().nextInt(COUNT + 1);
            default -> Integer.MAX_VALUE;
        };
        mutations.note("limit " + limit);
        int which = mutations.random().nextInt(3);
        boolean mutateImages = which == 0 || which == 2 && mutations.random().nextBoolean();
        byte[] images = mutateImages ? mutate(mutations, IMAGES, IMAGE_HEADER_FIELDS, gzipped) : encode(IMAGES, gzipped);
        byte[] labels = mutateImages ? encode(LABELS, gzipped) : mutate(mutations, LABELS, LABEL_HEADER_FIELDS, gzipped);
        Path imageFile = directory.resolve(Mnist.TRAIN + "-images-idx3-ubyte" + suffix);
        Path labelFile = directory.resolve(Mnist.TRAIN + "-labels-idx1-ubyte" + suffix);
        if (which != 1) {
            Files.write(imageFile, images);
        }
        if (which != 0) {
            Files.write(labelFile, labels);
        }
        mutations.note(which == 0 ? "readImages" : which == 1 ? "readLabels" : "read the split");

        Object result = switch (which) {
            case 0 -> readChecked(mutations, budget(imageFile), () -> Mnist.readImages(imageFile, limit), imageFile);
            case 1 -> readChecked(mutations, budget(labelFile), () -> Mnist.readLabels(labelFile, limit), labelFile);
            default -> readChecked(mutations, budget(imageFile) + budget(labelFile),
                    () -> Mnist.read(directory, Mnist.TRAIN, limit), imageFile, labelFile);
        };

        if (result instanceof Tensor tensor && which == 1 || result instanceof LabeledData) {
            Tensor labelTensor = result instanceof LabeledData data ? data.labels() : (Tensor) result;
            assertThat(values(labelTensor)).as(mutations.description())
                    .allSatisfy(label -> assertThat(label).isBetween(0.0, 9.0));
        }
    }

    private static java.util.List<Double> values(Tensor tensor) {
        return Arrays.stream(tensor.toDoubleArray()).boxed().toList();
    }

    private static byte[] mutate(Mutations mutations, byte[] valid, int[] headerFields, boolean gzipped) {
        if (!gzipped) {
            return mutations.mutateBytes(valid, headerFields);
        }
        if (mutations.random().nextInt(3) > 0) {
            mutations.note("(content, then gzip)");
            return gzip(mutations.mutateBytes(valid, headerFields));
        }
        mutations.note("(the gzip stream)");
        return mutations.mutateBytes(encode(valid, true));
    }

    private static byte[] encode(byte[] valid, boolean gzipped) {
        return !gzipped ? valid : valid == IMAGES ? GZIPPED_IMAGES : GZIPPED_LABELS;
    }

    /**
     * Returns how many bytes reading the file may allocate: fixed costs plus 64 per byte the file
     * could hold (its size, or 1032 times it when it is gzip data: the most deflate can expand).
     */
    private static long budget(Path file) throws IOException {
        long size = Files.size(file);
        long couldHold = DataFiles.isGzip(file) ? DataFiles.MAX_DEFLATE_RATIO * size : size;
        return FIXED_ALLOWANCE + 64 * couldHold;
    }

    /** A reader call. */
    @FunctionalInterface
    private interface Read<T> {
        T read() throws Throwable;
    }

    /**
     * Runs a reader on a mutated file: returns what it read, or null if it threw a
     * {@link MalformedDataException} whose message starts with one of the files; fails on any other
     * outcome, or if it allocated more than the budget.
     */
    private static <T> T readChecked(Mutations mutations, long budget, Read<T> read, Path... files) {
        long before = Allocations.currentThread();
        T result = null;
        Throwable thrown = null;
        try {
            result = read.read();
        } catch (Throwable t) {
            thrown = t;
        }
        long allocated = Allocations.currentThread() - before;
        if (thrown != null) {
            String message = String.valueOf(thrown.getMessage());
            boolean namesAFile = Arrays.stream(files).anyMatch(f -> message.startsWith(f + ", "));
            if (!(thrown instanceof MalformedDataException) || !namesAFile) {
                fail(mutations.description() + " threw " + thrown, thrown);
            }
        }
        if (allocated > budget) {
            fail(mutations.description() + " allocated " + allocated + " bytes, more than the budget of " + budget
                    + " for what the file could hold" + (thrown == null ? "" : " (then threw " + thrown + ")"));
        }
        return result;
    }
}
