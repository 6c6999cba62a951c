package gradschool.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The start-up script of {@code ./gradschool shell}, evaluated with the JShell API on the test class
 * path, as JShell evaluates it after its own default imports.
 */
class ShellStartupTest {

    /** The packages a student uses; every public class in them must be usable by its simple name. */
    private static final List<String> PACKAGES = List.of("gradschool.core", "gradschool.autograd", "gradschool.nn",
            "gradschool.optim", "gradschool.data");

    private static JShell shell;

    @BeforeAll
    static void startTheShellWithTheStartupScript() throws IOException {
        shell = JShell.builder().remoteVMOptions("--add-modules", "jdk.incubator.vector").build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        for (String snippet : snippets(defaultStartup())) {
            evaluate(snippet);
        }
        for (String snippet : snippets(startupScript())) {
            evaluate(snippet);
        }
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    /** JShell's DEFAULT start-up: the imports every JShell session begins with. */
    private static String defaultStartup() {
        return String.join("\n", "import java.io.*;", "import java.math.*;", "import java.net.*;",
                "import java.nio.file.*;", "import java.util.*;", "import java.util.concurrent.*;",
                "import java.util.function.*;", "import java.util.prefs.*;", "import java.util.regex.*;",
                "import java.util.stream.*;");
    }

    private static String startupScript() throws IOException {
        try (InputStream in = Launcher.class.getResourceAsStream("/" + Launcher.Shell.STARTUP)) {
            assertThat(in).as(Launcher.Shell.STARTUP).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits source into snippets as JShell does. */
    private static List<String> snippets(String source) {
        List<String> snippets = new ArrayList<>();
        String remaining = source;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            if (info.source() == null) {
                break;
            }
            snippets.add(info.source());
            remaining = info.remaining();
        }
        return snippets;
    }

    /** Evaluates one snippet, asserting that it is valid and has no diagnostics; returns its value. */
    private static String evaluate(String snippet) {
        List<SnippetEvent> events = shell.eval(snippet);
        assertThat(events).as(snippet).isNotEmpty();
        SnippetEvent event = events.get(0);
        List<String> diagnostics = shell.diagnostics(event.snippet())
                .map(diag -> diag.getMessage(null)).toList();
        assertThat(diagnostics).as(snippet).isEmpty();
        assertThat(event.status()).as(snippet).isEqualTo(Snippet.Status.VALID);
        assertThat(event.exception()).as(snippet).isNull();
        return event.value();
    }

    @Test
    void theStartupScriptImportsGradschoolSoATensorExpressionEvaluates() throws IOException {
        assertThat(snippets(startupScript())).isNotEmpty();
        assertThat(evaluate("Tensor.of(new double[]{1, 2}).add(1)")).contains("2.").contains("3.");
        assertThat(evaluate("Variable.of(Tensor.of(new double[]{1, 2})).mul(2.0).sum().item()")).isEqualTo("6.0");
    }

    @Test
    void everyPublicClassOfTheImportedPackagesIsUsableByItsSimpleName() {
        List<String> classes = publicClasses();
        assertThat(classes).contains("gradschool.core.Tensor", "gradschool.nn.Linear", "gradschool.optim.Adam");
        // One snippet naming them all: a name that is ambiguous or means another class shows here.
        List<String> simpleNames = classes.stream().map(name -> name.substring(name.lastIndexOf('.') + 1)).toList();
        SnippetEvent event = shell.eval("String.join(\",\", "
                + String.join(", ", simpleNames.stream().map(name -> name + ".class.getName()").toList()) + ")").get(0);
        List<String> wrong = new ArrayList<>(shell.diagnostics(event.snippet()).map(diag -> diag.getMessage(null)).toList());
        if (wrong.isEmpty() && !('"' + String.join(",", classes) + '"').equals(event.value())) {
            wrong.add("the names mean " + event.value());
        }
        assertThat(wrong).as("classes a student cannot name by their simple name in the shell").isEmpty();
        assertThat(event.status()).isEqualTo(Snippet.Status.VALID);
    }

    /** Every public top-level class of {@link #PACKAGES}, found on the class path (folders or jars). */
    private static List<String> publicClasses() {
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            List<String> files = new ArrayList<>();
            try {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> walk = Files.walk(path)) {
                        walk.map(p -> path.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                                .forEach(files::add);
                    }
                } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                    try (JarFile jar = new JarFile(path.toFile())) {
                        jar.stream().map(java.util.zip.ZipEntry::getName).forEach(files::add);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String file : files) {
                if (!file.endsWith(".class") || file.contains("$") || file.endsWith("module-info.class")
                        || file.endsWith("package-info.class")) {
                    continue;
                }
                String className = file.substring(0, file.length() - ".class".length()).replace('/', '.');
                String packageName = className.substring(0, Math.max(0, className.lastIndexOf('.')));
                if (PACKAGES.contains(packageName) && isPublic(className) && !names.contains(className)) {
                    names.add(className);
                }
            }
        }
        return names;
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, ShellStartupTest.class.getClassLoader())
                    .getModifiers());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
