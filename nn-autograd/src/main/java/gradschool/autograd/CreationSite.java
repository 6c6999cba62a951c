package gradschool.autograd;

import java.security.CodeSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Where in the user's code a {@link Variable} was created: the first stack frame outside gradschool's
 * library code and the JDK (class, method, file and line).
 *
 * <p>"Library code" is any class loaded from the same jar or classes directory as gradschool's own
 * modules (nn-core, nn-autograd, and any library that calls {@link #registerLibrary}, such as nn-layers).
 * JDK frames (a stream pipeline, {@code forEach}) are skipped too. So a student's code — or a test, or
 * a lesson in nn-examples — is what gets named.
 *
 * <p>Recording costs a short stack walk per operation. It is on by default; turn it off for long
 * benchmark runs with {@link #setRecording(boolean)}.
 */
public final class CreationSite {

    private static final Set<String> LIBRARY_LOCATIONS = new CopyOnWriteArraySet<>();
    private static final ClassValue<Boolean> IS_LIBRARY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (isJdk(type)) {
                return true; // e.g. the stream pipeline in list.stream().map(Variable::relu)
            }
            String location = location(type);
            return location != null && LIBRARY_LOCATIONS.contains(location);
        }
    };
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static volatile boolean recording = true;
    private static final ThreadLocal<Boolean> PAUSED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    static {
        registerLibrary(gradschool.core.Tensor.class);
        registerLibrary(CreationSite.class);
    }

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
     * Marks the jar or directory that holds {@code libraryClass} as library code, whose frames are
     * skipped when finding a creation site.
     *
     * @param libraryClass any class of the library
     */
    public static void registerLibrary(Class<?> libraryClass) {
        String location = location(libraryClass);
        if (location != null) {
            LIBRARY_LOCATIONS.add(location);
        }
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
                .filter(f -> !IS_LIBRARY.get(f.getDeclaringClass()))
                .findFirst());
        return frame.map(CreationSite::new).orElse(null);
    }

    /** Tells whether the class is part of the Java platform (loaded by the boot or platform loader). */
    private static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? null : source.getLocation().toString();
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
