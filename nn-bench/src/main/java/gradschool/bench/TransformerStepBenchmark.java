package gradschool.bench;

import java.util.concurrent.TimeUnit;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.GPT;
import gradschool.optim.AdamW;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times one training step of makemore's default Transformer ({@code GPT.Config.makemore(27, 16)}: 4
 * layers, 4 heads, 64-d embeddings, block size 16, 204,544 parameters) on a batch of 32 sequences of 16
 * tokens: forward, cross-entropy over {@code (32, 16, 27)} logits, zero the gradients, backward, AdamW
 * (lr 5e-4, weight decay 0.01) — exactly one step of the {@code transformer-names} lesson.
 *
 * <p>The lesson cuts each batch after its last used column (about 10.6 of 16 for 32 random names, see
 * {@code NameSequences.step}); {@code -p length=11} (JMH) or a second argument to {@link #main} times a
 * batch of that many tokens per sequence instead of 16. The lesson also trains with dropout 0.1 where
 * makemore has none: {@code -p dropout=0.1}, or a third argument to {@link #main}.
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -jar nn-bench/target/benchmarks.jar TransformerStepBenchmark
 * java --add-modules jdk.incubator.vector -jar nn-bench/target/benchmarks.jar TransformerStepBenchmark -p length=11
 * java --add-modules jdk.incubator.vector -jar nn-bench/target/benchmarks.jar TransformerStepBenchmark -prof gc
 * </pre>
 *
 * <p>The tokens are uniform in 0..26 and the targets are the tokens shifted by one, from fixed seeds;
 * the step's time does not depend on the values. About 0.8 GFLOP forward and backward (6 · 204,544
 * parameters · 512 tokens, plus attention), spread over roughly 150 ops forward: small enough that each
 * op's fixed cost shows. Results and the profile: {@code nn-bench/results/transformer-step.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class TransformerStepBenchmark {

    /** Sequences per step, as in makemore. */
    static final int BATCH = 32;

    /** Tokens per sequence: makemore's block size for names. */
    static final int BLOCK = 16;

    /** Symbols: {@code .} and a–z. */
    static final int VOCABULARY = 27;

    /** Tokens per sequence in the batch, at most {@link #BLOCK}: 16, or about 11 as the lesson's cut batches. */
    @Param({"16"})
    public int length = BLOCK;

    /** The dropout probability: 0 as makemore, 0.1 as the lesson's default. */
    @Param({"0.0"})
    public double dropout;

    private GPT model;
    private CrossEntropyLoss loss;
    private AdamW optimizer;
    private Variable tokens;
    private Tensor targets;

    /** Builds the model (seed 1), the optimizer and one batch of {@link #length} tokens per row (seed 42). */
    @Setup
    public void setUp() {
        if (length < 1 || length > BLOCK) {
            throw new IllegalArgumentException("TransformerStepBenchmark: length must be in 1.." + BLOCK + ", got " + length);
        }
        model = new GPT(GPT.Config.makemore(VOCABULARY, BLOCK).withDropout(dropout), new Random(1));
        loss = new CrossEntropyLoss();
        optimizer = new AdamW(model.parameters(), 5e-4).withWeightDecay(0.01);
        Tensor all = Tensor.randint(Shape.of(BATCH, BLOCK + 1), 0, VOCABULARY, 42);
        tokens = Variable.of(all.slice(1, 0, length).copy());
        targets = all.slice(1, 1, length + 1).copy();
    }

    /**
     * One training step: forward, loss, zero the gradients, backward, AdamW.
     *
     * @return the loss, so that JMH keeps the work
     */
    @Benchmark
    public double step() {
        Variable logits = model.forward(tokens);
        Variable lossValue = loss.forward(logits, targets);
        optimizer.zeroGrad();
        lossValue.backward();
        optimizer.step();
        return lossValue.item();
    }

    /**
     * Runs {@code steps} steps (default 50) on batches of {@code length} tokens per row (default 16),
     * with the given dropout (default 0), outside JMH and prints, for each ten, the wall time and the
     * process's CPU time per step: on a shared machine the two differ by the time spent waiting for a
     * core. For a quick look or a profiler:
     * {@code java -XX:StartFlightRecording=filename=step.jfr,settings=profile -cp benchmarks.jar gradschool.bench.TransformerStepBenchmark 200}.
     *
     * @param args the number of steps, the length and the dropout probability, optionally
     */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        var system = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        TransformerStepBenchmark bench = new TransformerStepBenchmark();
        bench.length = args.length > 1 ? Integer.parseInt(args[1]) : BLOCK;
        bench.dropout = args.length > 2 ? Double.parseDouble(args[2]) : 0.0;
        bench.setUp();
        long start = System.nanoTime();
        long last = start;
        long lastCpu = system.getProcessCpuTime();
        for (int i = 1; i <= steps; i++) {
            double value = bench.step();
            if (i % 10 == 0) {
                long now = System.nanoTime();
                long cpu = system.getProcessCpuTime();
                System.out.printf("steps %d-%d: %.1f ms/step wall, %.1f ms/step CPU, loss %.4f%n", i - 9, i,
                        (now - last) / 1e7, (cpu - lastCpu) / 1e7, value);
                last = now;
                lastCpu = cpu;
            }
        }
        System.out.printf("%d steps in %.1f s%n", steps, (System.nanoTime() - start) / 1e9);
    }
}
