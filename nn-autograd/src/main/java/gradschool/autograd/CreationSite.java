package gradschool.autograd;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where in the user's code a {@link Variable} was created: the first stack frame outside gradschool's
 * library code and the JDK (class, method, file and line).
 *
 * <pre>{@code
 * try (var sites = CreationSite.recording()) {
 *     Variable y = x.mul(w).tanh();          // y.creationSite(): Lesson.main(Lesson.java:12)
 * }
 * Variable z = x.mul(w);                     // z.creationSite(): null — nobody asked
 * }</pre>
 *
 * <p>Finding the site is a stack walk, several times the cost of a small op, so it is done only when
 * someone will read it: inside a {@link #recording()} scope, in {@link AnomalyMode} (whose messages
 * name the line that applied the op), and for the graph {@link GradCheck#checkGradients} builds to name
 * a wrong op. Elsewhere — a training loop, a benchmark — a variable has no site and costs no walk. An
 * error in a forward pass (a shape mismatch) needs no recording: {@link Function#apply} names the line
 * from the stack at the moment the error is thrown.
 *
 * <p>"Library code" is decided by package, not by the jar a class was loaded from: a class in
 * {@code gradschool.core}, {@code gradschool.autograd}, {@code gradschool.nn}, {@code gradschool.optim}
 * or {@code gradschool.data}, or in a subpackage of one of them (such as
 * {@code gradschool.autograd.functions}). Everything else is user code: a student's program, and the
 * lessons in {@code gradschool.examples} even where the examples jar packs them next to the library.
 * JDK frames (a stream pipeline, {@code forEach}) are skipped too. So what gets named is the line of
 * the student's code — or the lesson's — that made the variable.
 *
 * <p>The walk keeps the frame it found; the method name, file and line are read from it (the costly
 * part of a stack walk, like building a {@link StackTraceElement}) only when someone asks for them —
 * when the site is printed, say. Most recorded sites are never looked at.
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
    /** Whether a {@link #recording()} scope is open on this thread. */
    private static final ThreadLocalSwitch RECORDING = new ThreadLocalSwitch(false);

    private final String className;
    /** The frame this site was found in, until it has been resolved into {@link #resolved}. */
    private final StackWalker.StackFrame frame;
    /** The method, file and line, read from {@link #frame} on first request. */
    private volatile StackTraceElement resolved;

    /**
     * Makes a site from its parts.
     *
     * @param className the fully qualified name of the class
     * @param methodName the name of the method
     * @param fileName the source file name, or null if unknown
     * @param lineNumber the line number, or a negative number if unknown
     */
    public CreationSite(String className, String methodName, String fileName, int lineNumber) {
        this.className = className;
        this.frame = null;
        this.resolved = new StackTraceElement(className, methodName, fileName, lineNumber);
    }

    /** Makes a site from a frame found on the stack; its method, file and line are read when first asked for. */
    private CreationSite(StackWalker.StackFrame frame) {
        this.className = frame.getClassName();
        this.frame = frame;
    }

    /**
     * Records the creation site of every variable made on this thread until the returned scope is
     * closed. Scopes nest: closing one restores the state that was in force when it was opened.
     *
     * <pre>{@code
     * try (var sites = CreationSite.recording()) {
     *     Variable loss = new MyOp().apply(x).sum();
     *     GradCheck.defaults().checkEachOp(loss);   // a wrong op is named with the line that applied it
     * }
     * }</pre>
     *
     * @return a scope that restores the previous state when closed
     */
    public static Recording recording() {
        return new Recording();
    }

    /**
     * Tells whether variables made now on this thread record their creation site: inside a
     * {@link #recording()} scope or in {@link AnomalyMode}.
     *
     * @return true if recording
     */
    public static boolean isRecording() {
        return RECORDING.isOn() || AnomalyMode.isEnabled();
    }

    /** A {@link #recording()} scope; closing it restores the previous state. */
    public static final class Recording extends ThreadLocalSwitch.Scope {
        private Recording() {
            super(RECORDING, true);
        }
    }

    /**
     * Finds the first frame of the current stack outside library code and the JDK — the user's line
     * that led here — or null if there is none. It always walks the stack: {@code Variable} calls it
     * only while {@link #isRecording()}, error messages whenever they need the line.
     */
    static CreationSite ofCaller() {
        Optional<StackWalker.StackFrame> frame = WALKER.walk(frames -> frames
                .filter(f -> !isLibrary(f.getDeclaringClass()))
                .findFirst());
        return frame.map(CreationSite::new).orElse(null); // file and line are looked up only if printed
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
        return resolved().getMethodName();
    }

    /**
     * Returns the source file name.
     *
     * @return the file name, or null if unknown
     */
    public String fileName() {
        return resolved().getFileName();
    }

    /**
     * Returns the line number.
     *
     * @return the line, or a negative number if unknown
     */
    public int lineNumber() {
        return resolved().getLineNumber();
    }

    /** Reads the method, file and line from the frame the first time they are asked for. */
    private StackTraceElement resolved() {
        StackTraceElement element = resolved;
        if (element == null) {
            element = frame.toStackTraceElement();
            resolved = element; // two threads may both resolve it: they get the same values
        }
        return element;
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
     * Returns the site as a stack trace prints it: {@code Lesson.main(Lesson.java:42)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple + "." + methodName() + "(" + fileName() + ":" + lineNumber() + ")";
    }

    /**
     * Tells whether the other object is a site with the same class, method, file and line.
     *
     * @param other the object to compare with
     * @return true if equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CreationSite site && className.equals(site.className)
                && methodName().equals(site.methodName()) && Objects.equals(fileName(), site.fileName())
                && lineNumber() == site.lineNumber();
    }

    /**
     * Returns a hash of the class, method, file and line.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(className, methodName(), fileName(), lineNumber());
    }
}
