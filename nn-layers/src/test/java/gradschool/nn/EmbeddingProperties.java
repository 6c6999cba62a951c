package gradschool.nn;

import static gradschool.nn.NormalizationAssertions.assertParameterGradientsMatchCentralDifferences;
import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Embedding on random index shapes with many repeated indices: values and gradients by the definition. */
class EmbeddingProperties {

    @Property(tries = 50, seed = "12001")
    void lookupAndGradientAgreeWithTheDefinition(@ForAll @IntRange(min = 0, max = 3) int rank,
                                                 @ForAll @IntRange(min = 1, max = 4) int rows,
                                                 @ForAll @IntRange(min = 1, max = 3) int dim,
                                                 @ForAll long seed) {
        Random random = new Random(seed);
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = 1 + random.nextInt(3);
        }
        Shape indexShape = Shape.of(dims);
        int[] indices = new int[indexShape.size()];
        for (int p = 0; p < indices.length; p++) {
            indices[p] = random.nextInt(rows);          // few rows: repeats are the rule
        }
        Embedding embedding = new Embedding(rows, dim, random);
        Tensor table = embedding.weight().value();
        int[] outDims = java.util.Arrays.copyOf(dims, rank + 1);
        outDims[rank] = dim;
        Tensor seedGrad = Tensor.randn(random, outDims);

        Variable y = embedding.forward(indices, rank == 0 ? new int[0] : dims);
        if (rank == 0) {
            y = embedding.forward(Tensor.of(indices[0]));
        }
        y.mul(Variable.constant(seedGrad)).sum().backward();

        double[] out = y.value().toDoubleArray();
        double[] g = seedGrad.toDoubleArray();
        double[] expectedGrad = new double[rows * dim];
        for (int p = 0; p < indices.length; p++) {
            for (int j = 0; j < dim; j++) {
                assertThat(out[p * dim + j]).isEqualTo(table.get(indices[p], j));
                expectedGrad[indices[p] * dim + j] += g[p * dim + j];
            }
        }
        assertThat(embedding.weight().grad().allClose(Tensor.of(Shape.of(rows, dim), expectedGrad), 1e-12, 1e-12)).isTrue();

        double[] asDoubles = new double[indices.length];
        for (int p = 0; p < indices.length; p++) {
            asDoubles[p] = indices[p];
        }
        assertParameterGradientsMatchCentralDifferences(embedding, Tensor.of(indexShape, asDoubles), seedGrad);
    }
}
