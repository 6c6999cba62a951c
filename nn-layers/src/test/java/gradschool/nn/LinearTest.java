package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearTest {

    /** The seed notebook's batch cell: X @ W.T + b. */
    @Test
    void computesTheSeedBatchCell() {
        Tensor w = Tensor.of(new double[][] {{0.20, 0.80, -0.50}, {0.50, -0.91, 0.26}, {-0.26, -0.27, 0.17}});
        Tensor b = Tensor.of(new double[] {2, 3, 0.5});
        Linear layer = Linear.of(w, b);
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {2, 5, -1}});
        Tensor z = layer.forward(x).value();
        assertThat(z.allClose(Tensor.of(new double[][] {{2.3, 2.46, 0.21}, {6.9, -0.81, -1.54}}), 0, 1e-12)).isTrue();
        assertThat(new ReLU().forward(z).value().allClose(
                Tensor.of(new double[][] {{2.3, 2.46, 0.21}, {6.9, 0, 0}}), 0, 1e-12)).isTrue();
    }

    @Test
    void defaultInitialisationIsBoundedAndSeeded() {
        Linear a = new Linear(16, 8, new Random(7));
        Linear b = new Linear(16, 8, new Random(7));
        assertThat(a.weight().shape().toString()).isEqualTo("(8, 16)");
        assertThat(a.bias().shape().toString()).isEqualTo("(8,)");
        assertThat(a.weight().value()).isEqualTo(b.weight().value());
        double bound = 1 / Math.sqrt(16);
        assertThat(a.weight().value().abs().max().item()).isLessThanOrEqualTo(bound);
        assertThat(a.weight().value().abs().max().item()).isGreaterThan(bound * 0.5);
        Init.manualSeed(3);
        Linear c = new Linear(4, 2);
        Init.manualSeed(3);
        Linear d = new Linear(4, 2);
        assertThat(c.weight().value()).isEqualTo(d.weight().value());
    }

    @Test
    void withoutBiasHasOnlyAWeight() {
        Linear layer = Linear.withoutBias(3, 2);
        assertThat(layer.bias()).isNull();
        assertThat(layer.namedParameters().keySet()).containsExactly("weight");
        Tensor x = Tensor.randn(Shape.of(4, 3), 1);
        assertThat(layer.forward(x).value().allClose(x.matmul(layer.weight().value().transpose()), 0, 1e-12)).isTrue();
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor x = Tensor.randn(Shape.of(5, 3), 2);
        Tensor w = Tensor.randn(Shape.of(4, 3), 3);
        Tensor b = Tensor.randn(Shape.of(4), 4);
        GradCheck.check(xs -> xs.get(0).matmul(xs.get(1).transpose()).add(xs.get(2)), x, w, b).assertPassed();
        Linear layer = Linear.of(w, b);
        Variable input = Variable.requiringGrad(x);
        layer.forward(input).mul(Variable.of(Tensor.randn(Shape.of(5, 4), 5))).sum().backward();
        assertThat(layer.weight().grad().shape()).isEqualTo(w.shape());
        assertThat(layer.bias().grad().shape()).isEqualTo(b.shape());
    }

    @Test
    void rejectsInputsWithTheWrongNumberOfFeatures() {
        Linear layer = new Linear(3, 2);
        assertThatThrownBy(() -> layer.forward(Tensor.zeros(4, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Linear(in=3, out=2): input of shape (4, 5) must have 3 features");
    }
}
