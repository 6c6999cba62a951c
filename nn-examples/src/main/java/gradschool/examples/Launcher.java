package gradschool.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command-line entry point: lists and runs gradschool's lessons.
 *
 * <pre>
 * ./gradschool list          # every lesson with a one-line description
 * ./gradschool run NAME      # one lesson
 * ./gradschool tour          # the seed lessons in order
 * ./gradschool all           # every lesson: the seeds, autograd, then training on the shipped datasets
 * ./gradschool --help
 * </pre>
 */
@Command(name = "gradschool", mixinStandardHelpOptions = true, version = "gradschool 0.1.0-SNAPSHOT",
        description = "Runs gradschool's lessons: the seed notebooks in Java, then real training runs.",
        subcommands = {Launcher.ListLessons.class, Launcher.Run.class, Launcher.Tour.class, Launcher.All.class})
public final class Launcher implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Shared options of the commands that run lessons. */
    static final class RunOptions {
        @Option(names = "--data", description = "The folder of shipped datasets (default: data/ in this or a parent folder).")
        Path data;

        @Option(names = "--out", defaultValue = "gradschool-output",
                description = "Where pictures and saved models are written (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--smoke", description = "Run a quick version: few epochs, a subset of the data.")
        boolean smoke;

        LessonContext context(PrintStream stream) {
            return new LessonContext(stream, data != null ? data : LessonContext.findDataDirectory(), out, smoke);
        }
    }

    /**
     * Runs the launcher and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the launcher and returns its exit status (0 on success), for tests.
     *
     * @param args the command line
     * @return the exit status
     */
    public static int execute(String... args) {
        System.setProperty("java.awt.headless", "true");
        return new CommandLine(new Launcher()).execute(args);
    }

    /** With no command: print the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code list}: every lesson with its description. */
    @Command(name = "list", description = "Lists every lesson with a one-line description.")
    static final class ListLessons implements Runnable {
        @Override
        public void run() {
            for (Lesson lesson : Lessons.all()) {
                System.out.printf("  %-22s %s%n", lesson.name(), lesson.description());
            }
        }
    }

    /** {@code run NAME}: one lesson. */
    @Command(name = "run", description = "Runs one lesson.")
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The lesson's name (see 'list').")
        String name;

        @CommandLine.Mixin
        RunOptions options;

        @Override
        public Integer call() throws Exception {
            Lesson lesson = Lessons.named(name).orElse(null);
            if (lesson == null) {
                System.err.println("No lesson named '" + name + "'. Run 'list' to see them.");
                return 2;
            }
            LessonContext context = options.context(System.out);
            lesson.run(context);
            System.out.println("(pictures and files, if any, are in " + context.outputDirectory().toAbsolutePath() + ")");
            return 0;
        }
    }

    /** {@code all}: every lesson in {@code list} order, ending with the training runs on the shipped data. */
    @Command(name = "all", description = "Runs every lesson in order: the seed notebooks, autograd, "
            + "then training on the shipped datasets (XOR, two moons, spirals, Iris, digits, MNIST).")
    static final class All implements Callable<Integer> {
        @CommandLine.Mixin
        RunOptions options;

        @Override
        public Integer call() throws Exception {
            return runInOrder(Lessons.all(), options.context(System.out));
        }
    }

    /** {@code tour}: the seed lessons in order. */
    @Command(name = "tour", description = "Runs the seed-notebook lessons in order.")
    static final class Tour implements Callable<Integer> {
        @CommandLine.Mixin
        RunOptions options;

        @Override
        public Integer call() throws Exception {
            int status = runInOrder(gradschool.examples.seeds.SeedLessons.all(), options.context(System.out));
            System.out.println("Next: './gradschool list' shows the lessons beyond the seeds, "
                    + "e.g. './gradschool run mnist'; './gradschool all' runs them all.");
            return status;
        }
    }

    /** Runs lessons one after another under a banner each, then says where their files went. */
    private static int runInOrder(List<Lesson> lessons, LessonContext context) throws Exception {
        for (Lesson lesson : lessons) {
            System.out.println("=".repeat(78));
            System.out.println(lesson.name() + " — " + lesson.description());
            System.out.println("=".repeat(78));
            lesson.run(context);
            System.out.println();
        }
        System.out.println("(pictures and files, if any, are in " + context.outputDirectory().toAbsolutePath() + ")");
        return 0;
    }
}
