package gradschool.nn;

import static gradschool.nn.LossAssertions.assertTensor;
import static gradschool.nn.LossAssertions.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed examples for {@link MSELoss}. */
class MSELossTest {

    // p - t = [[-0.5, 0], [2, -1]]; squares [[0.25, 0], [4, 1]]; sum 5.25; mean 5.25 / 4 = 1.3125
    private final Tensor predicted = Tensor.of(new double[][] {{1, 2}, {3, 4}});
    private final Tensor target = Tensor.of(new double[][] {{1.5, 2}, {1, 5}});

    @Test
    void meanOfSquaredErrorsAndItsGradient() {
        Variable p = Variable.requiringGrad(predicted);
        Variable loss = new MSELoss().forward(p, target);
        assertThat(loss.item()).isCloseTo(1.3125, within(1e-12));
        loss.backward();
        // dL/dp = (2/n)(p - t) = (2/4)·[[-0.5, 0], [2, -1]]
        assertTensor(p.grad(), shape(2, 2), -0.25, 0, 1, -0.5);
    }

    @Test
    void sumAndNoneReductions() {
        assertThat(new MSELoss(Reduction.SUM).forward(Variable.of(predicted), target).item())
                .isCloseTo(5.25, within(1e-12));
        assertTensor(new MSELoss(Reduction.NONE).forward(Variable.of(predicted), target).value(), shape(2, 2),
                0.25, 0, 4, 1);
    }

    @Test
    void targetGetsTheOppositeGradient() {
        Variable p = Variable.requiringGrad(predicted);
        Variable t = Variable.requiringGrad(target);
        new MSELoss(Reduction.SUM).forward(p, t).backward();
        assertTensor(t.grad(), shape(2, 2), 1, 0, -4, 2);
    }

    @Test
    void refusesToBroadcastAColumnAgainstAVector() {
        Variable column = Variable.of(Tensor.of(new double[][] {{1}, {2}}));
        assertThatThrownBy(() -> new MSELoss().forward(column, Tensor.of(new double[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MSELoss: ")
                .hasMessageContaining("(2, 1)")
                .hasMessageContaining("(2,)")
                .hasMessageContaining("must be equal");
    }

    @Test
    void printsItsReduction() {
        assertThat(new MSELoss()).hasToString("MSELoss(reduction=MEAN)");
    }
}
