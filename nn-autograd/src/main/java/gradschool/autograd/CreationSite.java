package gradschool.autograd;

import java.util.List;
import java.util.Optional;

/**
 * Where in the user's code a {@link Variable} was created: the first stack frame outside gradschool's
 * library code and the JDK (class, method, file and line).
 *
 * <p>"Library code" is decided by package, not by the jar a class was loaded from: a class in
 * {@code gradschool.core}, {@code gradschool.autograd}, {@code gradschool.nn}, {@code gradschool.optim}
 * or {@code gradschool.data}, or in a subpackage of one of them (such as
 * {@code gradschool.autograd.functions}). Everything else is user code: a student's program, and the
 * lessons in {@code gradschool.examples} even where the examples jar packs them next to the library.
 * JDK frames (a stream pipeline, {@code forEach}) are skipped too. So what gets named is the line of
 * the student's code — or the lesson's — that made the variable.
 *
 * <p>Recording costs a short stack walk per operation. It is on by default; turn it off for long
 * benchmark runs with {@link #setRecording(boolean)}.
 */
public final class CreationSite {

    /** gradschool's own packages; each one's subpackages are library code too. */
    private static final List<String> LIBRARY_PACKAGES = List.of(
            "gradschool.core", "gradschool.autograd", "gradschool.nn", "gradschool.optim", "gradschool.data");
    /** Per class, whether its frames are skipped: decided once per class, then cached. */
    private static final ClassValue<Boolean> IS_LIBRARY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isJdk(type) || isLibraryPackage(type.getPackageName());
        }
    };
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static volatile boolean recording = true;
    private static final ThreadLocal<Boolean> PAUSED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final String className;
    private final String methodName;
    private final String fileName;
    private final int lineNumber;

    private CreationSite(StackWalker.StackFrame frame) {
        this.className = frame.getClassName();
        this.methodName = frame.getMethodName();
        this.fileName = frame.getFileName();
        this.lineNumber = frame.getLineNumber();
    }

    /**
     * Turns the recording of creation sites on or off for every thread.
     *
     * @param enabled whether new variables record where they were made
     */
    public static void setRecording(boolean enabled) {
        recording = enabled;
    }

    /**
     * Tells whether creation sites are being recorded.
     *
     * @return true if recording
     */
    public static boolean isRecording() {
        return recording;
    }

    /**
     * Stops recording on this thread until the returned scope is closed. The backward pass uses it
     * (unless it is creating a graph): the gradients its rules compute are plain values with no history
     * that nobody asks the site of, and a stack walk for each of them made backward about ten times slower.
     */
    static Pause pausedOnThisThread() {
        boolean previous = PAUSED.get();
        PAUSED.set(true);
        return new Pause(previous);
    }

    /**
     * Stops recording creation sites on this thread until the returned scope is closed — for long
     * runs where nobody will look at them. {@code Trainer.fit} does this: a stack walk per op costs a
     * few microseconds, several percent of a training step.
     *
     * <pre>{@code
     * try (var quiet = CreationSite.pause()) {
     *     for (int step = 0; step < 10_000; step++) { ... }
     * }
     * }</pre>
     *
     * @return a scope that restores the previous state when closed
     */
    public static Pause pause() {
        return pausedOnThisThread();
    }

    /** A scope that pauses recording on one thread; closing it restores the previous state. */
    public static final class Pause implements AutoCloseable {
        private final boolean previous;

        private Pause(boolean previous) {
            this.previous = previous;
        }

        /** Restores the previous state. */
        @Override
        public void close() {
            PAUSED.set(previous);
        }
    }

    /** Finds the first frame outside library code, or null when not recording or none is found. */
    static CreationSite capture() {
        if (!recording || PAUSED.get()) {
            return null;
        }
        Optional<StackWalker.StackFrame> frame = WALKER.walk(frames -> frames
                .filter(f -> !isLibrary(f.getDeclaringClass()))
                .findFirst());
        return frame.map(CreationSite::new).orElse(null);
    }

    /** Tells whether a frame of this class is skipped: the JDK's or gradschool's library code. */
    static boolean isLibrary(Class<?> type) {
        return IS_LIBRARY.get(type);
    }

    /**
     * Tells whether a package is library code: one of gradschool's library packages or a subpackage of
     * it. {@code gradschool.autograd.functions} is; {@code gradschool.examples} and {@code gradschool.nnx}
     * are not.
     */
    static boolean isLibraryPackage(String packageName) {
        for (String library : LIBRARY_PACKAGES) {
            if (packageName.equals(library) || packageName.startsWith(library + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether the class is part of the Java platform (loaded by the boot or platform loader). */
    private static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    /**
     * Returns the fully qualified name of the class.
     *
     * @return the class name
     */
    public String className() {
        return className;
    }

    /**
     * Returns the name of the method.
     *
     * @return the method name
     */
    public String methodName() {
        return methodName;
    }

    /**
     * Returns the source file name, or null if unknown.
     *
     * @return the file name
     */
    public String fileName() {
        return fileName;
    }

    /**
     * Returns the line number, or a negative number if unknown.
     *
     * @return the line
     */
    public int lineNumber() {
        return lineNumber;
    }

    /**
     * Returns the site as a stack trace prints it: {@code Lesson.main(Lesson.java:42)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple + "." + methodName + "(" + fileName + ":" + lineNumber + ")";
    }
}
