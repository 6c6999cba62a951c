package gradschool.nn;

import static gradschool.nn.NormalizationAssertions.assertParameterGradientsMatchCentralDifferences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RNNCell, GRUCell, LSTMCell and Recurrent against numpy for fixed weights, their gradients against
 * central differences, and their shape errors. The expected numbers were printed by this numpy
 * program (PyTorch's formulas written out), with {@code fill} as in {@link #fill}:
 * <pre>
 * sig = lambda v: 1 / (1 + np.exp(-v))
 * def gru(x, h):
 *     Wi, Wh, bi, bh = params(3); gi = x @ Wi.T + bi; gh = h @ Wh.T + bh
 *     r = sig(gi[:, :H] + gh[:, :H]); z = sig(gi[:, H:2*H] + gh[:, H:2*H]); n = np.tanh(gi[:, 2*H:] + r * gh[:, 2*H:])
 *     return (1 - z) * n + z * h
 * def lstm(x, h, c):
 *     Wi, Wh, bi, bh = params(4); g = x @ Wi.T + bi + h @ Wh.T + bh
 *     i, f, gg, o = sig(g[:, :H]), sig(g[:, H:2*H]), np.tanh(g[:, 2*H:3*H]), sig(g[:, 3*H:])
 *     c2 = f * c + i * gg; return o * np.tanh(c2), c2
 * </pre>
 */
class RecurrentCellsTest {

    private static final int B = 2;
    private static final int I = 3;
    private static final int H = 2;
    private static final int T = 3;

    /** numpy's {@code (0.1 * (((k * 7 + p * 3) % 11) - 5)).reshape(shape)} over the flat index k. */
    static Tensor fill(int p, int... dims) {
        Shape shape = Shape.of(dims);
        double[] values = new double[shape.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = 0.1 * (((k * 7 + p * 3) % 11) - 5);
        }
        return Tensor.of(shape, values);
    }

    /** Sets weight_ih, weight_hh, bias_ih, bias_hh to fill(1), fill(2), fill(3), fill(4). */
    private static <C extends RecurrentCell> C withFixedWeights(C cell) {
        int p = 1;
        for (Parameter parameter : cell.parameters()) {
            parameter.value().copyFrom(fill(p++, parameter.shape().toArray()));
        }
        return cell;
    }

    private static void assertValues(Variable actual, double... expected) {
        double[] values = actual.value().toDoubleArray();
        assertThat(values).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(values[i]).as("element %d", i).isCloseTo(expected[i], within(1e-14));
        }
    }

    private static final Variable X = Variable.of(fill(5, B, I));
    private static final Variable HIDDEN = Variable.of(fill(6, B, H));
    private static final Variable CELL = Variable.of(fill(7, B, H));
    private static final Variable SEQUENCE = Variable.of(fill(8, B, T, I));

    @Test
    void rnnCellMatchesNumpy() {
        assertValues(withFixedWeights(new RNNCell(I, H)).forward(X, HIDDEN),
                -0.12927258360605834, 0.20696649972945264, 0.3095069212126385, 0.6410769611853464);
    }

    @Test
    void gruCellMatchesNumpyWithTheGatesStackedRZN() {
        assertValues(withFixedWeights(new GRUCell(I, H)).forward(X, HIDDEN),
                -0.02445113096036411, -0.4184846812159186, 0.18381873954562514, -0.22965069995289916);
    }

    @Test
    void lstmCellMatchesNumpyWithTheGatesStackedIFGO() {
        RecurrentCell.State next = withFixedWeights(new LSTMCell(I, H)).forward(X, new RecurrentCell.State(HIDDEN, CELL));
        assertValues(next.hidden(), 0.10256941803900639, -0.15862325862606622, -0.03574626892185884, -0.06942077438626999);
        assertValues(next.cell(), 0.16758922041503338, -0.3027126398768199, -0.05906814336596532, -0.1580979412913745);
    }

    @Test
    void recurrentUnrollsAGruFromZerosAndReturnsEveryHiddenStateBatchFirst() {
        Recurrent gru = new Recurrent(withFixedWeights(new GRUCell(I, H)));
        Recurrent.Result result = gru.run(SEQUENCE, null);
        assertThat(result.outputs().shape()).isEqualTo(Shape.of(B, T, H));
        assertValues(result.outputs(), -0.05463927649187741, -0.3118770844442366, -0.0778096985610921,
                -0.4623288432552106, -0.09637378373488953, -0.5441935799605369, 0.2179184997108062,
                -0.1665834338674802, 0.3016368944878737, -0.20600152409829936, 0.31669230475638205, -0.2117377830683147);
        assertThat(result.last().hidden().value()).isEqualTo(result.outputs().value().select(1, T - 1));
        assertThat(result.last().cell()).isNull();
        assertThat(gru.forward(SEQUENCE).value()).isEqualTo(result.outputs().value());
    }

    @Test
    void recurrentUnrollsAnLstmAndReturnsTheLastCellState() {
        Recurrent.Result result = new Recurrent(withFixedWeights(new LSTMCell(I, H))).run(SEQUENCE, null);
        assertValues(result.outputs(), -0.003606530162958043, -0.17775256932928882, -0.0033677029814140787,
                -0.2591475333428325, -0.008117077756877025, -0.29529404181418745, 0.1456660203678445,
                -0.08967300226083302, 0.19382232680142814, -0.11382982208776758, 0.2041044851585988, -0.11872871382534);
        assertValues(result.last().cell(), -0.012908218566055372, -0.8095017086316826, 0.2913000855558535, -0.27399289930220944);
    }

    @Test
    void parametersHavePyTorchsNamesShapesAndInitialRange() {
        LSTMCell lstm = new LSTMCell(5, 16, new Random(1));
        assertThat(lstm.namedParameters().keySet()).containsExactly("weight_ih", "weight_hh", "bias_ih", "bias_hh");
        assertThat(lstm.weightIh().shape()).isEqualTo(Shape.of(64, 5));
        assertThat(lstm.weightHh().shape()).isEqualTo(Shape.of(64, 16));
        assertThat(lstm.biasHh().shape()).isEqualTo(Shape.of(64));
        assertThat(new GRUCell(5, 16).weightIh().shape()).isEqualTo(Shape.of(48, 5));
        assertThat(new RNNCell(5, 16).weightHh().shape()).isEqualTo(Shape.of(16, 16));
        for (Parameter parameter : lstm.parameters()) {     // U(−1/√H, 1/√H) = U(−0.25, 0.25)
            assertThat(parameter.value().abs().max().item()).isLessThanOrEqualTo(0.25).isGreaterThan(0.2);
        }
        assertThat(new Recurrent(lstm).namedParameters().keySet()).contains("cell.weight_ih");
        assertThat(new GRUCell(3, 4).toString()).startsWith("GRUCell(3, 4)   weight_ih (12, 3), weight_hh (12, 4), "
                + "bias_ih (12,), bias_hh (12,)   108\n");
    }

    @Test
    void gradientsOfInputsStateAndParametersMatchCentralDifferences() {
        Random random = new Random(2);
        Tensor x = Tensor.randn(random, B, I);
        Tensor h = Tensor.randn(random, B, H);
        Tensor c = Tensor.randn(random, B, H);
        RNNCell rnn = new RNNCell(I, H, random);
        GRUCell gru = new GRUCell(I, H, random);
        LSTMCell lstm = new LSTMCell(I, H, random);
        GradCheck.check(v -> rnn.forward(v.get(0), v.get(1)), x, h).assertPassed();
        GradCheck.check(v -> gru.forward(v.get(0), v.get(1)), x, h).assertPassed();
        GradCheck.check(v -> lstm.forward(v.get(0), new RecurrentCell.State(v.get(1), v.get(2))).hidden(), x, h, c).assertPassed();
        GradCheck.check(v -> lstm.forward(v.get(0), new RecurrentCell.State(v.get(1), v.get(2))).cell(), x, h, c).assertPassed();
        Tensor sequence = Tensor.randn(random, B, T, I);
        Tensor seed = Tensor.randn(random, B, T, H);
        // through three steps, so that weight_hh and bias_hh matter (from the zero state they would not at step 1)
        for (RecurrentCell cell : new RecurrentCell[] {rnn, gru, lstm}) {
            assertParameterGradientsMatchCentralDifferences(new Recurrent(cell), sequence, seed);
        }
    }

    @Test
    void cellsDifferentiateTwice() {
        Random random = new Random(3);
        Tensor x = Tensor.randn(random, 1, 2);
        Tensor h = Tensor.randn(random, 1, 2);
        Tensor c = Tensor.randn(random, 1, 2);
        RNNCell rnn = new RNNCell(2, 2, random);
        GRUCell gru = new GRUCell(2, 2, random);
        LSTMCell lstm = new LSTMCell(2, 2, random);
        GradCheck.checkSecondOrder(v -> rnn.forward(v.get(0), v.get(1)), x, h).assertPassed();
        GradCheck.checkSecondOrder(v -> gru.forward(v.get(0), v.get(1)), x, h).assertPassed();
        GradCheck.checkSecondOrder(v -> lstm.forward(v.get(0), new RecurrentCell.State(v.get(1), v.get(2))).hidden(), x, h, c)
                .assertPassed();
    }

    @Test
    void badInputAndStateShapesAreNamed() {
        GRUCell gru = new GRUCell(I, H);
        assertThatThrownBy(() -> gru.forward(X, Variable.of(Tensor.zeros(3, H))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GRUCell(3, 2): the hidden state must have shape (2, 2) — (B, H) for the input of shape "
                        + "(2, 3) — but has shape (3, 2)");
        assertThatThrownBy(() -> gru.forward(Variable.of(Tensor.zeros(2, 4)), HIDDEN))
                .hasMessage("GRUCell(3, 2): the input must have shape (B, 3) — a batch of inputs of 3 features — "
                        + "but has shape (2, 4)");
        assertThatThrownBy(() -> new RNNCell(I, H).forward(Variable.of(Tensor.zeros(3)))).hasMessageContaining("(B, 3)");
        assertThatThrownBy(() -> new LSTMCell(I, H).forward(X, RecurrentCell.State.of(HIDDEN)))
                .hasMessage("LSTMCell(3, 2): the cell state is missing; pass zeroState(2)");
        assertThatThrownBy(() -> new LSTMCell(I, H).forward(X, new RecurrentCell.State(HIDDEN, Variable.of(Tensor.zeros(2, 3)))))
                .hasMessageContaining("the cell state must have shape (2, 2)");
        assertThatThrownBy(() -> gru.step(X, new RecurrentCell.State(HIDDEN, CELL)))
                .hasMessage("GRUCell(3, 2): has no cell state, but the state carries one");
        assertThatThrownBy(() -> new Recurrent(gru).forward(X))
                .hasMessage("Recurrent(GRUCell(3, 2)): the input must have shape (B, T, 3) — batch first, T ≥ 1 steps "
                        + "of 3 features — but has shape (2, 3)");
        assertThatThrownBy(() -> new Recurrent(gru).run(SEQUENCE, RecurrentCell.State.of(Variable.of(Tensor.zeros(2, 5)))))
                .hasMessageContaining("the hidden state must have shape (2, 2)");
        assertThatThrownBy(() -> new RNNCell(0, 2)).hasMessageContaining("RNNCell: input and hidden sizes must be positive");
    }
}
