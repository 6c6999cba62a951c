package gradschool.examples.exercises;

import gradschool.autograd.GradCheck;
import gradschool.core.Tensor;
import java.util.List;

/**
 * One entry of the exercise list: which file the student edits, which docs chapter explains it, and
 * how the grader tests it (the cases, gradschool's own op as the reference, known wrong rules).
 *
 * @param name         the name typed on the command line, e.g. {@code "mul"}
 * @param className    the student's class in package {@code gradschool.exercises}, e.g. {@code "MulBackward"}
 * @param title        one line saying what to derive, e.g. {@code "dL/da and dL/db of y = a ⊙ b"}
 * @param docs         the docs chapter it belongs to, e.g. {@code "docs/derivatives.md"}
 * @param cases        the inputs it is graded on, in order: ordinary cases first, then broadcasting,
 *                     non-contiguous views, the kink and extreme inputs
 * @param alternatives known wrong rules of this op, each with what to say when a student's matches
 * @param secondOrder  whether the rule is meant to be differentiated again (checked with
 *                     {@link GradCheck#checkSecondOrder})
 */
public record Exercise(String name, String className, String title, String docs, List<Case> cases,
                       List<Alternative> alternatives, boolean secondOrder) {

    /**
     * Makes an entry, copying the lists.
     *
     * @param name         the name typed on the command line
     * @param className    the student's class in package {@code gradschool.exercises}
     * @param title        what to derive, in one line
     * @param docs         the docs chapter it belongs to
     * @param cases        the inputs it is graded on, in order
     * @param alternatives known wrong rules of this op
     * @param secondOrder  whether the rule is checked to second order
     */
    public Exercise {
        cases = List.copyOf(cases);
        alternatives = List.copyOf(alternatives);
    }

    /**
     * Returns the path of the student's file below the exercises folder.
     *
     * @return e.g. {@code "src/gradschool/exercises/MulBackward.java"}
     */
    public String relativeFile() {
        return "src/" + Exercises.STUDENT_PACKAGE.replace('.', '/') + "/" + className + ".java";
    }

    /** What kind of inputs a case holds; the grader says which kind a wrong gradient failed on. */
    public enum Kind {
        /** Ordinary random inputs of matching shapes. */
        ORDINARY("ordinary inputs"),
        /** Inputs whose shapes broadcast against each other. */
        BROADCAST("broadcasting inputs"),
        /** The values of the first case, held in non-contiguous views (a stride-2 slice). */
        VIEW("non-contiguous views"),
        /** Inputs exactly at the kink of a piecewise function (x = 0 for relu). */
        KINK("inputs at the kink"),
        /** Very large or very small inputs, where a naive formula overflows. */
        EXTREME("extreme inputs"),
        /** Inputs where several elements tie for a maximum (max pooling's windows). */
        TIES("inputs with ties");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /**
         * Returns the kind in words.
         *
         * @return e.g. {@code "non-contiguous views"}
         */
        public String text() {
            return text;
        }
    }

    /**
     * One graded input: the values, the constructor arguments of the student's class, and the
     * reference computation with gradschool's own ops.
     *
     * @param kind       what kind of case it is
     * @param inputs     the input values, in argument order
     * @param arguments  the arguments of the student's constructor (an axis, an exponent), or none
     * @param reference  the op written with gradschool's {@code Variable} operations
     * @param inputNames the symbol of each input in messages, e.g. {@code "a"}, {@code "b"}
     * @param special    for a {@link Kind#TIES} case, 1 at the elements where the op's convention
     *                   decides (the tied maxima) and 0 elsewhere, with the first input's shape; else null
     */
    public record Case(Kind kind, Tensor[] inputs, Object[] arguments, GradCheck.Fn reference,
                       List<String> inputNames, Tensor special) {

        /**
         * Makes a case with no special elements.
         *
         * @param kind       what kind of case it is
         * @param inputs     the input values
         * @param arguments  the arguments of the student's constructor
         * @param reference  the op written with gradschool's operations
         * @param inputNames the symbol of each input
         */
        public Case(Kind kind, Tensor[] inputs, Object[] arguments, GradCheck.Fn reference, List<String> inputNames) {
            this(kind, inputs, arguments, reference, inputNames, null);
        }

        /**
         * Describes the case: the inputs' shapes, the arguments and the kind.
         *
         * @return e.g. {@code "a (3, 4), b (4) — broadcasting inputs"}
         */
        public String describe() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < inputs.length; i++) {
                text.append(i == 0 ? "" : ", ").append(inputNames.get(i)).append(' ').append(inputs[i].shape());
            }
            if (arguments.length > 0) {
                text.append(", constructor arguments ").append(Exercises.describeArguments(arguments));
            }
            return text.append(" — ").append(kind.text()).toString();
        }
    }

    /**
     * A known wrong rule for a one-input op: when the student's gradient equals it, the grader says
     * {@code mistake} with {@code advice}.
     *
     * @param mistake the kind of mistake
     * @param advice  what went wrong and what to write instead
     * @param rule    the wrong gradient, from the input {@code x}, the output {@code y} and {@code g}
     */
    public record Alternative(Mistake mistake, String advice, WrongRule rule) {
    }

    /** A wrong gradient of a one-input op, computed from tensors. */
    @FunctionalInterface
    public interface WrongRule {
        /**
         * Computes the wrong gradient.
         *
         * @param x the input
         * @param y the output
         * @param g the incoming gradient
         * @return the gradient the wrong rule gives
         */
        Tensor gradient(Tensor x, Tensor y, Tensor g);
    }
}
