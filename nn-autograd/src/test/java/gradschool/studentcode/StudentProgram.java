package gradschool.studentcode;

import gradschool.autograd.Variable;
import java.util.function.Supplier;

/**
 * A stand-in for a student's program: a class outside gradschool's library packages, so its frames are
 * user code and creation sites name them. (Test classes in {@code gradschool.autograd} are library code
 * by package, like the classes they test.)
 */
public final class StudentProgram {

    private StudentProgram() {
    }

    /**
     * Calls into library code from here, as a student's {@code main} calls gradschool.
     *
     * @param libraryCall code that makes a variable (in a library package)
     * @return what it made
     */
    public static Variable callInto(Supplier<Variable> libraryCall) {
        return libraryCall.get();
    }
}
