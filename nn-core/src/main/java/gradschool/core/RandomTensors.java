package gradschool.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.random.RandomGenerator;

/**
 * Random tensors, for {@link Tensor}'s {@code randn}, {@code rand}, {@code uniform} and {@code randint}.
 *
 * <p>With a seed, {@code Tensor} passes a new {@code java.util.Random}: its algorithm is fixed by its
 * specification, so the same seed gives the same numbers on every machine and JDK. Normal samples
 * use the Box–Muller transform on {@code nextDouble()}, also fully specified here.
 */
final class RandomTensors {

    private RandomTensors() {
    }

    /**
     * Samples N(0, 1) with the Box–Muller transform: {@code sqrt(-2 ln u1)·cos(2π u2)} and
     * {@code sqrt(-2 ln u1)·sin(2π u2)} from two uniform draws, filling two elements at a time.
     */
    static Tensor normal(RandomGenerator random, int... dims) {
        Shape shape = Shape.of(dims);
        double[] data = new double[shape.size()];
        for (int i = 0; i < data.length; i += 2) {
            double u1 = 1.0 - random.nextDouble(); // in (0, 1], so the log is finite
            double u2 = random.nextDouble();
            double radius = Math.sqrt(-2.0 * Math.log(u1));
            data[i] = radius * Math.cos(2 * Math.PI * u2);
            if (i + 1 < data.length) {
                data[i + 1] = radius * Math.sin(2 * Math.PI * u2);
            }
        }
        return new Tensor(data, shape);
    }

    /** Samples the uniform distribution on {@code [low, high)}: {@code low + (high - low)·u}. */
    static Tensor uniform(RandomGenerator random, double low, double high, int... dims) {
        checkArgument(high >= low, "uniform: high (%s) must be >= low (%s)", high, low);
        Shape shape = Shape.of(dims);
        double[] data = new double[shape.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = low + (high - low) * random.nextDouble();
        }
        return new Tensor(data, shape);
    }

    /** Samples integers in {@code [low, high)}, stored as doubles. */
    static Tensor integers(RandomGenerator random, int low, int high, int... dims) {
        checkArgument(high > low, "randint: high (%s) must be > low (%s)", high, low);
        Shape shape = Shape.of(dims);
        double[] data = new double[shape.size()];
        long range = (long) high - low; // as a long: e.g. [-2^31, 2^31 - 1) has 2^32 - 1 values
        for (int i = 0; i < data.length; i++) {
            data[i] = range <= Integer.MAX_VALUE ? low + random.nextInt((int) range) : low + random.nextLong(range);
        }
        return new Tensor(data, shape);
    }
}
