package gradschool.bench;

import java.io.IOException;
import java.nio.file.Path;

import gradschool.core.io.Npz;

/**
 * Trains {@link MakemoreMlp} from the weights and batch in an {@code .npz} file and prints the loss of
 * each step, one per line, to the last digit; {@code makemore_numpy.py} writes the file, runs this and
 * compares the losses with its own. With {@code --ops}, prints the number of ops in one step's graph.
 *
 * <pre>
 * java -cp nn-bench/target/benchmarks.jar gradschool.bench.MakemoreLosses weights.npz 10 0.1
 * java -cp nn-bench/target/benchmarks.jar gradschool.bench.MakemoreLosses --ops
 * </pre>
 */
public final class MakemoreLosses {

    private MakemoreLosses() {
    }

    /**
     * Runs the steps.
     *
     * @param args the {@code .npz} file, the number of steps and the learning rate; or {@code --ops}
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--ops")) {
            System.out.println(MakemoreMlp.seeded(1).opsPerStep());
            return;
        }
        if (args.length != 3) {
            System.err.println("usage: MakemoreLosses WEIGHTS.npz STEPS LEARNING_RATE | --ops");
            System.exit(2);
        }
        MakemoreMlp mlp = new MakemoreMlp(Npz.read(Path.of(args[0])), Double.parseDouble(args[2]));
        int steps = Integer.parseInt(args[1]);
        for (int step = 0; step < steps; step++) {
            System.out.println(mlp.step());
        }
    }
}
