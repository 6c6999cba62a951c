package gradschool.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Runs a lesson in smoke mode into a folder and reads back what it printed and wrote: the one way the
 * lesson tests (seeds, autograd, training) run a lesson.
 */
public final class LessonRun {

    /** The first loss figure on an epoch line: "epoch 3: train loss 0.1234, …" or "epoch   3: loss 0.12345". */
    private static final Pattern EPOCH_LOSS = Pattern.compile("(?m)^epoch +\\d+: (?:train )?loss (\\d+\\.\\d+)");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Everything the lesson printed. */
    public final String text;
    /** The folder the lesson wrote its files to. */
    public final Path output;

    private LessonRun(String text, Path output) {
        this.text = text;
        this.output = output;
    }

    /** Runs the lesson in smoke mode (headless), writing into {@code output}, and keeps what it printed. */
    public static LessonRun smoke(Lesson lesson, Path output) throws Exception {
        return run(lesson, output, true);
    }

    /** Runs the full lesson, as {@code ./gradschool run NAME} does (slow: for tests that are switched on explicitly). */
    public static LessonRun full(Lesson lesson, Path output) throws Exception {
        return run(lesson, output, false);
    }

    private static LessonRun run(Lesson lesson, Path output, boolean smoke) throws Exception {
        System.setProperty("java.awt.headless", "true");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        lesson.run(new LessonContext(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                LessonContext.findDataDirectory(), output, smoke));
        return new LessonRun(bytes.toString(StandardCharsets.UTF_8), output);
    }

    /** Runs the lesson as {@link #smoke} does and returns what it printed. */
    public static String printedBy(Lesson lesson, Path output) throws Exception {
        return smoke(lesson, output).text;
    }

    /** Returns the training loss of every printed epoch line, in order. */
    public List<Double> epochLosses() {
        List<Double> losses = new ArrayList<>();
        Matcher matcher = EPOCH_LOSS.matcher(text);
        while (matcher.find()) {
            losses.add(Double.parseDouble(matcher.group(1)));
        }
        return losses;
    }

    /** Checks that at least two epochs were printed and the last loss is below the first. */
    public void assertLossWentDown() {
        List<Double> losses = epochLosses();
        assertThat(losses).as("epoch losses printed by the lesson:\n%s", text).hasSizeGreaterThanOrEqualTo(2);
        assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0));
    }

    /**
     * Checks that the file exists, starts with the PNG signature, decodes, and is at least the given
     * size; and that the lesson printed where it wrote it.
     */
    @SuppressWarnings("exports") // test code: its callers are tests, on the class path with java.desktop
    public BufferedImage assertPng(String fileName, int minWidth, int minHeight) throws IOException {
        Path file = output.resolve(fileName);
        assertThat(file).isRegularFile();
        byte[] head = new byte[PNG_SIGNATURE.length];
        System.arraycopy(Files.readAllBytes(file), 0, head, 0, head.length);
        assertThat(head).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("decoded %s", fileName).isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(minWidth);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(minHeight);
        assertThat(text).contains("wrote " + file);
        return image;
    }

    /** Returns the number after a label such as "test accuracy: ", e.g. 96.7 for "test accuracy: 96.7%". */
    public double percentAfter(String label) {
        Matcher matcher = Pattern.compile(Pattern.quote(label) + " *(\\d+(?:\\.\\d+)?)%").matcher(text);
        assertThat(matcher.find()).as("'%s' in:\n%s", label, text).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
