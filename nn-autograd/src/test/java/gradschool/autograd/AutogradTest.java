package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.functions.Mul;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backward pass: accumulation, shapes, order, seeds, the functional form, retained grads, listeners. */
class AutogradTest {

    @Test
    void aVariableUsedTwiceReceivesTheSumOfBothPaths() {
        Variable x = Variable.requiringGrad(3.0).named("x");
        Variable y = x.mul(x).add(x); // y = x² + x, dy/dx = 2x + 1 = 7
        y.backward();

        assertThat(x.grad().item()).isCloseTo(7.0, within(1e-12));
    }

    @Test
    void repeatedBackwardPassesAddUpUntilZeroGrad() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {1, 2}));
        Variable y = x.mul(x).sum(); // dy/dx = 2x = [2, 4]

        y.backward();
        y.backward();
        y.backward();
        assertThat(x.grad().to1DArray()).containsExactly(6.0, 12.0);

        x.zeroGrad();
        assertThat(x.grad()).isNull();
        y.backward();
        assertThat(x.grad().to1DArray()).containsExactly(2.0, 4.0);
    }

    @Test
    void leafGradientsHaveExactlyTheLeafsShapeEvenWhenBroadcast() {
        Variable w = Variable.requiringGrad(Tensor.ones(2, 3));
        Variable rowBias = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3}));     // (3,)
        Variable columnBias = Variable.requiringGrad(Tensor.ones(2, 1));                   // (2, 1)
        Variable scalar = Variable.requiringGrad(2.0);                                    // ()
        Variable y = w.add(rowBias).add(columnBias).mul(scalar).sum();
        y.backward();

        assertThat(w.grad().shape()).isEqualTo(Shape.of(2, 3));
        assertThat(rowBias.grad().shape()).isEqualTo(Shape.of(3));
        assertThat(columnBias.grad().shape()).isEqualTo(Shape.of(2, 1));
        assertThat(scalar.grad().shape()).isEqualTo(Shape.of());
        assertThat(rowBias.grad().to1DArray()).containsExactly(4.0, 4.0, 4.0); // 2 rows × scalar 2
        assertThat(columnBias.grad().to2DArray()).isDeepEqualTo(new double[][] {{6.0}, {6.0}});
        // d/ds Σ (w + r + c)·s = Σ (w + r + c) = Σ_rows (1+1 + 1+2 + 1+3 ... ) computed directly:
        double expected = w.value().add(rowBias.value()).add(columnBias.value()).sum().item();
        assertThat(scalar.grad().item()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void topologicalOrderIsDeterministicInputsBeforeOutputsInArgumentOrder() {
        Variable a = Variable.requiringGrad(1.0).named("a");
        Variable b = Variable.requiringGrad(2.0).named("b");
        Variable c = a.mul(b).named("c");
        Variable d = a.add(c).named("d");
        Variable e = d.mul(b).named("e");

        List<Variable> order = Autograd.topologicalOrder(List.of(e));

        assertThat(order).extracting(Variable::name).containsExactly("a", "b", "c", "d", "e");
        assertThat(Autograd.topologicalOrder(List.of(e))).containsExactlyElementsOf(order);
    }

    @Test
    void backwardOnANonScalarSaysToPassASeed() {
        Variable x = Variable.requiringGrad(Tensor.ones(2, 3));
        Variable y = x.mul(2);

        assertThatThrownBy(y::backward)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3)")
                .hasMessageContaining("seed");
    }

    @Test
    void aSeedOfTheWrongShapeIsRejected() {
        Variable x = Variable.requiringGrad(Tensor.ones(2, 3));
        Variable y = x.mul(2);

        assertThatThrownBy(() -> y.backward(Tensor.ones(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed")
                .hasMessageContaining("(3, 2)")
                .hasMessageContaining("(2, 3)");
    }

    @Test
    void backwardWithASeedScalesTheGradient() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3}));
        Variable y = x.mul(x); // dy_i/dx_i = 2x_i
        y.backward(Tensor.of(new double[] {1, 10, 100}));

        assertThat(x.grad().to1DArray()).containsExactly(2.0, 40.0, 600.0);
    }

    @Test
    void backwardOnAVariableWithoutGradientHistoryFails() {
        Variable data = Variable.of(2.0);

        assertThatThrownBy(() -> data.mul(3).backward())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not require grad");
    }

    @Test
    void leafGradientsAreTheirOwnTensors() {
        Variable a = Variable.requiringGrad(Tensor.of(new double[] {1, 2}));
        Variable b = Variable.requiringGrad(Tensor.of(new double[] {3, 4}));
        Tensor seed = Tensor.of(new double[] {1, 1});
        a.add(b).backward(seed);

        a.grad().mulInPlace(10); // e.g. an optimizer scaling one gradient in place
        assertThat(b.grad().to1DArray()).containsExactly(1.0, 1.0);
        assertThat(seed.to1DArray()).containsExactly(1.0, 1.0);
    }

    @Test
    void gradDoesNotTouchDotGradAndGivesZerosForUnusedInputs() {
        Variable x = Variable.requiringGrad(2.0);
        Variable unused = Variable.requiringGrad(Tensor.ones(2, 2));
        Variable y = x.pow(3);

        List<Variable> grads = Autograd.grad(y, List.of(x, unused), false);

        assertThat(grads.get(0).item()).isCloseTo(12.0, within(1e-12)); // 3x²
        assertThat(grads.get(0).requiresGrad()).isFalse();
        assertThat(grads.get(1).value()).isEqualTo(Tensor.zeros(2, 2));
        assertThat(x.grad()).isNull();
        assertThat(unused.grad()).isNull();
    }

    @Test
    void gradWithCreateGraphGivesTheSecondDerivative() {
        for (double value : new double[] {-1.5, 0.5, 2.0}) {
            Variable x = Variable.requiringGrad(value);
            Variable y = x.pow(3);

            Variable dydx = Autograd.grad(y, List.of(x), true).get(0);          // 3x²
            Variable d2ydx2 = Autograd.grad(dydx, List.of(x), false).get(0);    // 6x

            assertThat(dydx.item()).isCloseTo(3 * value * value, within(1e-12));
            assertThat(dydx.requiresGrad()).isTrue();
            assertThat(d2ydx2.item()).isCloseTo(6 * value, within(1e-12));
            assertThat(x.grad()).isNull();
        }
    }

    @Test
    void backwardCreatingGraphLetsTheGradientBeDifferentiatedAgain() {
        Variable x = Variable.requiringGrad(2.0);
        x.pow(3).backwardCreatingGraph(Tensor.of(1.0));
        Variable dydx = x.gradVariable();
        x.zeroGrad();
        dydx.backward();

        assertThat(dydx.item()).isCloseTo(12.0, within(1e-12));
        assertThat(x.grad().item()).isCloseTo(12.0, within(1e-12)); // 6x
    }

    @Test
    void retainGradKeepsAnIntermediateGradient() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {1, -2}));
        Variable hidden = x.mul(3).retainGrad();
        Variable notRetained = hidden.relu();
        notRetained.sum().backward();

        assertThat(hidden.grad().to1DArray()).containsExactly(1.0, 0.0);
        assertThat(notRetained.grad()).isNull();
        assertThat(x.grad().to1DArray()).containsExactly(3.0, 0.0);
    }

    @Test
    void aListenerIsToldEveryStepInOrder() {
        Variable a = Variable.requiringGrad(2.0).named("a");
        Variable b = Variable.requiringGrad(5.0).named("b");
        Variable product = a.mul(b);
        Variable loss = product.add(a);
        List<BackwardStep> steps = new ArrayList<>();
        try (var listening = Autograd.listen(steps::add)) {
            loss.backward();
        }
        loss.backward(); // after the scope closes, nothing more is reported

        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).index()).isZero();
        assertThat(steps.get(0).output()).isSameAs(loss);
        assertThat(steps.get(0).function().name()).isEqualTo("Add");
        assertThat(steps.get(1).output()).isSameAs(product);
        assertThat(steps.get(1).gradOutput().item()).isEqualTo(1.0);
        assertThat(steps.get(1).inputGradients().get(0).item()).isEqualTo(5.0); // g·b
        assertThat(steps.get(1).inputGradients().get(1).item()).isEqualTo(2.0); // g·a
        assertThat(steps.get(1).accumulated().get(0).item()).isEqualTo(6.0);   // 1 from Add + 5
        assertThat(steps.get(1).toString()).startsWith("step 1: Mul");
    }

    @Test
    void gradientsHaveACreationSiteOnlyWhenSitesAreRecorded() {
        Variable x = Variable.requiringGrad(2.0);
        x.mul(x).backward();
        Variable z = Variable.requiringGrad(2.0);
        z.mul(z).backwardCreatingGraph(Tensor.of(1.0));
        assertThat(x.gradVariable().creationSite()).isNull();  // no stack walk spent on it
        assertThat(z.gradVariable().creationSite()).isNull();  // a graph, but nobody asked for sites

        Variable w = Variable.requiringGrad(2.0);
        try (CreationSite.Recording sites = CreationSite.recording()) {
            w.mul(w).backwardCreatingGraph(Tensor.of(1.0));
        }
        assertThat(w.gradVariable().creationSite()).isNotNull(); // asked for: its site is recorded
        // (which line it names, from user code, is in gradschool.studentcode.CreationSiteInUserCodeTest)
    }

    @Test
    void backpropagateComputesTheGradientOfEveryVariableTheOutputDependsOn() {
        Variable x = Variable.requiringGrad(2.0);
        Variable a = Variable.requiringGrad(3.0);
        Variable data = Variable.of(5.0);
        Variable product = x.mul(a);
        Variable y = product.add(data).mul(x);  // y = (x·a + 5)·x, dy/dx = 2ax + 5 = 17, dy/da = x² = 4

        try (Gradients gradients = new Gradients()) {
            Autograd.backpropagate(List.of(y), List.of(Variable.of(1.0)), gradients);

            assertThat(gradients.get(y).item()).isEqualTo(1.0);
            assertThat(gradients.get(product).item()).isEqualTo(2.0);  // dy/d(x·a) = x
            assertThat(gradients.get(x).item()).isEqualTo(17.0);       // both paths added up
            assertThat(gradients.get(a).item()).isEqualTo(4.0);
            assertThat(gradients.get(data)).isNull();                   // no gradient wanted for data
            assertThat(gradients.reached()).doesNotContain(data).contains(x, a, product, y);
            assertThat(x.grad()).isNull();                              // the walk itself touches no .grad
        }
        try (Gradients next = new Gradients()) {
            assertThat(next.get(x)).isNull(); // a closed pass leaves nothing behind on the variables
        }
    }

    @Test
    void aBackwardPassStartedWhileAnotherWalksTheSameVariablesFailsClearly() {
        Variable x = Variable.requiringGrad(2.0).named("x");
        Variable y = x.mul(x).named("y");
        try (Autograd.ListenerScope listening = Autograd.listen(step -> Autograd.grad(y, List.of(x), false))) {
            assertThatThrownBy(y::backward)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another backward pass")
                    .hasMessageContaining("one backward pass at a time");
        }
        y.backward(); // the failed passes left nothing behind on x and y

        assertThat(x.grad().item()).isEqualTo(4.0);
    }

    @Test
    void aBackwardRuleThatThrowsLeavesNoGradientBehindForTheNextPass() {
        Variable x = Variable.requiringGrad(3.0);
        Variable broken = new Failing().apply(x.mul(2.0));
        assertThatThrownBy(broken::backward).isInstanceOf(ArithmeticException.class);

        List<Variable> dx = Autograd.grad(x.mul(x), List.of(x), false);

        assertThat(dx.get(0).item()).isEqualTo(6.0);
        assertThat(x.grad()).isNull();
    }

    @Test
    void independentBackwardPassesOnTwoThreadsGiveTheirOwnGradients() throws InterruptedException {
        Variable one = Variable.of(1.0); // data both graphs use: it takes no gradient, so no pass walks it
        double[] results = new double[2];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                Variable x = Variable.requiringGrad(index + 1.0);
                Variable y = x;
                for (int i = 0; i < 2_000; i++) {
                    y = y.mul(one).add(x); // y = 2001·x at the end
                }
                results[index] = Autograd.grad(y, List.of(x), false).get(0).item();
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(results).containsExactly(2001.0, 2001.0);
    }

    /** An op whose backward rule fails: identity forward, an exception backward. */
    private static final class Failing extends Function {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0];
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            throw new ArithmeticException("this rule always fails");
        }
    }

    @Test
    void aFunctionInstanceCannotBeAppliedTwice() {
        Variable a = Variable.requiringGrad(2.0);
        Mul mul = new Mul();
        mul.apply(a, a);

        assertThatThrownBy(() -> mul.apply(a, a))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Mul")
                .hasMessageContaining("only once");
    }

    @Test
    void aGradientHandedToSeveralInputsStaysTheSameWhenOneOfThemReceivesMore() {
        Variable x = Variable.requiringGrad(1.5).named("x");
        Variable w = Variable.requiringGrad(-0.5).named("w");
        Variable s = x.add(w);                               // Add hands one gradient to x and to w
        Variable loss = x.mul(2).add(x.mul(3)).add(s);       // s is walked first: x then gets 3 and 2 more

        loss.backward();

        assertThat(w.grad().item()).isEqualTo(1.0);          // not 6: x's later gradients went into x's own total
        assertThat(x.grad().item()).isEqualTo(6.0);
    }

    @Test
    void aListenersStepKeepsTheRunningTotalsAsTheyWereAtThatStep() {
        Variable x = Variable.requiringGrad(1.5).named("x");
        Variable loss = x.mul(2).add(x.mul(3)).add(x.mul(4)).add(x);   // x receives four gradients
        List<BackwardStep> steps = new ArrayList<>();
        List<String> totalsAtEachStep = new ArrayList<>();
        try (Autograd.ListenerScope listening = Autograd.listen(step -> {
            steps.add(step);
            totalsAtEachStep.add(step.accumulated().toString());
        })) {
            loss.backward();
        }

        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).accumulated()).as("step %s", i).hasToString(totalsAtEachStep.get(i));
        }
        assertThat(x.grad().item()).isEqualTo(10.0);
    }

    @Test
    void changingTheArgumentArrayAfterApplyDoesNotChangeTheGraph() {
        Variable a = Variable.requiringGrad(2.0).named("a");
        Variable b = Variable.requiringGrad(3.0).named("b");
        Variable[] arguments = {a, b};
        Variable product = new Mul().apply(arguments);
        arguments[1] = a;

        assertThat(product.inputs()).containsExactly(a, b);
    }

    @Test
    void backwardWithADoubleSeedOnAScalarScalesEveryGradient() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3}));
        Variable loss = x.mul(x).sum(); // dL/dx = 2x

        loss.backward(0.5);
        assertThat(x.grad().to1DArray()).containsExactly(1.0, 2.0, 3.0);
        x.zeroGrad();
        loss.backward();                 // the implicit seed is 1
        assertThat(x.grad().to1DArray()).containsExactly(2.0, 4.0, 6.0);

        Variable oneByOne = x.sum().reshape(1, 1); // one element, any shape
        oneByOne.backward(3.0);
        assertThat(x.grad().to1DArray()).containsExactly(5.0, 7.0, 9.0);
    }

    @Test
    void backwardWithADoubleSeedOnANonScalarNamesTheShapeAndTheRule() {
        Variable y = Variable.requiringGrad(Tensor.ones(2, 3)).mul(2);

        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call
                : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(y::backward, () -> y.backward(2.0))) {
            assertThatThrownBy(call)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("backward: ")
                    .hasMessageContaining("only for a one-element output")
                    .hasMessageContaining("shape (2, 3) (6 elements)")
                    .hasMessageContaining("seed tensor of shape (2, 3)");
        }
    }

    @Test
    void topologicalOrderOfADiamondListsTheSharedInputOnceBeforeBothOfItsUsers() throws Exception {
        // x feeds y along two paths: y = 3x + e^x
        Variable x = Variable.requiringGrad(2.0).named("x");
        Variable a = x.mul(3).named("a");
        Variable b = x.exp().named("b");
        Variable y = a.add(b).named("y");

        List<Variable> order = Autograd.topologicalOrder(y);

        assertThat(Autograd.class.getMethod("topologicalOrder", Variable.class).getModifiers()
                & java.lang.reflect.Modifier.PUBLIC).isNotZero();
        assertThat(order).extracting(Variable::name).containsExactly("x", "a", "b", "y");
        // reversed, it is the order in which backward visits the ops
        List<String> visited = new ArrayList<>();
        try (Autograd.ListenerScope scope = Autograd.listen(step -> visited.add(step.output().name()))) {
            y.backward();
        }
        assertThat(visited).containsExactly("y", "b", "a");
        assertThat(x.grad().item()).isCloseTo(3 + Math.exp(2), within(1e-12));
        assertThatThrownBy(() -> Autograd.topologicalOrder((Variable) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topologicalOrder");
    }

    @Test
    void gradIsNullAfterZeroGradAndGradOrZerosGivesZerosOfTheShape() {
        Variable w = Variable.requiringGrad(Tensor.ones(2, 3));
        assertThat(w.grad()).isNull();
        assertThat(w.gradOrZeros()).isEqualTo(Tensor.zeros(2, 3));

        w.mul(4).sum().backward();
        assertThat(w.gradOrZeros()).isEqualTo(Tensor.full(w.shape(), 4.0)).isSameAs(w.grad());

        w.zeroGrad();
        assertThat(w.grad()).isNull();   // as PyTorch's .grad is None after zero_grad()
        Tensor zeros = w.gradOrZeros();
        assertThat(zeros).isEqualTo(Tensor.zeros(2, 3));
        zeros.fill(1);                   // a fresh tensor: writing into it sets no gradient
        assertThat(w.grad()).isNull();
    }
}
