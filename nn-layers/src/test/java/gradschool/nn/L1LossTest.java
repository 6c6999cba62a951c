package gradschool.nn;

import static gradschool.nn.LossAssertions.assertTensor;
import static gradschool.nn.LossAssertions.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed examples for {@link L1Loss}. */
class L1LossTest {

    @Test
    void meanAbsoluteErrorAndSignGradient() {
        Variable p = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3}));
        Variable loss = new L1Loss().forward(p, Tensor.of(new double[] {1, 0, 5}));
        // (|1-1| + |2-0| + |3-5|) / 3 = 4/3
        assertThat(loss.item()).isCloseTo(4.0 / 3, within(1e-12));
        loss.backward();
        // sign(p - t)/n, with sign(0) = 0 as PyTorch
        assertTensor(p.grad(), shape(3), 0, 1.0 / 3, -1.0 / 3);
    }

    @Test
    void sumAndNoneReductions() {
        Variable p = Variable.of(Tensor.of(new double[][] {{1, -2}, {0.5, 4}}));
        Tensor t = Tensor.of(new double[][] {{0, 2}, {0.5, 1}});
        assertThat(new L1Loss(Reduction.SUM).forward(p, t).item()).isCloseTo(8.0, within(1e-12));
        assertTensor(new L1Loss(Reduction.NONE).forward(p, t).value(), shape(2, 2), 1, 4, 0, 3);
    }

    @Test
    void shapeMismatchIsNamed() {
        assertThatThrownBy(() -> new L1Loss().forward(Variable.of(Tensor.zeros(2, 3)), Tensor.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("L1Loss: ")
                .hasMessageContaining("(2, 3)")
                .hasMessageContaining("(3, 2)");
    }
}
