package gradschool.examples;

import gradschool.examples.seeds.SeedLessons;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every lesson the launcher knows, in the order {@code list} shows them.
 */
public final class Lessons {

    private Lessons() {
    }

    /**
     * Returns all lessons: the seed lessons first (the tour), then the rest.
     *
     * @return the lessons
     */
    public static List<Lesson> all() {
        List<Lesson> all = new ArrayList<>(SeedLessons.all());
        all.addAll(MoreLessons.all());
        return all;
    }

    /**
     * Finds a lesson by name, in any case ({@code MNIST} is {@code mnist}).
     *
     * @param name the name
     * @return the lesson, if there is one
     */
    public static Optional<Lesson> named(String name) {
        return all().stream().filter(lesson -> lesson.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * Returns the names closest to a mistyped one, closest first: names it starts or is contained
     * in, and names within a few typing mistakes of it (Levenshtein distance at most a third of its
     * length, and at least 2), ignoring case.
     *
     * @param name the mistyped name
     * @param limit at most this many
     * @return the names (empty if none is close)
     */
    public static List<String> closestNames(String name, int limit) {
        String typed = name.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, typed.length() / 3);
        record Candidate(String name, int distance) {
        }
        return all().stream()
                .map(lesson -> new Candidate(lesson.name(), editDistance(typed, lesson.name().toLowerCase(Locale.ROOT))))
                .filter(c -> c.distance() <= allowed || (!typed.isEmpty() && c.name().toLowerCase(Locale.ROOT).contains(typed)))
                .sorted(Comparator.comparingInt(Candidate::distance))
                .limit(limit)
                .map(Candidate::name)
                .toList();
    }

    /** The Levenshtein distance: the fewest one-character insertions, deletions and substitutions from a to b. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * Runs one lesson with the standard context, for a lesson's own {@code main}.
     *
     * @param lesson the lesson
     * @throws Exception if it fails
     */
    public static void runStandalone(Lesson lesson) throws Exception {
        System.setProperty("java.awt.headless", "true"); // pictures are drawn off-screen, as from the launcher
        lesson.run(LessonContext.standard());
    }
}
