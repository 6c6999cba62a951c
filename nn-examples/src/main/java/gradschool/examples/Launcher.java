package gradschool.examples;

import gradschool.examples.seeds.MatrixBasics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The command-line entry point: lists and runs gradschool's lessons.
 *
 * <pre>
 * ./gradschool list          # every lesson with a one-line description
 * ./gradschool run NAME      # one lesson
 * ./gradschool tour          # the seed lessons in order
 * </pre>
 */
public final class Launcher {

    private static final Map<String, Lesson> LESSONS = new LinkedHashMap<>();

    static {
        LESSONS.put("matrix-basics", new Lesson("Seed 1: A @ B, element-wise product and dot product",
                MatrixBasics::main));
    }

    private Launcher() {
    }

    /** A runnable lesson: a description and its main method. */
    private static final class Lesson {
        final String description;
        final Consumer<String[]> main;

        Lesson(String description, Consumer<String[]> main) {
            this.description = description;
            this.main = main;
        }
    }

    /**
     * Runs the launcher.
     *
     * @param args {@code list}, {@code run NAME} or {@code tour}
     */
    public static void main(String[] args) {
        String command = args.length == 0 ? "list" : args[0];
        switch (command) {
            case "list":
                LESSONS.forEach((name, lesson) -> System.out.printf("%-16s %s%n", name, lesson.description));
                break;
            case "run":
                if (args.length < 2 || !LESSONS.containsKey(args[1])) {
                    System.err.println("usage: run NAME, where NAME is one of " + LESSONS.keySet());
                    System.exit(2);
                }
                LESSONS.get(args[1]).main.accept(new String[0]);
                break;
            case "tour":
                LESSONS.forEach((name, lesson) -> {
                    System.out.println("=== " + name + ": " + lesson.description);
                    lesson.main.accept(new String[0]);
                    System.out.println();
                });
                break;
            default:
                System.err.println("unknown command '" + command + "'; use list, run NAME or tour");
                System.exit(2);
        }
    }
}
