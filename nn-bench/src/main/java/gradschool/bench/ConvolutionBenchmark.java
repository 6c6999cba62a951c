package gradschool.bench;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.concurrent.TimeUnit;
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
 * Times one {@code conv2d} forward and backward pass through {@link Variable#conv2d} (input and weight
 * both require a gradient, no bias), next to the three matrix products of the same sizes through the
 * public {@link Tensor#matmul}, at LeNet and small-ResNet shapes.
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -Dmaven.test.skip=true
 * java --add-modules jdk.incubator.vector -jar nn-bench/target/benchmarks.jar ConvolutionBenchmark \
 *     -f 1 -wi 2 -w 1s -i 3 -r 1s -rf json -rff conv-jmh.json
 * </pre>
 *
 * <p>With {@code K = Cin·k²} and {@code P = N·Hout·Wout}, im2col turns the forward pass into the product
 * {@code (Cout × K)·(K × P)}, the weight gradient into {@code (Cout × P)·(P × K)} and the column gradient
 * into {@code (K × Cout)·(Cout × P)}: each {@code 2·Cout·K·P} floating-point operations, so one
 * forward+backward pass is {@code 6·N·Cout·Cin·k²·Hout·Wout}. {@link #matmulKernel} does exactly these
 * three products on plain tensors, so the ratio of the two times is the convolution's share of the
 * matmul kernel's GFLOPS at equal work. {@code nn-bench/scripts/conv_numpy.py} is the numpy reference.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class ConvolutionBenchmark {

    /**
     * The shape, {@code N_Cin_Cout_H_k_pad} (square images and kernels, stride 1): LeNet's first and
     * second convolutions and a small ResNet block's 3×3 convolution.
     */
    @Param({"64_1_6_28_5_2", "64_6_16_14_5_0", "32_64_64_16_3_1"})
    public String shape;

    private Tensor input;
    private Tensor weight;
    private Tensor seed;
    private int padding;

    private Tensor rows;       // (Cout, K)
    private Tensor rowsT;      // (K, Cout)
    private Tensor columns;    // (K, P)
    private Tensor columnsT;   // (P, K)
    private Tensor outGrad;    // (Cout, P)

    /** Makes the input, weight and seed gradient, and the im2col-sized matrices, from fixed seeds. */
    @Setup
    public void setUp() {
        String[] parts = shape.split("_");
        int n = Integer.parseInt(parts[0]);
        int cin = Integer.parseInt(parts[1]);
        int cout = Integer.parseInt(parts[2]);
        int size = Integer.parseInt(parts[3]);
        int k = Integer.parseInt(parts[4]);
        padding = Integer.parseInt(parts[5]);
        int out = size + 2 * padding - k + 1;
        input = Tensor.randn(Shape.of(n, cin, size, size), 1);
        weight = Tensor.randn(Shape.of(cout, cin, k, k), 2);
        seed = Tensor.randn(Shape.of(n, cout, out, out), 3);
        int kk = cin * k * k;
        int p = n * out * out;
        rows = Tensor.randn(Shape.of(cout, kk), 4);
        rowsT = Tensor.randn(Shape.of(kk, cout), 5);
        columns = Tensor.randn(Shape.of(kk, p), 6);
        columnsT = Tensor.randn(Shape.of(p, kk), 7);
        outGrad = Tensor.randn(Shape.of(cout, p), 8);
    }

    /**
     * conv2d forward, then backward with a fixed seed gradient, into fresh leaves.
     *
     * @return the input's gradient, so that JMH keeps the work
     */
    @Benchmark
    public Tensor conv2dForwardBackward() {
        Variable x = Variable.requiringGrad(input);
        Variable w = Variable.requiringGrad(weight);
        Variable y = x.conv2d(w, null, 1, padding, 1);
        y.backward(seed);
        return x.grad();
    }

    /**
     * The three im2col products of {@link #conv2dForwardBackward} on plain tensors: forward, weight
     * gradient and column gradient.
     *
     * @return the three products, so that JMH keeps the work
     */
    @Benchmark
    public Tensor[] matmulKernel() {
        return new Tensor[] {rows.matmul(columns), outGrad.matmul(columnsT), rowsT.matmul(outGrad)};
    }
}
