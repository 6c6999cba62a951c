package gradschool.nn;

import static gradschool.nn.NormalizationAssertions.assertParameterGradientsMatchCentralDifferences;
import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every cell unrolled by Recurrent on small random shapes: gradients of sequence, initial state and parameters. */
class RecurrentProperties {

    private static RecurrentCell cell(int kind, int inputSize, int hiddenSize, Random random) {
        return switch (kind) {
            case 0 -> new RNNCell(inputSize, hiddenSize, random);
            case 1 -> new GRUCell(inputSize, hiddenSize, random);
            default -> new LSTMCell(inputSize, hiddenSize, random);
        };
    }

    @Property(tries = 30, seed = "12003")
    void unrolledGradientsMatchCentralDifferences(@ForAll @IntRange(min = 0, max = 2) int kind,
                                                  @ForAll @IntRange(min = 1, max = 3) int batch,
                                                  @ForAll @IntRange(min = 1, max = 3) int steps,
                                                  @ForAll @IntRange(min = 1, max = 3) int inputSize,
                                                  @ForAll @IntRange(min = 1, max = 3) int hiddenSize,
                                                  @ForAll long seed) {
        Random random = new Random(seed);
        Recurrent layer = new Recurrent(cell(kind, inputSize, hiddenSize, random));
        Tensor sequence = Tensor.randn(random, batch, steps, inputSize);
        Tensor h0 = Tensor.randn(random, batch, hiddenSize);
        Tensor c0 = Tensor.randn(random, batch, hiddenSize);
        boolean lstm = kind == 2;
        GradCheck.check(v -> {
            Recurrent.Result result = layer.run(v.get(0), new RecurrentCell.State(v.get(1), lstm ? v.get(2) : null));
            assertThat(result.outputs().shape()).isEqualTo(Shape.of(batch, steps, hiddenSize));
            // the last cell state too, so that c's own path is checked
            return lstm ? Variable.concat(List.of(result.outputs().flatten(), result.last().cell().flatten()), 0)
                    : result.outputs();
        }, sequence, h0, c0).assertPassed();
        assertParameterGradientsMatchCentralDifferences(layer, sequence, Tensor.randn(random, batch, steps, hiddenSize));
    }
}
