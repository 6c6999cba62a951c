package gradschool.bench;

import java.io.IOException;
import java.nio.file.Path;

import gradschool.core.io.Npz;

/**
 * Trains {@link MakemoreMlp} from the weights and batch in an {@code .npz} file and prints the loss of
 * each step, one per line, to the last digit; {@code makemore_numpy.py} writes the file, runs this and
 * compares the losses with its own. With {@code --ops}, prints the number of ops in one step's graph;
 * with {@code --loop SECONDS}, trains the seeded network for that long and prints µs per step every 200
 * steps (a loop to profile, e.g. with Java Flight Recorder and {@code nn-bench/scripts/jfr_ops.py}).
 *
 * <pre>
 * java -cp nn-bench/target/benchmarks.jar gradschool.bench.MakemoreLosses weights.npz 10 0.1
 * java -cp nn-bench/target/benchmarks.jar gradschool.bench.MakemoreLosses --ops
 * java --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar gradschool.bench.MakemoreLosses --loop 45
 * </pre>
 */
public final class MakemoreLosses {

    private MakemoreLosses() {
    }

    /**
     * Runs the steps.
     *
     * @param args the {@code .npz} file, the number of steps and the learning rate; or {@code --ops};
     *     or {@code --loop SECONDS}
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--ops")) {
            System.out.println(MakemoreMlp.seeded(1).opsPerStep());
            return;
        }
        if (args.length == 2 && args[0].equals("--loop")) {
            loop(Long.parseLong(args[1]));
            return;
        }
        if (args.length != 3) {
            System.err.println("usage: MakemoreLosses WEIGHTS.npz STEPS LEARNING_RATE | --ops | --loop SECONDS");
            System.exit(2);
        }
        MakemoreMlp mlp = new MakemoreMlp(Npz.read(Path.of(args[0])), Double.parseDouble(args[2]));
        int steps = Integer.parseInt(args[1]);
        for (int step = 0; step < steps; step++) {
            System.out.println(mlp.step());
        }
    }

    /** Trains the seeded network for {@code seconds}, printing µs per step every 200 steps. */
    private static void loop(long seconds) {
        MakemoreMlp mlp = MakemoreMlp.seeded(1);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        for (int steps = 1; System.nanoTime() < end; steps++) {
            mlp.step();
            if (steps % 200 == 0) {
                long now = System.nanoTime();
                System.out.printf("%.1f us per step%n", (now - start) / 1e3 / 200);
                start = now;
            }
        }
    }
}
