package gradschool.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.ServiceLoader;
import javax.tools.Tool;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command-line entry point: lists and runs gradschool's lessons, grades the exercises, and starts JShell
 * with gradschool loaded.
 *
 * <pre>
 * ./gradschool list          # every lesson with a one-line description
 * ./gradschool run NAME      # one lesson
 * ./gradschool tour          # the seed lessons in order
 * ./gradschool all           # every lesson: the seeds, autograd, then training on the shipped datasets
 * ./gradschool shell         # JShell with gradschool's packages imported
 * ./gradschool exercise list | check NAME | check --all | reset NAME   # write backward rules, get them graded
 * ./gradschool help [COMMAND], ./gradschool [COMMAND] --help
 * </pre>
 *
 * <p>A user's mistake (an unknown lesson or option, a missing dataset, an output folder that cannot be
 * written) prints one line to standard error and exits with status 2, checked before any lesson runs; a
 * file that cannot be read or written while a lesson runs prints one line and exits with 1. Anything
 * else is a bug in gradschool and shows its stack trace.
 */
@Command(name = "gradschool", mixinStandardHelpOptions = true, version = "gradschool 0.1.0-SNAPSHOT",
        description = "Runs gradschool's lessons (the seed notebooks in Java, then real training runs) and grades the exercises.",
        subcommands = {Launcher.ListLessons.class, Launcher.Run.class, Launcher.Tour.class, Launcher.All.class,
                Launcher.Shell.class, ExerciseCommands.class, CommandLine.HelpCommand.class})
public final class Launcher implements Runnable {

    /**
     * The system property naming the folder the user ran the command from; relative {@code --out} and
     * {@code --data} paths are resolved against it. The {@code gradschool} script sets it, because it
     * changes into the repository before it starts Java. Without it, the JVM's working directory is used.
     */
    public static final String WORKING_DIRECTORY_PROPERTY = "gradschool.workingDirectory";

    /** The exit status of a user's mistake, as picocli's for a bad command line. */
    static final int USER_ERROR = 2;

    /** The exit status of a file that could not be read or written while a lesson ran. */
    static final int FILE_ERROR = 1;

    /** The sub-folder of {@code --out} that {@code --smoke} runs write to. */
    static final String SMOKE_FOLDER = "smoke";

    private static final String LESSON_OPTIONS_SECTION = "lessonOptions";

    @CommandLine.Spec
    CommandSpec spec;

    /** A mistake of the user's, reported as one line without a stack trace. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }

    /** Shared options of the commands that run lessons. */
    static final class RunOptions {
        /** The note on relative paths, under the options in every help that lists them. */
        static final String RELATIVE_PATHS = "A relative DIR is taken from the folder you run gradschool in.";

        @Option(names = "--data", paramLabel = "DIR",
                description = "The folder of shipped datasets, holding iris/, digits/, mnist/ and names/ "
                        + "(default: data/ in the gradschool folder).")
        Path data;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Where pictures and saved models are written "
                        + "(default: gradschool-output/ in the gradschool folder).")
        Path out;

        @Option(names = "--smoke",
                description = "Run a quick version (few epochs, a subset of the data), writing to DIR/"
                        + SMOKE_FOLDER + "/ so that a full run's files are kept.")
        boolean smoke;

        /**
         * Checks that the data folder holds what the lessons read and that the output folder can be
         * written, before any lesson runs, and returns their context.
         */
        LessonContext prepare(List<Lesson> lessons, PrintStream stream) {
            Path dataDirectory = data != null ? fromWorkingDirectory(data) : LessonContext.findDataDirectory();
            checkData(lessons, dataDirectory, data != null);
            Path outputDirectory = out != null
                    ? fromWorkingDirectory(out)
                    : Path.of("gradschool-output").toAbsolutePath();  // the script starts Java in the clone
            if (smoke) {
                outputDirectory = outputDirectory.resolve(SMOKE_FOLDER);
            }
            checkWritable(outputDirectory);
            return new LessonContext(stream, dataDirectory, outputDirectory, smoke);
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
        return commandLine().execute(args);
    }

