package gradschool.autograd.functions;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ops on tensors with no elements (a dimension of size 0, like an empty batch) must still give
 * every input a gradient of its own (empty) shape, and a sum over nothing is 0 with gradient 0.
 */
class EmptyTensorGradientTest {

    @Test
    void elementwiseOpsOnAnEmptyBatchGiveEmptyGradients() {
        Variable x = Variable.requiringGrad(Tensor.zeros(0, 3));
        Variable b = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3}));
        Variable loss = x.mul(b).add(b).tanh().relu().sum();
        loss.backward();

        assertThat(loss.item()).isEqualTo(0.0);
        assertThat(x.grad().shape()).isEqualTo(Shape.of(0, 3));
        assertThat(b.grad()).isEqualTo(Tensor.zeros(3));
    }

    @Test
    void matmulWithAnEmptyInnerDimensionGivesZerosAndEmptyGradients() {
        Variable a = Variable.requiringGrad(Tensor.zeros(2, 0));
        Variable w = Variable.requiringGrad(Tensor.zeros(0, 3));
        Variable product = a.matmul(w);
        product.sum().backward();

        assertThat(product.value()).isEqualTo(Tensor.zeros(2, 3));
        assertThat(a.grad().shape()).isEqualTo(Shape.of(2, 0));
        assertThat(w.grad().shape()).isEqualTo(Shape.of(0, 3));
    }

    @Test
    void emptySlicesAndConcatenationsGiveZeroGradients() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[][] {{1, 2}, {3, 4}}));
        Variable empty = x.slice(0, 2, 2);
        Variable joined = Variable.concat(List.of(empty, x.slice(0, 0, 1)), 0);
        joined.mul(joined).sum().backward();

        assertThat(empty.shape()).isEqualTo(Shape.of(0, 2));
        assertThat(x.grad()).isEqualTo(Tensor.of(new double[][] {{2, 4}, {0, 0}}));
    }

    @Test
    void sumAndMeanAlongANonEmptyAxisOfAnEmptyTensor() {
        Variable x = Variable.requiringGrad(Tensor.zeros(0, 3));
        x.sum(1, false).sum().backward();
        assertThat(x.grad().shape()).isEqualTo(Shape.of(0, 3));

        Variable y = Variable.requiringGrad(Tensor.zeros(3, 0));
        Variable sums = y.sum(1, true);
        sums.sum().backward();
        assertThat(sums.value()).isEqualTo(Tensor.zeros(3, 1));
        assertThat(y.grad().shape()).isEqualTo(Shape.of(3, 0));
    }
}
