package gradschool.examples.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.nn.Layer;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a student's exercise file with the JDK's own javac (the {@code javax.tools} API) against
 * gradschool's classes, and loads it in a fresh class loader, so that every check sees the file as it
 * is now.
 */
public final class ExerciseCompiler {

    private ExerciseCompiler() {
    }

    /** javac rejected the file: its messages, as javac prints them ({@code File.java:12: error: …}). */
    public static final class CompileError extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> lines;

        CompileError(List<String> lines) {
            super(String.join(System.lineSeparator(), lines));
            this.lines = List.copyOf(lines);
        }

        /**
         * Returns javac's messages, one line each (the source line and a caret follow each error).
         *
         * @return the lines
         */
        public List<String> lines() {
            return lines;
        }
    }

    /**
     * Compiles one exercise file into {@code classes} and loads its class.
     *
     * @param source    the student's file, e.g. {@code exercises/src/gradschool/exercises/MulBackward.java}
     * @param className the fully qualified class it must declare
     * @param classes   an empty folder for the compiled classes
     * @return the loaded class, in a new class loader whose parent holds gradschool
     * @throws CompileError if javac rejects the file, or it does not declare {@code className}
     * @throws IOException if the file cannot be read
     * @throws IllegalStateException if this Java has no compiler (a runtime without javac)
     */
    public static Class<?> compileAndLoad(Path source, String className, Path classes) throws CompileError, IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("checking an exercise compiles it, and this Java ("
                    + System.getProperty("java.home") + ") has no compiler: run gradschool with a JDK 17 or later");
        }
        if (!Files.isRegularFile(source)) {
            throw new IOException("exercise file not found: " + source);
        }
        Path emptySourcePath = Files.createDirectories(classes.resolve("no-sources"));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-classpath", classPath(),
                    "-sourcepath", emptySourcePath.toString(), "-encoding", "UTF-8", "-proc:none", "-implicit:none",
                    "-nowarn", "-g");
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(source.toFile());
            boolean compiled = javac.getTask(null, files, diagnostics, options, null, units).call();
            if (!compiled) {
                throw new CompileError(format(diagnostics.getDiagnostics(), source));
            }
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                BackwardExercise.class.getClassLoader());
        try {
            return loader.loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new CompileError(List.of(source + ": must declare the public class " + className
                    + " (package " + className.substring(0, className.lastIndexOf('.')) + ")"));
        }
    }

    /** javac's errors as it prints them: {@code path:line: error: message}, the source line, a caret. */
    private static List<String> format(List<Diagnostic<? extends JavaFileObject>> diagnostics, Path source)
            throws IOException {
        List<String> sourceLines = Files.readAllLines(source, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String where = d.getSource() == null ? "" : source + (d.getLineNumber() > 0 ? ":" + d.getLineNumber() : "") + ": ";
            String[] message = d.getMessage(Locale.ROOT).split("\\R");
            lines.add(where + "error: " + message[0]);
            for (int m = 1; m < message.length; m++) {
                lines.add(message[m]);
            }
            long line = d.getLineNumber();
            if (line > 0 && line <= sourceLines.size()) {
                lines.add(sourceLines.get((int) line - 1));
                long column = d.getColumnNumber();
                if (column > 0) {
                    lines.add(" ".repeat((int) column - 1) + "^");
                }
            }
        }
        return lines;
    }

    /** Where gradschool's classes are: the running jar, or the modules' class folders in a build. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : new Class<?>[] {Tensor.class, Variable.class, Layer.class, BackwardExercise.class}) {
            CodeSource code = c.getProtectionDomain().getCodeSource();
            if (code != null && code.getLocation() != null) {
                try {
                    entries.add(Path.of(code.getLocation().toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file location: the class path below still has it
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
