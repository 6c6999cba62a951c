package gradschool.nn;

import gradschool.core.Tensor;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Initialisers: how a layer's parameters get their first values.
 *
 * <pre>{@code
 * Init.manualSeed(42);                                  // every later layer starts the same way, every run
 * Tensor w = Init.kaimingUniform(Init.generator(), 128, 784);   // shape (128, 784), for ReLU layers
 * }</pre>
 *
 * <p>Layers draw from the current thread's generator, {@link #generator()}, seeded with 0 when the
 * thread first asks for it and re-seeded with {@link #manualSeed} (like {@code torch.manual_seed}, but
 * per thread: two threads that build models at the same time each get their own reproducible
 * numbers, and a model built on a new thread starts from seed 0 unless that thread calls
 * {@code manualSeed}). Every method also has a form that takes an explicit generator. For a weight of
 * shape {@code (out, in)}, {@code fanIn = in} and {@code fanOut = out}.
 */
public final class Init {

    /** One generator per thread, so that concurrent model building stays deterministic. */
    private static final ThreadLocal<Random> PER_THREAD = ThreadLocal.withInitial(() -> new Random(0));

    private Init() {
    }

    /**
     * Re-seeds the current thread's generator, so that the layers it makes afterwards are reproducible.
     *
     * <p>Other threads are not affected: each thread has its own generator.
     *
     * @param seed the seed
     */
    public static void manualSeed(long seed) {
        PER_THREAD.set(new Random(seed));
    }

    /**
     * Returns the current thread's generator, which layers use by default.
     *
     * @return the generator (the same object until this thread calls {@link #manualSeed} again)
     */
    public static RandomGenerator generator() {
        return PER_THREAD.get();
    }

    /**
     * Returns zeros.
     *
     * @param dims the shape
     * @return a new tensor
     */
    public static Tensor zeros(int... dims) {
        return Tensor.zeros(dims);
    }

    /**
     * Returns ones.
     *
     * @param dims the shape
     * @return a new tensor
     */
    public static Tensor ones(int... dims) {
        return Tensor.ones(dims);
    }

    /**
     * Returns a tensor filled with one value.
     *
     * @param value the value
     * @param dims the shape
     * @return a new tensor
     */
    public static Tensor constant(double value, int... dims) {
        return Tensor.full(gradschool.core.Shape.of(dims), value);
    }

    /**
     * Returns samples of U(low, high).
     *
     * @param random the generator
     * @param low the lower bound
     * @param high the upper bound
     * @param dims the shape
     * @return a new tensor
     */
    public static Tensor uniform(RandomGenerator random, double low, double high, int... dims) {
        return Tensor.uniform(random, low, high, dims);
    }

    /**
     * Returns samples of N(mean, std²).
     *
     * @param random the generator
     * @param mean the mean
     * @param std the standard deviation
     * @param dims the shape
     * @return a new tensor
     */
    public static Tensor normal(RandomGenerator random, double mean, double std, int... dims) {
        return Tensor.randn(random, dims).mul(std).add(mean);
    }

    /**
     * Xavier/Glorot uniform (Glorot &amp; Bengio, 2010): U(−a, a) with {@code a = √(6 / (fanIn + fanOut))},
     * which keeps the variance of activations and gradients about equal across tanh/sigmoid layers.
     *
     * @param random the generator
     * @param out the number of outputs (rows)
     * @param in the number of inputs (columns)
     * @return a new {@code (out, in)} tensor
     */
    public static Tensor xavierUniform(RandomGenerator random, int out, int in) {
        double bound = Math.sqrt(6.0 / (in + out));
        return uniform(random, -bound, bound, out, in);
    }

    /**
     * Xavier/Glorot normal: N(0, σ²) with {@code σ = √(2 / (fanIn + fanOut))}.
     *
     * @param random the generator
     * @param out the number of outputs
     * @param in the number of inputs
     * @return a new {@code (out, in)} tensor
     */
    public static Tensor xavierNormal(RandomGenerator random, int out, int in) {
        return normal(random, 0, Math.sqrt(2.0 / (in + out)), out, in);
    }

    /**
     * Kaiming/He uniform for ReLU layers (He et al., 2015): U(−a, a) with {@code a = √(6 / fanIn)}
     * (gain √2 for ReLU, fan-in mode).
     *
     * @param random the generator
     * @param out the number of outputs
     * @param in the number of inputs
     * @return a new {@code (out, in)} tensor
     */
    public static Tensor kaimingUniform(RandomGenerator random, int out, int in) {
        double bound = Math.sqrt(6.0 / in);
        return uniform(random, -bound, bound, out, in);
    }

    /**
     * Kaiming/He normal for ReLU layers: N(0, σ²) with {@code σ = √(2 / fanIn)}.
     *
     * @param random the generator
     * @param out the number of outputs
     * @param in the number of inputs
     * @return a new {@code (out, in)} tensor
     */
    public static Tensor kaimingNormal(RandomGenerator random, int out, int in) {
        return normal(random, 0, Math.sqrt(2.0 / in), out, in);
    }

    /**
     * PyTorch's default for {@code nn.Linear}: U(−a, a) with {@code a = 1/√fanIn}, for both the weight
     * and the bias (what {@code kaiming_uniform_(a=√5)} reduces to).
     *
     * @param random the generator
     * @param fanIn the number of inputs
     * @param dims the shape
     * @return a new tensor
     */
    public static Tensor linearDefault(RandomGenerator random, int fanIn, int... dims) {
        double bound = fanIn > 0 ? 1.0 / Math.sqrt(fanIn) : 0.0;
        return uniform(random, -bound, bound, dims);
    }
}
