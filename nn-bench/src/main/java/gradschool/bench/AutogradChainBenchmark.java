package gradschool.bench;

import java.util.concurrent.TimeUnit;

import gradschool.autograd.CreationSite;
import gradschool.autograd.Variable;
import org.openjdk.jmh.annotations.Benchmark;
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
 * Times the fixed cost of one autograd node: a long chain of scalar operations
 * {@code x ← x·a + b}, {@value #STEPS} times (so {@value #NODES} nodes: one {@code Mul} and one
 * {@code Add} per step), on rank-0 {@link Variable}s, forward and then backward to {@code x0}, {@code a}
 * and {@code b}.
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -DskipTests
 * java -jar nn-bench/target/benchmarks.jar AutogradChainBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 *
 * <p>JMH reports microseconds per chain; divide by {@value #NODES} for nanoseconds per node. The
 * tensors are scalars, so the arithmetic is negligible and what is measured is the bookkeeping: a
 * {@code Variable} and a {@code Function} per node, the value and gradient tensors, the topological
 * sort and the gradient accumulation. {@code nn-bench/scripts/scalar_chain_python.py} runs the same chain
 * through a micrograd-style scalar engine in pure Python, for comparison.
 *
 * <p>{@code sites} = {@code none} is a student's own loop: no call about creation sites at all, so no
 * variable records one. {@code sites} = {@code recording} runs the same code inside
 * {@link CreationSite#recording()}, where every new variable walks the stack for the line that made it
 * (here: the benchmark method, the first frame outside gradschool's packages). {@link #forward} builds
 * the chain only; {@link #chain} also runs backward. The measurements are in
 * {@code nn-bench/results/creation-sites.md}; the cost per node against the Python engine (and by CPU time,
 * {@link AutogradChainCpuTime}) in {@code nn-bench/results/autograd-overhead.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class AutogradChainBenchmark {

    /** Steps of {@code x ← x·a + b} in one chain. */
    public static final int STEPS = 5_000;

    /** Autograd nodes in one chain: a multiplication and an addition per step. */
    public static final int NODES = 2 * STEPS;

    /** "none" or "recording": whether the chain is built inside {@link CreationSite#recording()}. */
    @Param({"none", "recording"})
    public String sites;

    /**
     * Builds the chain and runs backward through it.
     *
     * @return {@code dx/da}, so that JMH keeps the work
     */
    @Benchmark
    public double chain() {
        if ("recording".equals(sites)) {
            try (CreationSite.Recording recording = CreationSite.recording()) {
                return forwardAndBackward();
            }
        }
        return forwardAndBackward();
    }

    /**
     * Builds the chain only: the forward pass.
     *
     * @return the chain's value, so that JMH keeps the work
     */
    @Benchmark
    public double forward() {
        if ("recording".equals(sites)) {
            try (CreationSite.Recording recording = CreationSite.recording()) {
                return buildChain(Variable.requiringGrad(0.5), Variable.requiringGrad(0.999),
                        Variable.requiringGrad(0.001)).item();
            }
        }
        return buildChain(Variable.requiringGrad(0.5), Variable.requiringGrad(0.999), Variable.requiringGrad(0.001))
                .item();
    }

    private static double forwardAndBackward() {
        Variable x0 = Variable.requiringGrad(0.5);
        Variable a = Variable.requiringGrad(0.999);
        Variable b = Variable.requiringGrad(0.001);
        buildChain(x0, a, b).backward();
        return a.grad().item() + b.grad().item() + x0.grad().item();
    }

    /** {@code x ← x·a + b}, {@value #STEPS} times, from {@code x0}. */
    private static Variable buildChain(Variable x0, Variable a, Variable b) {
        Variable x = x0;
        for (int step = 0; step < STEPS; step++) {
            x = x.mul(a).add(b);
        }
        return x;
    }
}
