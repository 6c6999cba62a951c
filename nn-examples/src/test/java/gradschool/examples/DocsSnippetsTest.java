package gradschool.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block in {@code README.md} and {@code docs/*.md}, so that the code a
 * student copies from the documentation is code that compiles against the library as it is now.
 *
 * <p>The snippets are compiled (by javac, with this test's class path), never run. A block that
 * declares a type at the start of a line ({@code public class Foo}, {@code record Bar(…)}, …, with
 * no indentation) is a compilation unit of its own, with its own imports, in a file named after its
 * public type. Any other block is pasted, as it is, into the body of
 * {@code static void snippet() throws Exception} of a generated class whose imports are
 * {@link #IMPORTS}: so a snippet must declare every variable it uses, but need not import the
 * gradschool packages or {@code java.util}, {@code java.nio.file}, {@code java.io}. (No gradschool
 * class shares a simple name with a class of {@code java.lang} or those packages, so the wildcard
 * imports are unambiguous; {@link #wildcardImportsAreUnambiguous} checks it.)
 *
 * <p>Each snippet is its own {@link DynamicTest}, named after its file and the line of its opening
 * fence; a failure quotes the compiler's messages with line numbers counted in the Markdown file.
 */
class DocsSnippetsTest {

    /** The import header of a wrapped snippet. */
    static final String IMPORTS = String.join("\n",
            "import gradschool.core.*;",
            "import gradschool.core.io.*;",
            "import gradschool.autograd.*;",
            "import gradschool.nn.*;",
            "import gradschool.optim.*;",
            "import gradschool.data.*;",
            "import java.util.*;",
            "import java.nio.file.*;",
            "import java.io.*;",
            "");

    /** A fenced block: {@code ```lang} at the start of a line, up to the next {@code ```} line. */
    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*(\\S*)\\s*$");

    /**
     * A top-level type declaration: at the start of a line (no indentation), optional modifiers,
     * then {@code class}, {@code record}, {@code interface} or {@code enum} and a name.
     */
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "^(?:(?:public|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                    + "(?:class|record|interface|enum)\\s+([A-Za-z_$][A-Za-z0-9_$]*)",
            Pattern.MULTILINE);

    /** A top-level public type, whose name the file must have. */
    private static final Pattern PUBLIC_TOP_LEVEL_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                    + "(?:class|record|interface|enum)\\s+([A-Za-z_$][A-Za-z0-9_$]*)",
            Pattern.MULTILINE);

    /** The line a wrapped snippet's first line lands on in the generated file (1-based). */
    private static final int WRAPPED_FIRST_LINE = IMPORTS.split("\n", -1).length + 3;

    /** One {@code ```java} block: where it is and what it says. */
    record Snippet(Path file, int fenceLine, String code) {

        String label() {
            return repoRoot().relativize(file) + ":" + fenceLine;
        }

        /** The line in the Markdown file of the snippet's first line of code. */
        int firstCodeLine() {
            return fenceLine + 1;
        }
    }

    /** The repository root: the tests run in the module folder, {@code nn-examples}. */
    static Path repoRoot() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    /** README.md and every docs/*.md, in a stable order. */
    static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Path readme = repoRoot().resolve("README.md");
        if (Files.isRegularFile(readme)) {
            files.add(readme);
        }
        Path docs = repoRoot().resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> listing = Files.list(docs)) {
                listing.filter(p -> p.getFileName().toString().endsWith(".md"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    /**
     * Returns the {@code ```java} blocks of one Markdown file.
     *
     * @throws IllegalStateException naming the file and line if a fence is never closed
     */
    static List<Snippet> snippets(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Snippet> found = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                i++;
                continue;
            }
            String language = open.group(1).toLowerCase(Locale.ROOT);
            int start = i;
            StringBuilder code = new StringBuilder();
            i++;
            while (i < lines.size() && !lines.get(i).trim().equals("```")) {
                code.append(lines.get(i)).append('\n');
                i++;
            }
            if (i == lines.size()) {
                throw new IllegalStateException(file + ":" + (start + 1) + ": the ```" + language
                        + " block opened here is never closed");
            }
            i++; // the closing fence
            if (language.equals("java")) {
                found.add(new Snippet(file, start + 1, code.toString()));
            }
        }
        return found;
    }

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompiles(@TempDir Path output) throws IOException {
        List<Snippet> all = new ArrayList<>();
        for (Path file : markdownFiles()) {
            all.addAll(snippets(file));
        }
        assertThat(all).as("```java blocks in README.md and docs/*.md").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (int n = 0; n < all.size(); n++) {
            Snippet snippet = all.get(n);
            Path workDir = output.resolve("snippet" + n);
            tests.add(DynamicTest.dynamicTest(snippet.label(), () -> {
                String errors = compile(snippet, "DocSnippet" + snippet.fenceLine(), workDir);
                if (!errors.isEmpty()) {
                    fail("The ```java block at " + snippet.label() + " does not compile:\n" + errors);
                }
            }));
        }
        return tests.stream();
    }

    /**
     * Returns the name the source file of a snippet must have if it declares top-level types (the
     * public one, else the first), or null if it is a method body.
     */
    static String topLevelTypeName(String code) {
        Matcher publicType = PUBLIC_TOP_LEVEL_TYPE.matcher(code);
        if (publicType.find()) {
            return publicType.group(1);
        }
        Matcher anyType = TOP_LEVEL_TYPE.matcher(code);
        return anyType.find() ? anyType.group(1) : null;
    }

    /**
     * Compiles one snippet and returns the compiler's errors ("" if it compiled), with line numbers
     * counted in the Markdown file.
     *
     * <p>The compiler is javac run in this JVM through {@link java.util.spi.ToolProvider}, with this
     * test's class path. (Not {@code javax.tools.JavaCompiler}: the tests are compiled inside the
     * module {@code gradschool.examples}, which does not read {@code java.compiler}.)
     */
    static String compile(Snippet snippet, String wrapperName, Path workDir) throws IOException {
        ToolProvider javac = ToolProvider.findFirst("javac").orElse(null);
        assertThat(javac).as("javac (the tests need a JDK, not a JRE)").isNotNull();

        String topLevelType = topLevelTypeName(snippet.code());
        String className;
        String text;
        int lineShift; // Markdown line = generated line + lineShift
        if (topLevelType != null) {
            className = topLevelType;
            text = snippet.code();
            lineShift = snippet.firstCodeLine() - 1;
        } else {
            className = wrapperName;
            text = IMPORTS + "\nclass " + className + " {\n    static void snippet() throws Exception {\n"
                    + snippet.code() + "\n    }\n}\n";
            lineShift = snippet.firstCodeLine() - WRAPPED_FIRST_LINE;
        }
        Path sources = Files.createDirectories(workDir.resolve("src"));
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        Path source = sources.resolve(className + ".java");
        Files.writeString(source, text, StandardCharsets.UTF_8);

        StringWriter messages = new StringWriter();
        int status;
        try (PrintWriter out = new PrintWriter(messages)) {
            status = javac.run(out, out,
                    "-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString(),
                    "-proc:none",
                    "-Xlint:none",
                    "-encoding", "UTF-8",
                    source.toString());
        }
        if (status == 0) {
            return "";
        }
        // javac reports "/path/Name.java:LINE: error: message", then the source line, a caret and
        // details such as "symbol: method plus(Tensor)". Renumber the first; keep the rest.
        Pattern diagnostic = Pattern.compile("^.*" + Pattern.quote(className + ".java") + ":(\\d+): (.*)$");
        List<String> report = new ArrayList<>();
        for (String line : messages.toString().split("\\R")) {
            Matcher m = diagnostic.matcher(line);
            if (m.matches()) {
                int at = Integer.parseInt(m.group(1));
                report.add("  " + snippet.file().getFileName() + " line " + (at + lineShift) + ": " + m.group(2));
            } else if (!line.isBlank() && !line.matches("\\d+ errors?")) {
                report.add("    " + line);
            }
        }
        return report.isEmpty() ? "javac exited with status " + status + "\n" + messages : String.join("\n", report);
    }

    // ---------------------------------------------------------------------------------------
    // The checker checks itself: a broken snippet must be reported, a good one must not.
    // ---------------------------------------------------------------------------------------

    @Test
    void aSnippetThatDoesNotCompileIsReportedWithItsMarkdownLine(@TempDir Path dir) throws IOException {
        Path markdown = dir.resolve("broken.md");
        Files.writeString(markdown, String.join("\n",
                "# A page",
                "",
                "```java",
                "Tensor x = Tensor.of(new double[] {1, 2, 3});",
                "Tensor y = x.noSuchMethod();",
                "```",
                ""));
        List<Snippet> found = snippets(markdown);
        assertThat(found).hasSize(1);
        String errors = compile(found.get(0), "BrokenSnippet", dir.resolve("work"));
        assertThat(errors).contains("broken.md line 5").contains("noSuchMethod");
    }

    @Test
    void wrappedAndTopLevelSnippetsCompileAndOtherLanguagesAreIgnored(@TempDir Path dir) throws IOException {
        Path markdown = dir.resolve("good.md");
        Files.writeString(markdown, String.join("\n",
                "```java",
                "Tensor x = Tensor.of(new double[] {1, 2, 3});",
                "System.out.println(x.sum());",
                "```",
                "```text",
                "this is not Java",
                "```",
                "```java",
                "import gradschool.core.Tensor;",
                "",
                "public class Hello {",
                "    public static void main(String[] args) {",
                "        System.out.println(Tensor.eye(2));",
                "    }",
                "}",
                "```",
                ""));
        List<Snippet> found = snippets(markdown);
        assertThat(found).extracting(Snippet::fenceLine).containsExactly(1, 8);
        assertThat(compile(found.get(0), "GoodSnippet", dir.resolve("a"))).isEmpty();
        assertThat(compile(found.get(1), "Unused", dir.resolve("b"))).isEmpty();
    }

    @Test
    void aFileOfSeveralTypesIsNamedAfterItsPublicOne() {
        assertThat(topLevelTypeName("record Point(double x) {}\npublic final class Plot {}\n")).isEqualTo("Plot");
        assertThat(topLevelTypeName("class Helper {}\n")).isEqualTo("Helper");
        assertThat(topLevelTypeName("Tensor x = Tensor.eye(2);\n    record Local(int a) {}\n")).isNull();
    }

    /**
     * The obvious code compiles: {@code import gradschool.nn.*;} and a class extending the layer base
     * class. (When that class was called {@code Layer}, the wildcard import made it ambiguous with
     * {@code java.lang.Module} and this failed.) Also checks the wrapped snippets' own imports.
     */
    @Test
    void wildcardImportsAreUnambiguous(@TempDir Path dir) throws IOException {
        Path markdown = dir.resolve("wildcard.md");
        Files.writeString(markdown, String.join("\n",
                "```java",
                "import gradschool.autograd.*;",
                "import gradschool.core.*;",
                "import gradschool.core.io.*;",
                "import gradschool.data.*;",
                "import gradschool.nn.*;",
                "import gradschool.optim.*;",
                "",
                "public class Net extends Layer {",
                "    final Linear hidden = registerLayer(\"hidden\", new Linear(2, 3));",
                "    @Override",
                "    public Variable forward(Variable x) {",
                "        return hidden.forward(x).relu();",
                "    }",
                "}",
                "```",
                "```java",
                "Layer net = new Sequential(new Linear(2, 3), new ReLU());",
                "List<Parameter> parameters = net.parameters();",
                "Path file = Path.of(\"net.npz\");",
                "```",
                ""));
        List<Snippet> found = snippets(markdown);
        assertThat(found).hasSize(2);
        assertThat(compile(found.get(0), "Unused", dir.resolve("a"))).isEmpty();
        assertThat(compile(found.get(1), "WrappedWildcards", dir.resolve("b"))).isEmpty();
    }
}
