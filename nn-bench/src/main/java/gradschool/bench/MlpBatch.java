package gradschool.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link MlpStepBenchmark} and {@link MlpOverheadBenchmark} share, so that their ratio compares like
 * with like: the JMH settings (JMH applies a superclass's annotations to its subclasses) and the batch sizes.
 *
 * <p>The forked JVM gets {@code --add-modules jdk.incubator.vector}, so the matmuls may use the Vector API
 * kernel, as in a student's run with that flag.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public abstract class MlpBatch {

    /** Samples per step. */
    @Param({"64", "256"})
    public int batch;
}
