package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.core.Tensor;
import gradschool.studentcode.StudentProgram;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests of the gradient checker itself: a checker that always said "passed" would make every
 * gradient property in this module worthless, so here it must catch wrong ops, say which op and
 * which element, and leave its inputs alone.
 */
class GradCheckTest {

    /** {@code y = x³} with the right derivative {@code 3x²}. */
    static final class Cube extends Function {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].pow(3);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Variable x = input(0);
            return grads(gradOutput.mul(x.mul(x)).mul(3));
        }
    }

    /** {@code y = x³} with a wrong derivative, {@code 2x} — the mistake a gradient check is for. */
    static final class WrongCube extends Function {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].pow(3);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput.mul(input(0)).mul(2));
        }
    }

    /** {@code y = x³} whose derivative is right in value but computed from constants: no history. */
    static final class FlatCube extends Function {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].pow(3);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput.mul(Variable.of(input(0).value().pow(2).mul(3))));
        }
    }

    /** {@code y = x³} with a derivative off by one part in a thousand. */
    static final class SlightlyWrongCube extends Function {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].pow(3);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Variable x = input(0);
            return grads(gradOutput.mul(x.mul(x)).mul(3 * 1.001));
        }
    }

    private static final Tensor X = Tensor.of(new double[][] {{0.5, -1.2, 2.0}, {1.0, 0.3, -0.7}});

    @Test
    void aCorrectCustomOpPasses() {
        GradCheck.Report report = GradCheck.check(xs -> new Cube().apply(xs.get(0)), X);

        assertThat(report.passed()).isTrue();
        assertThat(report.checkedElements()).isEqualTo(6);
        assertThat(report.assertPassed()).isSameAs(report);
        assertThat(report.toString()).startsWith("gradient check passed");
    }

    @Test
    void aWrongCustomOpFailsAndTheReportNamesItAndTheWorstElement() {
        Tensor x = Tensor.of(new double[] {1, 2, 3});
        GradCheck.Report report = GradCheck.check(xs -> new WrongCube().apply(xs.get(0)).sum(), x);

        assertThat(report.passed()).isFalse();
        assertThat(report.checkedElements()).isEqualTo(3);
        // The worst element is x = 3: autograd says 2·3 = 6, finite differences 3·3² = 27, both times
        // the checker's random seed s for the one output element, so their ratio is 6/27.
        assertThat(report.worstAnalytic() / report.worstNumeric()).isCloseTo(6.0 / 27.0, within(1e-6));
        assertThat(report.toString())
                .contains("FAILED")
                .contains("WrongCube")
                .contains("input 0, element 2")
                .contains("analytic " + report.worstAnalytic())
                .contains("numeric " + report.worstNumeric());
    }

    @Test
    void assertPassedThrowsAnAssertionErrorOnFailure() {
        GradCheck.Report report = GradCheck.check(xs -> new WrongCube().apply(xs.get(0)), X);

        assertThatThrownBy(report::assertPassed)
                .isInstanceOf(AssertionError.class)
                .hasMessage(report.toString())
                .hasMessageContaining("WrongCube");
    }

    @Test
    void aWrongOpFailsEvenWhenOtherInputsAreFine() {
        Tensor y = Tensor.of(new double[] {0.4, -0.9, 1.5});
        GradCheck.Report report = GradCheck.check(
                xs -> xs.get(0).mul(xs.get(1)).add(new WrongCube().apply(xs.get(1))), y, y.add(1.0));

        assertThat(report.passed()).isFalse();
        assertThat(report.toString()).contains("input 1").contains("WrongCube");
    }

    @Test
    void checkEachOpNamesTheWrongOpAmongCorrectOnesAndWhereItWasApplied() {
        Variable x = Variable.requiringGrad(X).named("x");
        Variable w = Variable.requiringGrad(Tensor.of(new double[] {0.3, -0.2, 0.9})).named("w");
        Variable hidden = x.mul(w).tanh();
        Variable cubed;
        try (CreationSite.Recording sites = CreationSite.recording()) {
            cubed = StudentProgram.callInto(() -> new WrongCube().apply(hidden)); // applied in user code
        }
        Variable loss = cubed.add(x.relu()).sum();

        GradCheck.Report report = GradCheck.defaults().checkEachOp(loss);

        assertThat(report.passed()).isFalse();
        assertThat(cubed.creationSite()).isNotNull();
        assertThat(cubed.creationSite().className()).isEqualTo(StudentProgram.class.getName());
        assertThat(report.label())
                .startsWith("WrongCube")
                .contains("applied at " + cubed.creationSite())
                .contains("StudentProgram.callInto(StudentProgram.java:");
        assertThatThrownBy(report::assertPassed).hasMessageContaining("WrongCube applied at StudentProgram.callInto(");
    }

    @Test
    void checkGradientsNamesTheLineOfTheWrongOpWithoutTheCallerRecordingSites() {
        assertThat(CreationSite.isRecording()).isFalse();

        GradCheck.Report report = GradCheck.check(
                xs -> StudentProgram.callInto(() -> new WrongCube().apply(xs.get(0))), X); // f applies it in user code

        assertThat(report.label())
                .startsWith("f, whose op WrongCube applied at StudentProgram.callInto(StudentProgram.java:")
                .endsWith("fails its own check");
        assertThat(CreationSite.isRecording()).isFalse(); // the check's own recording scope is closed again
    }

    @Test
    void checkEachOpOnAGraphBuiltWithoutRecordingSaysHowToSeeWhereTheOpWasApplied() {
        Variable x = Variable.requiringGrad(X);
        Variable cubed = StudentProgram.callInto(() -> new WrongCube().apply(x));

        GradCheck.Report report = GradCheck.defaults().checkEachOp(cubed.sum());

        assertThat(cubed.creationSite()).isNull();
        assertThat(report.passed()).isFalse();
        assertThat(report.label()).isEqualTo(
                "WrongCube (to see where it was applied, build the graph inside CreationSite.recording())");
    }

    @Test
    void aReportIsAValueRecord() {
        GradCheck.Report report = new GradCheck.Report("Cube", false, 27, 12.0, 27.0, 0, 3);

        assertThat(report).isEqualTo(new GradCheck.Report("Cube", false, 27, 12.0, 27.0, 0, 3));
        assertThat(report.toString()).isEqualTo(
                "gradient check FAILED for Cube: worst at input 0, element 3: analytic 12.0, numeric 27.0 (27 elements checked)");
    }

    @Test
    void checkEachOpPassesOnACorrectGraphAndLeavesItUsable() {
        Variable x = Variable.requiringGrad(X);
        Variable w = Variable.requiringGrad(Tensor.of(new double[][] {{0.3, -0.2}, {0.9, 0.1}, {-0.5, 0.7}}));
        Variable loss = new Cube().apply(x.matmul(w).tanh()).add(x.sum(1, true).relu()).max(1, false).sum();

        GradCheck.Report report = GradCheck.defaults().checkEachOp(loss);

        assertThat(report.passed()).isTrue();
        assertThat(report.checkedElements()).isPositive();
        // Re-running the ops' forward rules must not have changed what they saved for backward.
        loss.backward();
        Variable freshX = Variable.requiringGrad(X);
        Variable freshW = Variable.requiringGrad(w.value());
        new Cube().apply(freshX.matmul(freshW).tanh()).add(freshX.sum(1, true).relu()).max(1, false).sum().backward();
        assertThat(x.grad()).isEqualTo(freshX.grad());
        assertThat(w.grad()).isEqualTo(freshW.grad());
    }

    @Test
    void checkDoesNotModifyItsInputsEvenWhenTheyAreViews() {
        Tensor base = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}).mul(0.3);
        Tensor transposed = base.transpose();                 // non-contiguous view
        Tensor stepped = base.slice(1, 0, 3, 2);              // every other column
        Tensor baseBefore = base.copy();
        Tensor otherBefore = X.copy();

        GradCheck.check(xs -> xs.get(0).tanh().sum(1, false).mul(xs.get(1).sum()), transposed, X).assertPassed();
        GradCheck.check(xs -> new WrongCube().apply(xs.get(0)), stepped);
        GradCheck.checkSecondOrder(xs -> xs.get(0).matmul(xs.get(1)).sigmoid(), transposed, base).assertPassed();

        assertThat(base).isEqualTo(baseBefore);
        assertThat(X).isEqualTo(otherBefore);
        assertThat(transposed).isEqualTo(baseBefore.transpose());
        assertThat(stepped).isEqualTo(baseBefore.slice(1, 0, 3, 2));
    }

    @Test
    void checkEachOpDoesNotModifyTheGraphValues() {
        Tensor value = X.copy();
        Variable x = Variable.requiringGrad(value);
        Variable y = x.exp().mul(x);

        GradCheck.defaults().checkEachOp(y.sum()).assertPassed();

        assertThat(x.value()).isEqualTo(X);
        assertThat(y.value()).isEqualTo(X.exp().mul(X));
    }

    @Test
    void secondOrderCheckCatchesABackwardRuleThatCannotBeDifferentiatedAgain() {
        Tensor x = Tensor.of(new double[] {0.5, -1.5, 2.0});
        // the values of the gradient are right...
        GradCheck.check(xs -> new FlatCube().apply(xs.get(0)), x).assertPassed();
        // ...but built from constants, so its own derivative (6x) is lost.
        GradCheck.Report report = GradCheck.checkSecondOrder(xs -> new FlatCube().apply(xs.get(0)), x);
        assertThat(report.passed()).isFalse();
        assertThat(report.worstAnalytic()).isEqualTo(0.0);

        GradCheck.checkSecondOrder(xs -> new Cube().apply(xs.get(0)), x).assertPassed();
    }

    @Test
    void secondOrderCheckOfALinearFunctionPasses() {
        GradCheck.checkSecondOrder(xs -> xs.get(0).mul(2).sub(xs.get(1)).sum(0, false), X, X.neg()).assertPassed();
    }

    @Test
    void tolerancesDecideHowWrongIsTooWrong() {
        GradCheck.Fn f = xs -> new SlightlyWrongCube().apply(xs.get(0));

        assertThat(GradCheck.check(f, X).passed()).isFalse();
        assertThat(GradCheck.withTolerances(1e-6, 1e-2, 1e-7).checkGradients(f, X).passed()).isTrue();
        assertThat(GradCheck.withTolerances(1e-6, 1e-4, 1e-7).checkGradients(f, X).passed()).isFalse();
    }

    @Test
    void theSecondDerivativeOfCubeIsSixX() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {-1, 0.5, 2}));
        Variable dy = Autograd.grad(new Cube().apply(x).sum(), List.of(x), true).get(0);
        Variable d2y = Autograd.grad(dy.sum(), List.of(x), false).get(0);
        assertThat(d2y.value()).isEqualTo(Tensor.of(new double[] {-6, 3, 12}));
    }

    @org.junit.jupiter.api.Test
    void checkEachOpOnACorrectGraphCountsTheOpsItChecked() {
        Variable x = Variable.requiringGrad(gradschool.core.Tensor.of(new double[] {0.3, -0.7}));
        Variable y = x.tanh().mul(x).sum();   // three ops: Tanh, Mul, Sum
        GradCheck.Report report = GradCheck.defaults().checkEachOp(y);
        org.assertj.core.api.Assertions.assertThat(report.passed()).isTrue();
        org.assertj.core.api.Assertions.assertThat(report.label()).isEqualTo("each of the 3 ops on its own");
        org.assertj.core.api.Assertions.assertThat(report.checkedElements()).isEqualTo(2 + 2 + 2 + 2);
    }

    @Test
    void numericalGradientMatchesKnownDerivativesAtANonContiguousPointAndLeavesItUnchanged() {
        Tensor base = Tensor.of(new double[][] {{0.5, -1.0, 2.0}, {1.5, 0.25, -0.75}});
        Tensor x = base.transpose();                                  // (3, 2), a non-contiguous view
        Tensor baseBefore = base.copy();

        // f(x) = Σ x³ + x[0, 1]·x[2, 0]: df/dx = 3x², plus the other factor at those two elements
        Tensor gradient = GradCheck.numericalGradient(
                t -> t.pow(3).sum().item() + t.get(0, 1) * t.get(2, 0), x, GradCheck.DEFAULT_EPSILON);

        Tensor expected = x.pow(2).mul(3);
        expected.setInPlace(expected.get(0, 1) + x.get(2, 0), 0, 1);
        expected.setInPlace(expected.get(2, 0) + x.get(0, 1), 2, 0);
        assertThat(gradient.shape()).isEqualTo(x.shape());
        double[] got = gradient.toDoubleArray();
        double[] want = expected.toDoubleArray();
        for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).as("element %d", i).isCloseTo(want[i], within(1e-8));
        }
        assertThat(base).isEqualTo(baseBefore);
        assertThat(x).isEqualTo(baseBefore.transpose());

        // sin' = cos, at a broadcast (expanded) point whose elements share storage
        Tensor shared = Tensor.of(new double[] {0.3, 1.1}).expand(2, 2);
        Tensor cosine = GradCheck.numericalGradient(t -> t.sin().sum().item(), shared, 1e-5);
        assertThat(cosine.to2DArray()[1][0]).isCloseTo(Math.cos(0.3), within(1e-9));
        assertThat(cosine.to2DArray()[0][1]).isCloseTo(Math.cos(1.1), within(1e-9));
    }

    @Test
    void numericalGradientRejectsABadStepOrNullArguments() {
        Tensor x = Tensor.ones(2);
        assertThatThrownBy(() -> GradCheck.numericalGradient(t -> t.sum().item(), x, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numericalGradient")
                .hasMessageContaining("epsilon").hasMessageContaining("0.0");
        assertThatThrownBy(() -> GradCheck.numericalGradient(t -> t.sum().item(), x, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> GradCheck.numericalGradient(null, x, 1e-6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("function f");
        assertThatThrownBy(() -> GradCheck.numericalGradient(t -> 0.0, null, 1e-6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point x");
    }
}
