package gradschool.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The debugger walk-through in {@code docs/autograd.md} names source lines to break on (an IDE's
 * {@code Autograd.java:58} or its path from the repository's root, jdb's
 * {@code stop at gradschool.autograd.Autograd:58} and the {@code line=58} jdb prints when it stops). Each of those lines must still be the one the docs show:
 * the source line carries the marker comment {@value #MARKER}, and holds the statement the docs quote.
 * Editing the source above it moves the line, and this test says which number to change.
 */
class DebuggerWalkthroughTest {

    static final String MARKER = "// debugger-walkthrough: step";

    private static final Pattern FILE_LINE = Pattern.compile("([\\w./-]+\\.java):(\\d+)");
    private static final Pattern JDB_COMMAND = Pattern.compile("(?:stop at|clear) ([\\w.]+):(\\d+)");
    private static final Pattern JDB_STOP = Pattern.compile("Breakpoint hit: .*? ([\\w.]+)\\.\\w+\\(\\), line=(\\d+)");

    /** A source line the docs name: how they name it, the file it resolves to, and the line number. */
    record NamedLine(String asWritten, Path file, int line) {
    }

    /** The section "A debugger walk-through" of docs/autograd.md, up to the next "## " heading. */
    static String walkThrough() throws IOException {
        String text = Files.readString(DocsSnippetsTest.repoRoot().resolve("docs/autograd.md"), StandardCharsets.UTF_8);
        int start = text.indexOf("\n## A debugger walk-through");
        assertThat(start).as("docs/autograd.md has the section \"## A debugger walk-through\"").isNotNegative();
        int end = text.indexOf("\n## ", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The statement the docs quote with the marker in a code block, as written (trimmed). */
    static String quotedStatement(String section) {
        List<String> quoted = new ArrayList<>();
        boolean inCode = false;
        for (String line : section.lines().toList()) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
            } else if (inCode && line.contains(MARKER)) {
                quoted.add(line.strip());
            }
        }
        assertThat(quoted).as("code lines of the walk-through quoting the statement marked %s", MARKER).hasSize(1);
        return quoted.get(0);
    }

    /** Every source line the section names, in the three forms. */
    static List<NamedLine> namedLines(String section) throws IOException {
        List<NamedLine> named = new ArrayList<>();
        for (Matcher m = FILE_LINE.matcher(section); m.find(); ) {
            named.add(new NamedLine(m.group(), sourceFile(m.group(1)), Integer.parseInt(m.group(2))));
        }
        for (Pattern classForm : List.of(JDB_COMMAND, JDB_STOP)) {
            for (Matcher m = classForm.matcher(section); m.find(); ) {
                String path = m.group(1).replace('.', '/') + ".java";
                named.add(new NamedLine(m.group(), sourceFile(path), Integer.parseInt(m.group(2))));
            }
        }
        return named;
    }

    /**
     * Finds a main source file: a path from the repository root as written, or a path inside some
     * module's {@code src/main/java} (a class name, or a bare file name such as {@code Autograd.java}).
     */
    static Path sourceFile(String written) throws IOException {
        Path root = DocsSnippetsTest.repoRoot();
        if (Files.isRegularFile(root.resolve(written))) {
            return root.resolve(written);
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path sources : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(file -> file.toString().replace('\\', '/').endsWith("/" + written)).forEach(found::add);
                }
            }
        }
        assertThat(found).as("main source files matching %s", written).hasSize(1);
        return found.get(0);
    }

    @Test
    void everyLineTheWalkThroughNamesHoldsTheMarkedStatementItQuotes() throws IOException {
        String section = walkThrough();
        String statement = quotedStatement(section);
        List<NamedLine> named = namedLines(section);

        assertThat(named).as("source lines the walk-through names (an IDE's File.java:N, jdb's stop at / line=)")
                .anyMatch(n -> FILE_LINE.matcher(n.asWritten()).matches())
                .anyMatch(n -> n.asWritten().startsWith("stop at "))
                .anyMatch(n -> n.asWritten().startsWith("Breakpoint hit: "));
        for (NamedLine n : named) {
            List<String> lines = Files.readAllLines(n.file(), StandardCharsets.UTF_8);
            String actual = n.line() <= lines.size() ? lines.get(n.line() - 1).strip() : "(past the end of the file)";
            int markedNow = 1 + lines.stream().map(String::strip).toList().indexOf(statement);
            assertThat(actual)
                    .as("docs/autograd.md names \"%s\", but line %d of %s is not the line it quotes (the one marked %s, "
                            + "now %s: if the code moved, change the number in the docs)", n.asWritten(), n.line(),
                            n.file(), MARKER, markedNow > 0 ? "on line " + markedNow : "found nowhere")
                    .isEqualTo(statement);
        }
    }

    @Test
    void theMarkerIsOnExactlyOneSourceLine() throws IOException {
        NamedLine first = namedLines(walkThrough()).get(0);
        long marked = Files.readAllLines(first.file(), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(MARKER)).count();

        assertThat(marked).as("lines of %s marked %s", first.file(), MARKER).isEqualTo(1);
    }
}
