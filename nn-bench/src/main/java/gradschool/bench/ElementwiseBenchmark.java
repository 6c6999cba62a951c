package gradschool.bench;

import java.util.concurrent.TimeUnit;

import gradschool.core.Shape;
import gradschool.core.Tensor;
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
 * Times {@code Tensor.add}/{@code Tensor.mul} of two tensors for the layouts the element-wise dispatch
 * tells apart: the same shape (one flat loop), a bias-like operand {@code (N, C) + (C,)} (the flat
 * loop once per row), a rank-0 tensor broadcast over {@code (N, C)} (the strided loop), and two
 * rank-0 tensors (where the dispatch itself is most of the time).
 *
 * <p>Only the public tensor API is used, so the same file compiles against older versions of
 * nn-core: {@code results/elementwise-dispatch.md} times it before and after a change of the
 * dispatch, in the same session.
 *
 * <pre>
 * java -jar nn-bench/target/benchmarks.jar ElementwiseBenchmark -f 1 -wi 3 -w 300ms -i 5 -r 300ms
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ElementwiseBenchmark {

    /** The shape {@code (N, C)} of the left operand, written {@code NxC}. */
    @Param({"32x16", "64x64", "256x256"})
    public String shape;

    private Tensor matrix;
    private Tensor other;
    private Tensor bias;
    private Tensor scalar;
    private Tensor scalar2;

    /** Makes the operands from fixed seeds. */
    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        int rows = Integer.parseInt(parts[0]);
        int columns = Integer.parseInt(parts[1]);
        matrix = Tensor.randn(Shape.of(rows, columns), 1);
        other = Tensor.randn(Shape.of(rows, columns), 2);
        bias = Tensor.randn(Shape.of(columns), 3);
        scalar = Tensor.of(1.5);
        scalar2 = Tensor.of(-0.25);
    }

    /** {@code (N, C) + (N, C)}. */
    @Benchmark
    public Tensor addSameShape() {
        return matrix.add(other);
    }

    /** {@code (N, C) * (N, C)}. */
    @Benchmark
    public Tensor mulSameShape() {
        return matrix.mul(other);
    }

    /** {@code (N, C) + (C,)}: a bias. */
    @Benchmark
    public Tensor addBias() {
        return matrix.add(bias);
    }

    /** {@code (N, C) * (C,)}. */
    @Benchmark
    public Tensor mulBias() {
        return matrix.mul(bias);
    }

    /** {@code (N, C) * ()}: a rank-0 tensor broadcast over the matrix. */
    @Benchmark
    public Tensor mulScalarTensor() {
        return matrix.mul(scalar);
    }

    /** {@code () + ()}: two rank-0 tensors; the same for every {@code shape}. */
    @Benchmark
    public Tensor addScalars() {
        return scalar.add(scalar2);
    }

    /** {@code () * ()}: two rank-0 tensors; the same for every {@code shape}. */
    @Benchmark
    public Tensor mulScalars() {
        return scalar.mul(scalar2);
    }
}
