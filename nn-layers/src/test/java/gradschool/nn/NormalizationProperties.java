package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.GradCheck;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * BatchNorm1d/2d and LayerNorm against a direct loop over the definition, and their first and
 * second derivatives against central differences, on small random shapes — some inputs are
 * permuted (non-contiguous) views.
 */
class NormalizationProperties {

    private static final double EPS = 1e-5;

    /** A random tensor of the given shape: contiguous, or a permuted view of reversed storage order. */
    private static Tensor input(Random random, boolean permuted, int... dims) {
        if (!permuted) {
            return Tensor.randn(random, dims);
        }
        int rank = dims.length;
        int[] reversed = new int[rank];
        int[] order = new int[rank];
        for (int i = 0; i < rank; i++) {
            reversed[i] = dims[rank - 1 - i];
            order[i] = rank - 1 - i;
        }
        Tensor x = Tensor.randn(random, reversed).permute(order);
        assertThat(x.shape()).isEqualTo(Shape.of(dims));
        return x;
    }

    /** Batch normalization by its definition, with three nested loops over a contiguous copy. */
    private static Tensor batchNormByLoops(Tensor x, Tensor weight, Tensor bias) {
        double[] data = x.contiguous().toDoubleArray();
        int batch = x.dim(0);
        int channels = x.dim(1);
        int inner = x.size() / (batch * channels);
        double[] out = new double[data.length];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int n = 0; n < batch; n++) {
                for (int i = 0; i < inner; i++) {
                    sum += data[(n * channels + c) * inner + i];
                }
            }
            double mean = sum / (batch * inner);
            double squares = 0;
            for (int n = 0; n < batch; n++) {
                for (int i = 0; i < inner; i++) {
                    double d = data[(n * channels + c) * inner + i] - mean;
                    squares += d * d;
                }
            }
            double std = Math.sqrt(squares / (batch * inner) + EPS);
            for (int n = 0; n < batch; n++) {
                for (int i = 0; i < inner; i++) {
                    int k = (n * channels + c) * inner + i;
                    out[k] = (data[k] - mean) / std * weight.get(c) + bias.get(c);
                }
            }
        }
        return Tensor.of(x.shape(), out);
    }

    private static BatchNorm batchNorm(int rank, int channels, Random random) {
        BatchNorm bn = rank == 4 ? new BatchNorm2d(channels) : new BatchNorm1d(channels);
        bn.weight().value().copyFrom(Tensor.randn(random, channels));
        bn.bias().value().copyFrom(Tensor.randn(random, channels));
        return bn;
    }

    private static int[] batchShape(Random random, int rank, int channels) {
        int[] dims = new int[rank];
        dims[0] = 2 + random.nextInt(3);
        dims[1] = channels;
        for (int d = 2; d < rank; d++) {
            dims[d] = 1 + random.nextInt(3);
        }
        return dims;
    }

    @Property(tries = 60, seed = "11001")
    void batchNormAgreesWithTheLoopsAndUpdatesRunningStatistics(@ForAll @IntRange(min = 2, max = 4) int rank,
                                                               @ForAll @IntRange(min = 1, max = 3) int channels,
                                                               @ForAll boolean permuted,
                                                               @ForAll long seed) {
        Random random = new Random(seed);
        BatchNorm bn = batchNorm(rank, channels, random);
        int[] dims = batchShape(random, rank, channels);
        Tensor x = input(random, permuted, dims);
        Tensor y = bn.forward(x).value();
        assertThat(y.allClose(batchNormByLoops(x, bn.weight().value(), bn.bias().value()), 1e-10, 1e-10)).isTrue();

        int n = x.size() / channels;
        for (int c = 0; c < channels; c++) {
            Tensor values = x.select(1, c).contiguous().flatten();
            double mean = values.mean().item();
            double unbiased = values.variance().item() * n / (n - 1);
            assertThat(bn.runningMean().get(c)).isCloseTo(0.1 * mean, within(1e-12));
            assertThat(bn.runningVar().get(c)).isCloseTo(0.9 + 0.1 * unbiased, within(1e-12));
        }
        bn.eval();
        Tensor scale = bn.runningVar().add(EPS).sqrt();
        // eval mode: (x − running_mean)/√(running_var + ε)·γ + β, broadcast per channel
        int[] broadcast = new int[rank];
        Arrays.fill(broadcast, 1);
        broadcast[1] = channels;
        Tensor expected = x.sub(bn.runningMean().reshape(broadcast)).div(scale.reshape(broadcast))
                .mul(bn.weight().value().reshape(broadcast)).add(bn.bias().value().reshape(broadcast));
        assertThat(bn.forward(x).value().allClose(expected, 1e-12, 1e-12)).isTrue();
    }

    @Property(tries = 30, seed = "11002")
    void batchNormGradientsMatchCentralDifferencesToSecondOrder(@ForAll @IntRange(min = 2, max = 4) int rank,
                                                               @ForAll @IntRange(min = 1, max = 2) int channels,
                                                               @ForAll boolean permuted,
                                                               @ForAll long seed) {
        Random random = new Random(seed);
        BatchNorm bn = batchNorm(rank, channels, random);
        Tensor x = input(random, permuted, batchShape(random, rank, channels));
        GradCheck.check(v -> bn.forward(v.get(0)), x).assertPassed();
        GradCheck.checkSecondOrder(v -> bn.forward(v.get(0)), x).assertPassed();
        bn.eval();
        GradCheck.check(v -> bn.forward(v.get(0)), x).assertPassed();
    }

    @Property(tries = 40, seed = "11003")
    void layerNormAgreesWithTheDefinitionAndItsGradientsWithCentralDifferences(
            @ForAll @IntRange(min = 1, max = 3) int rank,
            @ForAll @IntRange(min = 1, max = 2) int normalizedRank,
            @ForAll boolean permuted,
            @ForAll long seed) {
        Random random = new Random(seed);
        int k = Math.min(normalizedRank, rank);
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = 1 + random.nextInt(3);
        }
        dims[rank - 1] = 2 + random.nextInt(3);   // at least two values to normalize
        int[] normalizedShape = Arrays.copyOfRange(dims, rank - k, rank);
        LayerNorm norm = new LayerNorm(normalizedShape);
        norm.weight().value().copyFrom(Tensor.randn(random, normalizedShape));
        norm.bias().value().copyFrom(Tensor.randn(random, normalizedShape));
        Tensor x = input(random, permuted, dims);

        // the definition, by loops over each sample's n = size(normalizedShape) values
        double[] data = x.contiguous().toDoubleArray();
        int n = Shape.of(normalizedShape).size();
        double[] weight = norm.weight().value().toDoubleArray();
        double[] bias = norm.bias().value().toDoubleArray();
        double[] expected = new double[data.length];
        for (int start = 0; start < data.length; start += n) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += data[start + i] / n;
            }
            double variance = 0;
            for (int i = 0; i < n; i++) {
                variance += (data[start + i] - mean) * (data[start + i] - mean) / n;
            }
            for (int i = 0; i < n; i++) {
                expected[start + i] = (data[start + i] - mean) / Math.sqrt(variance + EPS) * weight[i] + bias[i];
            }
        }
        assertThat(norm.forward(x).value().allClose(Tensor.of(x.shape(), expected), 1e-10, 1e-10)).isTrue();

        GradCheck.check(v -> norm.forward(v.get(0)), x).assertPassed();
        GradCheck.checkSecondOrder(v -> norm.forward(v.get(0)), x).assertPassed();
    }
}
