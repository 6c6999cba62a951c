package gradschool.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementwiseOptimizerTest {

    @Test
    void updatesANonContiguousParameterInPlace() {
        Tensor storage = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor transposed = storage.transpose();            // shape (3, 2), a view, not contiguous
        assertThat(transposed.isContiguous()).isFalse();
        Parameter p = new Parameter(transposed);
        Tensor c = Tensor.of(new double[][] {{1, 0}, {0, 2}, {3, 0}});
        p.mul(Variable.of(c)).sum().backward();             // gradient c
        new SGD(List.of(p), 0.5).step();
        assertThat(p.value()).isSameAs(transposed);
        assertThat(p.value().to2DArray()).isEqualTo(new double[][] {{0.5, 4}, {2, 4}, {1.5, 6}});
        assertThat(storage.to2DArray()).as("written through the view")
                .isEqualTo(new double[][] {{0.5, 2, 1.5}, {4, 4, 6}});
    }

    @Test
    void updatesAMatrixAndAScalarParameter() {
        Parameter w = new Parameter(Tensor.of(new double[][] {{1, 2}, {3, 4}}));
        Parameter b = new Parameter(Tensor.of(1.5));
        Variable loss = w.mul(Variable.of(Tensor.of(new double[][] {{1, -1}, {2, -2}}))).sum().add(b.mul(4));
        loss.backward();
        Optimizer adam = new Adam(List.of(w, b), 0.1);
        adam.step();
        // Adam's first step moves every element by α·g/(|g| + ε)
        double[][] expected = {{1 - 0.1 / (1 + 1e-8), 2 + 0.1 / (1 + 1e-8)},
                               {3 - 0.1 * 2 / (2 + 1e-8), 4 + 0.1 * 2 / (2 + 1e-8)}};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(w.value().get(i, j)).isCloseTo(expected[i][j], within(1e-12));
            }
        }
        assertThat(b.value().item()).isCloseTo(1.5 - 0.1 * 4 / (4 + 1e-8), within(1e-12));
        assertThat(b.value().rank()).isZero();
    }

    @Test
    void theParameterKeepsItsValueTensor() {
        Tensor value = Tensor.of(new double[] {1, 2});
        Parameter p = new Parameter(value);
        p.mul(2).sum().backward();
        new RMSprop(List.of(p)).step();
        assertThat(p.value()).isSameAs(value);            // updated in place, not replaced
        assertThat(value.get(0)).isLessThan(1);
    }

    /** Keeps the arrays it is handed, to see what writing into them later does. */
    private static final class KeepingOptimizer extends ElementwiseOptimizer {
        double[] keptValues;
        double[] keptGradient;

        KeepingOptimizer(Parameter parameter) {
            super(List.of(parameter), 1.0);
        }

        @Override
        protected void updateParameter(int index, double[] p, double[] g) {
            keptValues = p;
            keptGradient = g;
            p[0] = 10;
        }
    }

    @Test
    void theRuleWorksOnCopiesThatStepCopiesBack() {
        Tensor value = Tensor.of(new double[] {1, 2});
        Parameter p = new Parameter(value);
        p.mul(3).sum().backward();
        KeepingOptimizer optimizer = new KeepingOptimizer(p);
        optimizer.step();
        assertThat(value.toDoubleArray()).as("written into p, copied back").containsExactly(10, 2);
        optimizer.keptValues[1] = -1;
        optimizer.keptGradient[0] = -1;
        assertThat(value.toDoubleArray()).as("p after the step is a detached copy").containsExactly(10, 2);
        assertThat(p.grad().toDoubleArray()).as("g is a copy").containsExactly(3, 3);
    }
}
