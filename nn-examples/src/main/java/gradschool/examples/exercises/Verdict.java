package gradschool.examples.exercises;

import java.util.List;

/**
 * The grader's answer for one exercise: what it found, in one headline, and the lines that explain it.
 *
 * @param exercise the exercise's name
 * @param mistake  what was found ({@link Mistake#PASSED} when right)
 * @param details  the explanation: what is wrong, the first element that differs, the case
 */
public record Verdict(String exercise, Mistake mistake, List<String> details) {

    /**
     * Makes a verdict, copying the details.
     *
     * @param exercise the exercise's name
     * @param mistake  what was found
     * @param details  the explanation, one line each
     */
    public Verdict {
        details = List.copyOf(details);
    }

    /**
     * Tells whether the exercise passed.
     *
     * @return true for {@link Mistake#PASSED}
     */
    public boolean passed() {
        return mistake == Mistake.PASSED;
    }

    /**
     * Returns the verdict as the launcher prints it: a headline with ✓ or ✗, then the details indented.
     *
     * @return the text, ending with a line break
     */
    public String text() {
        StringBuilder text = new StringBuilder(exercise).append(": ").append(passed() ? "✓ " : "✗ ")
                .append(mistake.title()).append(System.lineSeparator());
        for (String line : details) {
            text.append("  ").append(line).append(System.lineSeparator());
        }
        return text.toString();
    }
}