    /** Makes the command line: the commands, the one-line error handlers, and the top-level help. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Launcher());
        commandLine.setParameterExceptionHandler(Launcher::handleParameterException);
        commandLine.setExecutionExceptionHandler(Launcher::handleExecutionException);
        addLessonOptionsSection(commandLine);
        return commandLine;
    }

    /**
     * Adds "Options of run, tour and all" after the command list of the top-level help: the same
     * option help as {@code run --help} shows, so the two cannot disagree.
     */
    private static void addLessonOptionsSection(CommandLine commandLine) {
        CommandLine.Model.UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(usage.sectionMap());
        sections.put(LESSON_OPTIONS_SECTION, help -> {
            CommandLine options = new CommandLine(CommandSpec.forAnnotatedObject(new RunOptions()));
            return String.format("%nOptions of run, tour and all:%n") + options.getHelp().optionList()
                    + String.format("%n%s%n", RunOptions.RELATIVE_PATHS);
        });
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST) + 1, LESSON_OPTIONS_SECTION);
        usage.sectionMap(sections);
        usage.sectionKeys(keys);
    }

    /** A mistake on the command line: one line, naming the command and where its help is. */
    private static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        StringBuilder line = new StringBuilder(commandLine.getCommandSpec().qualifiedName()).append(": ")
                .append(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = new ArrayList<>(unmatched.getSuggestions());
            String typed = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0);
            if (!commandLine.getSubcommands().isEmpty() && !typed.startsWith("-")) {  // a mistyped command
                line.setLength(0);
                line.append(commandLine.getCommandSpec().qualifiedName()).append(": unknown command '")
                        .append(typed).append("'");
                if (suggestions.isEmpty()) {
                    commandLine.getSubcommands().keySet().stream()
                            .filter(name -> Lessons.editDistance(typed, name) <= 2).forEach(suggestions::add);
                }
            }
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
            }
        }
        line.append("; see './").append(commandLine.getCommandSpec().qualifiedName(" ")).append(" --help'");
        commandLine.getErr().println(line);
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * An exception from a command: one line for a user's mistake or a file that could not be read or
     * written; a stack trace (picocli's default) for anything else, which is a bug.
     */
    private static int handleExecutionException(Exception ex, CommandLine commandLine,
            CommandLine.ParseResult parseResult) throws Exception {
        if (ex instanceof UserError) {
            commandLine.getErr().println("gradschool: " + ex.getMessage());
            return USER_ERROR;
        }
        if (ex instanceof IOException) {
            commandLine.getErr().println("gradschool: " + describe((IOException) ex));
            return FILE_ERROR;
        }
        throw ex;
    }

    /** An I/O exception's message, with its kind when the message is only a path (as for NoSuchFileException). */
    private static String describe(IOException ex) {
        String message = ex.getMessage();
        if (ex instanceof FileSystemException || message == null || !message.contains(" ")) {
            return ex.getClass().getSimpleName() + ": " + message;
        }
        return message;
    }

    /** Resolves a path against the folder the user ran the command from. */
    static Path fromWorkingDirectory(Path path) {
        String directory = System.getProperty(WORKING_DIRECTORY_PROPERTY, "");
        return Path.of(directory).toAbsolutePath().resolve(path).normalize();
    }

    /** Fails, naming every missing file, if the data folder lacks a file that one of the lessons reads. */
    static void checkData(List<Lesson> lessons, Path dataDirectory, boolean given) {
        List<String> missing = new ArrayList<>();
        List<String> needing = new ArrayList<>();
        for (Lesson lesson : lessons) {
            for (String file : lesson.dataFiles()) {
                if (!Files.isRegularFile(dataDirectory.resolve(file))) {
                    missing.add(file);
                    if (!needing.contains(lesson.name())) {
                        needing.add(lesson.name());
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            String hint = given
                    ? "--data must name gradschool's data/ folder, which holds iris/, digits/, mnist/ and names/"
                    : "run from a gradschool clone, or pass --data DIR naming its data/ folder";
            throw new UserError(String.join(", ", needing) + " needs " + String.join(", ", missing)
                    + " in the data folder " + dataDirectory + ", and it is not there (" + hint + ")");
        }
    }

    /** Fails if the output folder cannot be made or written: before any lesson runs, not after training. */
    static void checkWritable(Path directory) {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".gradschool-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            Path existing = directory;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            String reason = existing != null && !Files.isDirectory(existing)
                    ? existing + " is a file, not a folder"
                    : e instanceof IOException io ? describe(io) : e.toString();
            throw new UserError("cannot write pictures and models to --out " + directory + ": " + reason
                    + " (choose a folder you can write to with --out DIR)");
        }
    }

    /** With no command: print the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code list}: every lesson with its description. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists every lesson with a one-line description.")
    static final class ListLessons implements Runnable {
        @Override
        public void run() {
            for (Lesson lesson : Lessons.all()) {
                System.out.printf("  %-22s %s%n", lesson.name(), lesson.description());
            }
        }
    }

    /** {@code run NAME}: one lesson. */
    @Command(name = "run", mixinStandardHelpOptions = true, footer = RunOptions.RELATIVE_PATHS,
            description = "Runs one lesson.")
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The lesson's name, in any case (see 'list').")
        String name;

        @CommandLine.Mixin
        RunOptions options;

        @Override
        public Integer call() throws Exception {
            Lesson lesson = Lessons.named(name).orElseThrow(() -> unknownLesson(name));
            LessonContext context = options.prepare(List.of(lesson), System.out);
            lesson.run(context);
            System.out.println("(pictures and files, if any, are in " + context.outputDirectory() + ")");
            return 0;
        }

        private static UserError unknownLesson(String name) {
            List<String> closest = Lessons.closestNames(name, 3);
            String suggestion = closest.isEmpty() ? "" : "; did you mean " + String.join(" or ", closest) + "?";
            return new UserError("no lesson named '" + name + "'" + suggestion
                    + " ('./gradschool list' shows every lesson)");
        }
    }

    /** {@code all}: every lesson in {@code list} order, ending with the language models on the names data. */
    @Command(name = "all", mixinStandardHelpOptions = true, footer = RunOptions.RELATIVE_PATHS,
            description = "Runs every lesson in order: the seed notebooks, autograd, "
            + "then training on the shipped datasets (XOR, two moons, spirals, Iris, digits, MNIST with an MLP and with CNNs), "
            + "then the language models of the makemore lectures on 32,033 names (bigram to Transformer).")
    static final class All implements Callable<Integer> {
        @CommandLine.Mixin
        RunOptions options;

        @Override
        public Integer call() throws Exception {
            List<Lesson> lessons = Lessons.all();
            return runInOrder(lessons, options.prepare(lessons, System.out));
        }
    }

    /** {@code tour}: the seed lessons in order. */
    @Command(name = "tour", mixinStandardHelpOptions = true, footer = RunOptions.RELATIVE_PATHS,
            description = "Runs the seed-notebook lessons in order.")
    static final class Tour implements Callable<Integer> {
        @CommandLine.Mixin
        RunOptions options;

        @Override
        public Integer call() throws Exception {
            List<Lesson> lessons = gradschool.examples.seeds.SeedLessons.all();
            int status = runInOrder(lessons, options.prepare(lessons, System.out));
            System.out.println("Next: './gradschool list' shows the lessons beyond the seeds, "
                    + "e.g. './gradschool run mnist'; './gradschool all' runs them all.");
            return status;
        }
    }

    /** {@code shell}: JShell with gradschool on the class path and its packages imported. */
    @Command(name = "shell", mixinStandardHelpOptions = true,
            description = {"Starts JShell with gradschool on the class path and its packages imported.",
                "Try: Tensor.of(new double[]{1, 2}).add(1)   (/exit leaves JShell.)",
                "The imports are in src/main/resources/" + Shell.STARTUP + " of nn-examples."})
    static final class Shell implements Callable<Integer> {
        /** The JShell start-up script, a resource next to this class (in the repository under src/main/resources). */
        static final String STARTUP = "gradschool/examples/gradschool.jsh";

        @Override
        public Integer call() throws Exception {
            Tool jshell = ServiceLoader.load(Tool.class).stream().map(ServiceLoader.Provider::get)
                    .filter(tool -> tool.name().equals("jshell")).findFirst().orElseThrow(() -> new UserError(
                            "JShell is not in this Java runtime: 'shell' needs a full JDK 17 or later"));
            Path startup = Files.createTempFile("gradschool-", ".jsh");
            startup.toFile().deleteOnExit();
            try (InputStream in = Launcher.class.getResourceAsStream("/" + STARTUP)) {
                if (in == null) {
                    throw new IllegalStateException("the JShell start-up script " + STARTUP
                            + " is missing from the jar");
                }
                Files.copy(in, startup, StandardCopyOption.REPLACE_EXISTING);
            }
            System.out.println("gradschool's packages are imported (gradschool.core, .autograd, .nn, .optim, .data); "
                    + "try: Tensor.of(new double[]{1, 2}).add(1)");
            return jshell.run(System.in, System.out, System.err,
                    "--class-path", System.getProperty("java.class.path"),
                    "--startup", "DEFAULT", "--startup", startup.toString());
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
        System.out.println("(pictures and files, if any, are in " + context.outputDirectory() + ")");
        return 0;
    }
}
