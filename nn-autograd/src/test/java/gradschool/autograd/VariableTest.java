package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Variable: what a student sees when hovering in a debugger. */
class VariableTest {

    @Test
    void aLeafPrintsItsNameShapeAndGradState() {
        Variable w = Variable.requiringGrad(Tensor.of(new double[][] {{1, 2}, {3, 4}})).named("W1");

        assertThat(w.toString()).isEqualTo("Variable W1 (2, 2) = leaf, requires grad, grad none, value [[1. 2.] [3. 4.]]");
        w.sum().backward();
        assertThat(w.toString()).startsWith("Variable W1 (2, 2) = leaf, requires grad, grad (2, 2)");
    }

    @Test
    void aResultPrintsItsOpAndInputs() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[][] {{-1, 2}})).named("x");
        Variable b = Variable.of(Tensor.of(new double[] {1, 1}));
        Variable z = x.add(b).relu();

        assertThat(z.toString()).isEqualTo("Variable (1, 2) = ReLU(Add), grad none, value [[0. 3.]]");
        assertThat(x.add(b).named("z").toString()).isEqualTo("Variable z (1, 2) = Add(x, leaf(2,)), grad none, value [[0. 3.]]");
    }

    @Test
    void aConstantMadeByAScalarOverloadPrintsAsItsValueNotAsALeaf() {
        Variable x = Variable.requiringGrad(3.0).named("x");
        Variable y = x.mul(2.0);

        assertThat(y.toString()).isEqualTo("Variable () = Mul(x, const 2.0), grad none, value 6.0");
        assertThat(y.inputs().get(1).isConstant()).isTrue();
        assertThat(y.inputs().get(1).toString()).isEqualTo("Variable () = const 2.0");
        assertThat(x.add(1.5).rsub(1.0).toString()).isEqualTo("Variable () = Sub(const 1.0, Add), grad none, value -3.5");
        assertThat(x.div(4.0).toString()).contains("Div(x, const 4.0)");
        assertThat(x.rdiv(4.0).toString()).contains("Div(const 4.0, x)");
        assertThat(x.sub(1.0).toString()).contains("Sub(x, const 1.0)");
        assertThat(x.maximum(0.0).toString()).contains("Maximum(x, const 0.0)");
        assertThat(x.minimum(0.0).toString()).contains("Minimum(x, const 0.0)");
    }

    @Test
    void aLargerConstantShowsItsShapeAndLeavesAndNamesStayAsTheyWere() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3})).named("x");
        Variable c = Variable.constant(Tensor.of(new double[] {1, 1, 1}));

        assertThat(x.add(c).toString()).startsWith("Variable (3,) = Add(x, const (3,))");
        assertThat(c.toString()).isEqualTo("Variable (3,) = const, value [1. 1. 1.]");
        assertThat(x.add(Variable.constant(2.0).named("two")).toString()).startsWith("Variable (3,) = Add(x, two)");
        Variable data = Variable.of(2.0);                                   // data you made: still a leaf
        assertThat(data.isConstant()).isFalse();
        assertThat(x.mul(data).toString()).startsWith("Variable (3,) = Mul(x, leaf())");
        assertThat(x.isConstant()).isFalse();
        assertThat(x.mul(2.0).isConstant()).isFalse();
    }

    @Test
    void aGradientWithAHistoryShowsTheExponentAsAConstant() { // as docs/second-order.md shows it
        Variable x = Variable.requiringGrad(3.0).named("x");
        Variable dydx = Autograd.grad(x.pow(3), List.of(x), true).get(0);

        assertThat(dydx.toString()).isEqualTo("Variable () = Mul(Mul, const 3.0), grad none, value 27.0");
    }

    @Test
    void dataWithoutGradientSaysSoAndLargeValuesAreNotPrinted() {
        Variable data = Variable.of(Tensor.zeros(4, 4));

        assertThat(data.toString()).isEqualTo("Variable (4, 4) = leaf");
    }

    @Test
    void aCreationSiteIsRecordedOnlyInsideARecordingScope() {
        assertThat(Variable.of(1.0).creationSite()).isNull();
        try (CreationSite.Recording sites = CreationSite.recording()) {
            assertThat(Variable.of(1.0).creationSite()).isNotNull();
        }
        assertThat(Variable.of(1.0).creationSite()).isNull();
    }

    @Test
    void accessorsDescribeTheNode() {
        Variable a = Variable.requiringGrad(Tensor.ones(2, 3));
        Variable s = a.sum(1, false);

        assertThat(s.shape().toArray()).containsExactly(2);
        assertThat(s.rank()).isEqualTo(1);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.isLeaf()).isFalse();
        assertThat(s.inputs()).containsExactly(a);
        assertThat(a.inputs()).isEmpty();
        assertThat(s.function().toString()).contains("Sum");
        assertThat(a.sum().item()).isEqualTo(6.0);
    }

    @Test
    void itemOfAMultiElementVariableFails() {
        Variable a = Variable.of(Tensor.ones(2));

        assertThatThrownBy(a::item).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void axisFormsWithoutKeepDimsDropTheAxisLikeTorchSumDim() {
        Variable x = Variable.requiringGrad(Tensor.arange(6).reshape(2, 3));
        for (int axis = -2; axis < 2; axis++) {
            assertThat(x.sum(axis).value()).isEqualTo(x.sum(axis, false).value());
            assertThat(x.mean(axis).value()).isEqualTo(x.mean(axis, false).value());
            assertThat(x.max(axis).value()).isEqualTo(x.max(axis, false).value());
            assertThat(x.min(axis).value()).isEqualTo(x.min(axis, false).value());
            assertThat(x.variance(axis).value()).isEqualTo(x.variance(axis, false).value());
            assertThat(x.logSumExp(axis).value()).isEqualTo(x.logSumExp(axis, false).value());
            assertThat(x.sum(axis).rank()).isEqualTo(1);
        }
        assertThat(x.sum(1).value().to1DArray()).containsExactly(3.0, 12.0);
        x.mean(0).sum().backward();      // d/dx of Σ_j mean_i x_ij = 1/2 everywhere
        assertThat(x.grad()).isEqualTo(Tensor.full(x.shape(), 0.5));
    }

    @Test
    void concatAndStackTakeTheVariablesFirstAndTheAxisLastLikeTorchCat() {
        for (java.lang.reflect.Method method : Variable.class.getMethods()) {
            if (method.getName().equals("concat") || method.getName().equals("stack")) {
                assertThat(method.getParameterTypes()).as("Variable.%s takes (variables, axis)", method.getName())
                        .containsExactly(List.class, int.class);
            }
        }
        Variable a = Variable.requiringGrad(Tensor.of(new double[] {1, 2}));
        Variable b = Variable.requiringGrad(Tensor.of(new double[] {3}));
        assertThat(Variable.concat(List.of(a, b), 0).value().to1DArray()).containsExactly(1.0, 2.0, 3.0);
        assertThat(Variable.stack(List.of(a, a), -1).shape().toArray()).containsExactly(2, 2);
        assertThatThrownBy(() -> Variable.concat(java.util.Arrays.asList(a, null), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("concat: variable 1 of 2 is null");
    }

    @Test
    void sinAndCosHaveTheDerivativesCosAndMinusSin() {
        Tensor at = Tensor.of(new double[] {-1.2, 0, 0.5, 2});
        Variable x = Variable.requiringGrad(at);
        x.sin().sum().backward();
        assertThat(x.grad()).isEqualTo(at.cos());
        x.zeroGrad();
        x.cos().sum().backward();
        assertThat(x.grad()).isEqualTo(at.sin().neg());
        assertThat(x.sin().function().derivativeRule().gradients()).containsExactly("g ⊙ cos x");
        assertThat(x.cos().function().derivativeRule().gradients()).containsExactly("−g ⊙ sin x");
    }
}
