package gradschool.examples;

import gradschool.examples.exercises.Exercise;
import gradschool.examples.exercises.ExerciseWorkspace;
import gradschool.examples.exercises.Exercises;
import gradschool.examples.exercises.Mistake;
import gradschool.examples.exercises.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.tools.ToolProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./gradschool exercise}: the exercises in which the student writes an op's backward rule and
 * gradschool grades it and says what kind of mistake it is (docs/exercises.md).
 *
 * <pre>
 * ./gradschool exercise list               # every exercise, in order, with ✓ / ✗ / · (not started)
 * ./gradschool exercise check mul          # compile exercises/src/gradschool/exercises/MulBackward.java and grade it
 * ./gradschool exercise check --all        # every exercise, in order
 * ./gradschool exercise reset mul          # put the file back to its starting text
 * </pre>
 */
@Command(name = "exercise", mixinStandardHelpOptions = true,
        description = {"Exercises: you write an op's backward rule, gradschool grades it and says what is wrong.",
            "Your files are in exercises/src/gradschool/exercises/ of the gradschool folder; docs/exercises.md explains them."},
        subcommands = {ExerciseCommands.ListExercises.class, ExerciseCommands.Check.class, ExerciseCommands.Reset.class})
final class ExerciseCommands implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** With no subcommand: the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The folders every exercise command uses. */
    static final class Folders {
        @Option(names = "--exercises", paramLabel = "DIR",
                description = "The folder holding src/gradschool/exercises/ (default: exercises/ in the gradschool folder).")
        Path exercises;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Where your progress is kept, in exercises/progress.properties "
                        + "(default: gradschool-output/ in the gradschool folder).")
        Path out;

        /** Checks the folders and returns the workspace. */
        ExerciseWorkspace workspace() {
            Path exercisesFolder = exercises != null ? Launcher.fromWorkingDirectory(exercises)
                    : Path.of("exercises").toAbsolutePath();   // the script starts Java in the clone
            if (!Files.isDirectory(exercisesFolder)) {
                throw new Launcher.UserError("no exercises folder at " + exercisesFolder + " ("
                        + (exercises != null ? "--exercises must name gradschool's exercises/ folder"
                        : "run from a gradschool clone, or pass --exercises DIR") + ")");
            }
            Path outputFolder = out != null ? Launcher.fromWorkingDirectory(out) : Path.of("gradschool-output").toAbsolutePath();
            Launcher.checkWritable(outputFolder);
            return new ExerciseWorkspace(exercisesFolder, outputFolder);
        }
    }

    /** Finds an exercise by name, or fails with the closest names. */
    static Exercise exercise(String name) {
        return Exercises.named(name).orElseThrow(() -> {
            String typed = name.toLowerCase(Locale.ROOT);
            List<String> closest = Exercises.all().stream().map(Exercise::name)
                    .filter(n -> Lessons.editDistance(typed, n) <= Math.max(2, typed.length() / 3) || n.contains(typed))
                    .sorted(Comparator.comparingInt(n -> Lessons.editDistance(typed, n))).limit(3).toList();
            String suggestion = closest.isEmpty() ? "" : "; did you mean " + String.join(" or ", closest) + "?";
            return new Launcher.UserError("no exercise named '" + name + "'" + suggestion
                    + " ('./gradschool exercise list' shows every exercise)");
        });
    }

    /** A path as the student sees it: relative to the folder Java runs in (the clone), when inside it. */
    static String shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) ? here.relativize(path).toString() : path.toString();
    }

    /** {@code exercise list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the exercises in order, with ✓ passed, ✗ not passing yet (and why), · not started.")
    static final class ListExercises implements Callable<Integer> {
        @CommandLine.Mixin
        Folders folders;

        @Override
        public Integer call() throws IOException {
            ExerciseWorkspace workspace = folders.workspace();
            Map<String, Mistake> progress = workspace.progress();
            int passed = 0;
            System.out.println("Exercises, in order (your files: " + shown(workspace.file(Exercises.all().get(0)).getParent())
                    + "/):");
            for (Exercise exercise : Exercises.all()) {
                Mistake last = progress.get(exercise.name());
                String mark = last == null || last == Mistake.NOT_STARTED ? "·" : last == Mistake.PASSED ? "✓" : "✗";
                passed += last == Mistake.PASSED ? 1 : 0;
                String status = last == null || last == Mistake.NOT_STARTED ? "" : last == Mistake.PASSED ? ""
                        : "   (last check: " + last.title() + ")";
                System.out.printf("  %s %-15s %-26s %s%s%n", mark, exercise.name(), exercise.className() + ".java",
                        exercise.title(), status);
            }
            System.out.println(passed + " of " + Exercises.all().size() + " passed. Next: './gradschool exercise check NAME'"
                    + " (✓ passed, ✗ not yet, · not started).");
            return 0;
        }
    }

    /** {@code exercise check NAME | --all}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Compiles your file of an exercise, grades your backward rule against gradschool's own op "
                    + "and says what is wrong.", "Exit status 0 when every exercise checked passes, 1 otherwise."})
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", arity = "0..1", description = "The exercise (see 'exercise list'), in any case.")
        String name;

        @Option(names = "--all", description = "Check every exercise, in order.")
        boolean all;

        @CommandLine.Mixin
        Folders folders;

        @Override
        public Integer call() throws IOException {
            if (all == (name != null)) {
                throw new Launcher.UserError("exercise check needs an exercise NAME or --all, not "
                        + (all ? "both" : "neither") + " (e.g. './gradschool exercise check mul')");
            }
            List<Exercise> exercises = all ? Exercises.all() : List.of(exercise(name));
            if (ToolProvider.getSystemJavaCompiler() == null) {
                throw new Launcher.UserError("checking an exercise compiles it, and this Java ("
                        + System.getProperty("java.home") + ") has no compiler: run gradschool with a JDK 17 or later");
            }
            ExerciseWorkspace workspace = folders.workspace();
            List<Verdict> verdicts = new ArrayList<>();
            for (Exercise exercise : exercises) {
                boolean missing = !Files.exists(workspace.file(exercise));
                Verdict verdict = workspace.check(exercise);
                if (missing) {
                    System.out.println("(" + shown(workspace.file(exercise)) + " was missing: it is back, with its starting text)");
                }
                if (all && verdict.mistake() == Mistake.NOT_STARTED) {
                    System.out.println(exercise.name() + ": · not started");
                } else {
                    System.out.print(verdict.text());
                }
                verdicts.add(verdict);
            }
            long passed = verdicts.stream().filter(Verdict::passed).count();
            if (all) {
                System.out.println(passed + " of " + verdicts.size() + " passed.");
            }
            return passed == verdicts.size() ? 0 : 1;
        }
    }

    /** {@code exercise reset NAME}. */
    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = {"Puts your file of an exercise back to its starting text.",
                "Your version is kept in OUT/exercises/before-reset/ (OUT: --out, default gradschool-output/)."})
    static final class Reset implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The exercise (see 'exercise list'), in any case.")
        String name;

        @CommandLine.Mixin
        Folders folders;

        @Override
        public Integer call() throws IOException {
            Exercise exercise = exercise(name);
            ExerciseWorkspace workspace = folders.workspace();
            Path file = workspace.file(exercise);
            String kept = "";
            if (Files.exists(file) && !Files.readString(file).equals(ExerciseWorkspace.startingText(exercise))) {
                Path backup = workspace.progressFile().resolveSibling("before-reset").resolve(file.getFileName());
                Files.createDirectories(backup.getParent());
                Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
                kept = " (your version is in " + shown(backup) + ")";
            }
            workspace.reset(exercise);
            System.out.println(shown(file) + " is back to its starting text" + kept + ".");
            return 0;
        }
    }
}
