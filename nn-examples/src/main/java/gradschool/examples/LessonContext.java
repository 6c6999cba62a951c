package gradschool.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoublePredicate;
import java.util.function.IntPredicate;

/**
 * What a lesson needs from the launcher: an output stream, the folder of shipped datasets, a folder
 * to write pictures and models into, and whether to run quickly (few epochs, a subset of the data).
 */
public final class LessonContext {

    private final PrintStream out;
    private final Path dataDirectory;
    private final Path outputDirectory;
    private final boolean smoke;

    /**
     * Makes a context.
     *
     * @param out where the lesson prints
     * @param dataDirectory the folder holding {@code iris/}, {@code digits/}, {@code mnist/} and {@code names/}
     * @param outputDirectory where pictures and files are written (created when needed)
     * @param smoke whether to run a quick version (tests use this)
     */
    public LessonContext(PrintStream out, Path dataDirectory, Path outputDirectory, boolean smoke) {
        this.out = out;
        this.dataDirectory = dataDirectory;
        this.outputDirectory = outputDirectory;
        this.smoke = smoke;
    }

    /**
     * Returns a context printing to standard output, with the data folder found from the working
     * directory ({@link #findDataDirectory()}) and output under {@code gradschool-output/}.
     *
     * @return the context
     */
    public static LessonContext standard() {
        return new LessonContext(System.out, findDataDirectory(), Path.of("gradschool-output"), false);
    }

    /**
     * Finds the shipped {@code data/} folder: in the working directory or one of its parents (so the
     * lessons work from the repository root and from a module folder).
     *
     * @return the folder (which may not exist, if none was found)
     */
    public static Path findDataDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("data");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return Path.of("data");
    }

    /**
     * Returns where the lesson prints.
     *
     * @return the stream
     */
    public PrintStream out() {
        return out;
    }

    /**
     * Tells whether to run the quick version.
     *
     * @return true in smoke mode
     */
    public boolean smoke() {
        return smoke;
    }

    /**
     * Returns a file of a shipped dataset, checking that it exists.
     *
     * @param relative the path under the data folder, e.g. {@code "iris/iris.csv"}
     * @return the path
     * @throws IOException naming the path and how to fix it, if it does not exist
     */
    public Path data(String relative) throws IOException {
        Path file = dataDirectory.resolve(relative);
        if (!Files.exists(file)) {
            throw new IOException("dataset file not found: " + file.toAbsolutePath()
                    + " (run from the gradschool repository, or pass --data DIR pointing at its data/ folder)");
        }
        return file;
    }

    /**
     * Returns a path under the output folder, creating the folder.
     *
     * @param fileName the file name, e.g. {@code "xor-loss.png"}
     * @return the path
     * @throws IOException if the folder cannot be created
     */
    public Path output(String fileName) throws IOException {
        Files.createDirectories(outputDirectory);
        return outputDirectory.resolve(fileName);
    }

    /**
     * Returns the output folder.
     *
     * @return the folder
     */
    public Path outputDirectory() {
        return outputDirectory;
    }

    /**
     * Reads a setting given as a system property ({@code -Dname=value}) as a number, for a lesson's
     * optional knobs. A value that is not a number, or breaks the rule, is the user's mistake: the
     * launcher prints it as one line and exits with status 2, instead of a stack trace or a silently
     * used default.
     *
     * @param name the property, e.g. {@code gradschool.lr}
     * @param defaultValue the value when the property is not set
     * @param valid the rule the value must satisfy
     * @param rule the rule in words, for the message, e.g. {@code "a number > 0"}
     * @return the value
     * @throws RuntimeException (the launcher's user error) naming the property, its value and the rule
     */
    public static double doubleSetting(String name, double defaultValue, DoublePredicate valid, String rule) {
        String text = System.getProperty(name);
        if (text == null) {
            return defaultValue;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new Launcher.UserError("-D" + name + "=" + text + ": not a number; it must be " + rule);
        }
        if (!valid.test(value)) {
            throw new Launcher.UserError("-D" + name + "=" + text + ": it must be " + rule);
        }
        return value;
    }

    /**
     * The same as {@link #doubleSetting} for a whole number.
     *
     * @param name the property, e.g. {@code gradschool.steps}
     * @param defaultValue the value when the property is not set
     * @param valid the rule the value must satisfy
     * @param rule the rule in words, for the message, e.g. {@code "a whole number >= 1"}
     * @return the value
     * @throws RuntimeException (the launcher's user error) naming the property, its value and the rule
     */
    public static int intSetting(String name, int defaultValue, IntPredicate valid, String rule) {
        String text = System.getProperty(name);
        if (text == null) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new Launcher.UserError("-D" + name + "=" + text + ": not a whole number; it must be " + rule);
        }
        if (!valid.test(value)) {
            throw new Launcher.UserError("-D" + name + "=" + text + ": it must be " + rule);
        }
        return value;
    }
}
