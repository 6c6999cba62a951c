package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvLayersTest {

    @Test
    void conv2dHasLeNetsShapesAndPyTorchsDefaultInitialisation() {
        Conv2d a = new Conv2d(6, 16, 5, 1, 0, 1, new Random(7));
        Conv2d b = new Conv2d(6, 16, 5, 1, 0, 1, new Random(7));

        assertThat(a.weight().shape()).isEqualTo(Shape.of(16, 6, 5, 5));
        assertThat(a.bias().shape()).isEqualTo(Shape.of(16));
        assertThat(a.weight().value()).isEqualTo(b.weight().value());
        double bound = 1 / Math.sqrt(6 * 5 * 5); // fanIn = Cin·kh·kw = 150
        assertThat(a.weight().value().abs().max().item()).isLessThanOrEqualTo(bound).isGreaterThan(bound * 0.9);
        assertThat(a.bias().value().abs().max().item()).isLessThanOrEqualTo(bound);
        assertThat(a.parameterCount()).isEqualTo(16 * 6 * 25 + 16);
        assertThat(a.forward(Tensor.zeros(2, 6, 14, 14)).shape()).isEqualTo(Shape.of(2, 16, 10, 10));
        Init.manualSeed(3);
        Conv2d c = new Conv2d(1, 6, 5, 1, 2);
        Init.manualSeed(3);
        Conv2d d = new Conv2d(1, 6, 5, 1, 2);
        assertThat(c.weight().value()).isEqualTo(d.weight().value());
        assertThat(c.forward(Tensor.zeros(1, 1, 28, 28)).shape()).isEqualTo(Shape.of(1, 6, 28, 28));
        assertThat(c.toString()).contains("Conv2d(in=1, out=6, kernel=5, stride=1, padding=2)");
    }

    @Test
    void conv1dHasPyTorchsDefaultInitialisation() {
        Conv1d layer = new Conv1d(2, 4, 3, 1, 0, 1, new Random(5));

        assertThat(layer.weight().shape()).isEqualTo(Shape.of(4, 2, 3));
        double bound = 1 / Math.sqrt(2 * 3);
        assertThat(layer.weight().value().abs().max().item()).isLessThanOrEqualTo(bound);
        assertThat(layer.bias().value().abs().max().item()).isLessThanOrEqualTo(bound);
        assertThat(layer.forward(Tensor.zeros(3, 2, 10)).shape()).isEqualTo(Shape.of(3, 4, 8));
        assertThat(new Conv1d(2, 4, 3).toString()).contains("Conv1d(in=2, out=4, kernel=3, stride=1, padding=0)");
    }

    @Test
    void givenWeightsGiveTheOpsNumbers() {
        Tensor w = Tensor.randn(Shape.of(3, 2, 2, 3), 1);
        Tensor x = Tensor.randn(Shape.of(2, 2, 5, 6), 2);
        Conv2d layer = Conv2d.of(w, null, new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2});

        Tensor y = layer.forward(x).value();

        assertThat(layer.bias()).isNull();
        assertThat(layer.namedParameters().keySet()).containsExactly("weight");
        assertThat(y.allClose(Variable.of(x).conv2d(Variable.of(w), null, new int[] {2, 1}, new int[] {1, 0},
                new int[] {1, 2}).value(), 0, 0)).isTrue();
        Tensor w1 = Tensor.randn(Shape.of(2, 2, 3), 3);
        Tensor b1 = Tensor.randn(Shape.of(2), 4);
        Tensor signal = Tensor.randn(Shape.of(1, 2, 7), 5);
        assertThat(Conv1d.of(w1, b1, 2, 1, 1).forward(signal).value().allClose(Variable.of(signal)
                .conv1d(Variable.of(w1), Variable.of(b1), 2, 1, 1).value(), 0, 0)).isTrue();
    }

    @Test
    void gradientsReachTheParameters() {
        Conv2d layer = new Conv2d(1, 2, 3, 1, 1, 1, new Random(1));

        layer.forward(Tensor.randn(Shape.of(2, 1, 4, 4), 2)).pow(2).sum().backward();

        assertThat(layer.weight().grad().shape()).isEqualTo(Shape.of(2, 1, 3, 3));
        assertThat(layer.bias().grad().shape()).isEqualTo(Shape.of(2));
        assertThat(layer.weight().grad().abs().sum().item()).isGreaterThan(0);
    }

    @Test
    void aWrongInputNamesTheLayer() {
        assertThatThrownBy(() -> new Conv2d(3, 4, 3).forward(Tensor.zeros(1, 1, 8, 8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Conv2d(in=3, out=4, kernel=3, stride=1, padding=0): the input must be (N, 3, H, W),"
                        + " got shape (1, 1, 8, 8)");
        assertThatThrownBy(() -> new Conv2d(1, 4, 7).forward(Tensor.zeros(1, 1, 5, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("conv2d: input 5×5 with kernel 7×7, stride 1×1, padding 0×0, dilation 1×1"
                        + " gives an empty output");
        assertThatThrownBy(() -> new Conv1d(2, 4, 3).forward(Tensor.zeros(1, 3, 8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the input must be (N, 2, L), got shape (1, 3, 8)");
        assertThatThrownBy(() -> new Conv2d(0, 4, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Conv2d: channels");
    }
}
