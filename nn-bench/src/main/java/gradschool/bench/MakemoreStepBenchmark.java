package gradschool.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times one training step of the makemore MLP ({@link MakemoreMlp}: embedding 27×10, context 3, 200 tanh
 * units, 27 outputs, batch 32, cross-entropy, backward, SGD) on one thread: the size at which each op's
 * fixed cost, not the arithmetic, decides the speed (about 2 MFLOP a step).
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -jar nn-bench/target/benchmarks.jar MakemoreStepBenchmark
 * java -cp nn-bench/target/benchmarks.jar gradschool.bench.MakemoreLosses --ops   # ops per step
 * </pre>
 *
 * <p>The products here are below the size at which matmul goes parallel, so the step runs on the
 * calling thread. The reference is {@code nn-bench/scripts/makemore_numpy.py} (the same step with a
 * hand-written backward, {@code OPENBLAS_NUM_THREADS=1}); {@code nn-bench/scripts/run_makemore_rounds.sh}
 * runs both in interleaved rounds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class MakemoreStepBenchmark {

    private MakemoreMlp mlp;

    /** Builds the network and its batch from a fixed seed. */
    @Setup
    public void setUp() {
        mlp = MakemoreMlp.seeded(1);
    }

    /**
     * One training step.
     *
     * @return the loss, so that JMH keeps the work
     */
    @Benchmark
    public double step() {
        return mlp.step();
    }
}
