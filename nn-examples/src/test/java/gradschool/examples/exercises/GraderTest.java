package gradschool.examples.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.Autograd;
import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader's diagnoses: one deliberately wrong backward rule per kind of mistake, each of which
 * must get its own verdict; and rules that delegate to gradschool's own ops, which must pass.
 */
class GraderTest {

    private static Verdict grade(String exercise, Class<?> student) {
        return Grader.grade(Exercises.named(exercise).orElseThrow(), student);
    }

    private static String text(Verdict verdict) {
        return String.join("\n", verdict.details());
    }

    // ---------------------------------------------------------------- gradschool's own ops pass

    /** Any one-output op, differentiated by gradschool's own backward rules, as an exercise would be. */
    abstract static class ByAutograd extends BackwardExercise {
        abstract Variable op(List<Variable> inputs);

        @Override
        protected Variable[] backward(Variable gradOutput) {
            List<Variable> inputs = new java.util.ArrayList<>();
            for (int i = 0; ; i++) {
                try {
                    inputs.add(input(i));
                } catch (IndexOutOfBoundsException e) {
                    break;
                }
            }
            List<Variable> fresh = inputs.stream().map(v -> Variable.requiringGrad(v.value())).toList();
            Variable output;
            try (GradMode.Scope on = GradMode.on()) {
                output = op(fresh);
            }
            return Autograd.grad(List.of(output), fresh, List.of(gradOutput.value()), false).toArray(Variable[]::new);
        }
    }

    public static final class OwnMul extends ByAutograd {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(x[1]);
        }

        @Override
        Variable op(List<Variable> x) {
            return x.get(0).mul(x.get(1));
        }
    }

    public static final class OwnMatMul extends ByAutograd {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].matmul(x[1]);
        }

        @Override
        Variable op(List<Variable> x) {
            return x.get(0).matmul(x.get(1));
        }
    }

    @Test
    void gradschoolsOwnOpsPassToFirstOrder() {
        // Their rule, reached through autograd here, gives first-order gradients only (it is not
        // recorded), so these two are graded without the second-order check's verdict in the way.
        Verdict mul = grade("mul", OwnMul.class);
        Verdict matmul = grade("matmul", OwnMatMul.class);
        assertThat(mul.mistake()).as(mul.text()).isIn(Mistake.PASSED, Mistake.NOT_DIFFERENTIABLE_AGAIN);
        assertThat(matmul.mistake()).as(matmul.text()).isIn(Mistake.PASSED, Mistake.NOT_DIFFERENTIABLE_AGAIN);
        assertThat(text(mul)).contains("every gradient is right");
    }

    /** Mul's rule exactly as gradschool's Mul writes it. */
    public static final class RightMul extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput.mul(input(1)), gradOutput.mul(input(0)));
        }
    }

    @Test
    void aRightRulePassesEveryCheckAndSaysWhatWasChecked() {
        Verdict verdict = grade("mul", RightMul.class);
        assertThat(verdict.passed()).as(verdict.text()).isTrue();
        assertThat(verdict.text()).startsWith("mul: ✓ passed");
        assertThat(text(verdict)).contains("non-contiguous views").contains("GradCheck").contains("second-order");
    }

    // ---------------------------------------------------------------- one wrong rule per mistake

    public static final class DoubledMul extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput.mul(input(1)).mul(2), gradOutput.mul(input(0)).mul(2));
        }
    }

    @Test
    void aConstantFactorIsNamedWithItsValue() {
        Verdict verdict = grade("mul", DoubledMul.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.CONSTANT_FACTOR);
        assertThat(text(verdict)).contains("your dL/da is exactly 2× the true one");
    }

    public static final class MeanWithoutDividing extends BackwardExercise {
        private final int axis;
        private final boolean keepDims;

        public MeanWithoutDividing(int axis, boolean keepDims) {
            this.axis = axis;
            this.keepDims = keepDims;
        }

        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mean(axis, keepDims);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Variable x = input(0);
            Variable g = keepDims ? gradOutput : gradOutput.unsqueeze(x.shape().normalizeAxis(axis));
            return grads(g.broadcastTo(x.shape()));
        }
    }

    @Test
    void aForgottenOneOverNIsAConstantFactor() {
        Verdict verdict = grade("mean", MeanWithoutDividing.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.CONSTANT_FACTOR);
        assertThat(text(verdict)).contains("exactly 4× the true one");   // the first case averages 4 elements
    }

    public static final class DivWithWrongSign extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].div(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Variable a = input(0);
            Variable b = input(1);
            return grads(gradOutput.div(b), gradOutput.mul(a).div(b.mul(b)));   // the minus sign forgotten
        }
    }

    @Test
    void aWrongSignIsNamed() {
        Verdict verdict = grade("div", DivWithWrongSign.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.WRONG_SIGN);
        assertThat(text(verdict)).contains("your dL/db is exactly −1× the true one");
    }

    public static final class SwappedMul extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput.mul(input(0)), gradOutput.mul(input(1)));
        }
    }

    @Test
    void theGradientOfTheWrongInputIsNamed() {
        Verdict verdict = grade("mul", SwappedMul.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.OPERANDS_SWAPPED);
        assertThat(text(verdict)).contains("your dL/da equals the true dL/db");
    }

    public static final class ExpWithoutChainRule extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].exp();
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(output());
        }
    }

    @Test
    void aMissingChainRuleFactorIsFoundWithANonOnesIncomingGradient() {
        Verdict verdict = grade("exp", ExpWithoutChainRule.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.CHAIN_RULE_MISSING);
        assertThat(text(verdict)).contains("Multiply by gradOutput");
    }

    public static final class TransposedMatMul extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].matmul(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Variable a = input(0);
            Variable b = input(1);
            return grads(gradOutput.matmul(b.transpose(-1, -2)), gradOutput.transpose(-1, -2).matmul(a));   // Gᵀ·A
        }
    }

    @Test
    void aTransposedMatMulGradientIsNamed() {
        Verdict verdict = grade("matmul", TransposedMatMul.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.TRANSPOSED);
        assertThat(text(verdict)).contains("dL/dB has shape (4, 3) and is the transpose of the true gradient")
                .contains("(3, 4)");
    }

    public static final class AddWithoutSummingBack extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].add(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput, gradOutput);
        }
    }

    @Test
    void aBroadcastNotSummedBackNamesTheShapesAndTheAxis() {
        Verdict verdict = grade("add", AddWithoutSummingBack.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.BROADCAST_NOT_SUMMED);
        assertThat(text(verdict)).contains("dL/db has shape (3, 4), the output's, but b has shape (4,)")
                .contains("along axis 0").contains("sumToShape");
    }

    public static final class SigmoidOfTheInput extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].sigmoid();
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Variable x = input(0);
            return grads(gradOutput.mul(x).mul(x.rsub(1.0)));   // x(1 − x): the input where y belongs
        }
    }

    public static final class TanhOfTheOutput extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].tanh();
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Variable t = output().tanh();   // tanh applied to y, which is tanh x already
            return grads(gradOutput.mul(t.mul(t).rsub(1.0)));
        }
    }

    @Test
    void theOutputUsedWhereTheInputWasNeededIsNamed() {
        Verdict sigmoid = grade("sigmoid", SigmoidOfTheInput.class);
        assertThat(sigmoid.mistake()).isEqualTo(Mistake.OUTPUT_FOR_INPUT);
        assertThat(text(sigmoid)).contains("g ⊙ x(1 − x)");
        Verdict tanh = grade("tanh", TanhOfTheOutput.class);
        assertThat(tanh.mistake()).isEqualTo(Mistake.OUTPUT_FOR_INPUT);
        assertThat(text(tanh)).contains("you applied tanh to the output y");
    }

    public static final class ReluWithSlopeOneAtZero extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].relu();
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Tensor notNegative = input(0).value().lt(0.0).neg().add(1.0);   // [x >= 0]
            return grads(gradOutput.mul(Variable.constant(notNegative)));
        }
    }

    @Test
    void aRuleWrongOnlyAtTheKinkIsNamed() {
        Verdict verdict = grade("relu", ReluWithSlopeOneAtZero.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.WRONG_AT_KINK);
        assertThat(text(verdict)).contains("relu'(0) = 0").contains("first element that differs: dL/dx[0, 1]")
                .contains("x = 0.00000");
    }

    /** A "fast path" for contiguous tensors that is right, and a strided path that is not. */
    public static final class MulWithABrokenStridedPath extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Variable a = input(0);
            Variable b = input(1);
            if (a.value().isContiguous()) {
                return grads(gradOutput.mul(b), gradOutput.mul(a));
            }
            // The strided path reads b column by column: a row-major / column-major mix-up.
            Tensor misread = b.value().transpose().contiguous().reshape(b.shape());
            return grads(gradOutput.mul(Variable.constant(misread)), gradOutput.mul(a));
        }
    }

    public static final class MulThatThrowsOnViews extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            if (!input(1).value().isContiguous()) {
                throw new IllegalStateException("expected a contiguous tensor");
            }
            return grads(gradOutput.mul(input(1)), gradOutput.mul(input(0)));
        }
    }

    @Test
    void aRuleRightOnContiguousTensorsButWrongOnViewsIsNamed() {
        Verdict wrong = grade("mul", MulWithABrokenStridedPath.class);
        assertThat(wrong.mistake()).as(wrong.text()).isEqualTo(Mistake.WRONG_ON_VIEWS);
        assertThat(text(wrong)).contains("right on contiguous tensors");
        Verdict throwing = grade("mul", MulThatThrowsOnViews.class);
        assertThat(throwing.mistake()).isEqualTo(Mistake.WRONG_ON_VIEWS);
        assertThat(text(throwing)).contains("IllegalStateException: expected a contiguous tensor");
    }

    @Test
    void aConvolutionsBiasGradientNotSummedOverTheBatchIsABroadcastNotSummedBack(@TempDir Path dir) throws Exception {
        Exercise conv1d = Exercises.named("conv1d").orElseThrow();
        ExerciseWorkspace workspace = new ExerciseWorkspace(dir, dir.resolve("out"));
        Files.createDirectories(workspace.file(conv1d).getParent());
        String solved = ExerciseFilesTest.solved(conv1d);
        assertThat(solved).contains("gradOutput.sum(2, false).sum(0, false)");
        Files.writeString(workspace.file(conv1d), solved.replace("gradOutput.sum(2, false).sum(0, false)",
                "gradOutput.sum(2, false)"));
        Verdict verdict = workspace.check(conv1d);
        assertThat(verdict.mistake()).as(verdict.text()).isEqualTo(Mistake.BROADCAST_NOT_SUMMED);
        assertThat(text(verdict)).contains("dL/db has shape (2, 4), but b has shape (4,)")
                .contains("along axis 0");
    }

    /** Max pooling whose mask is [x = the window's max]: every tied element gets the whole gradient. */
    public static final class MaxPoolToEveryTie extends BackwardExercise {
        private final int kernel;

        public MaxPoolToEveryTie(int kernel) {
            this.kernel = kernel;
        }

        private Tensor windows(Tensor x) {
            int[] d = x.shape().toArray();
            return x.reshape(d[0], d[1], d[2] / kernel, kernel, d[3] / kernel, kernel).permute(0, 1, 2, 4, 3, 5)
                    .reshape(d[0], d[1], d[2] / kernel, d[3] / kernel, kernel * kernel);
        }

        @Override
        protected Tensor forward(Tensor... x) {
            return windows(x[0]).max(-1);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            int[] d = input(0).shape().toArray();
            Tensor windows = windows(input(0).value());
            Tensor mask = windows.eq(windows.max(-1, true));
            Variable spread = gradOutput.unsqueeze(-1).mul(Variable.constant(mask));
            return grads(spread.reshape(d[0], d[1], d[2] / kernel, d[3] / kernel, kernel, kernel)
                    .permute(0, 1, 2, 4, 3, 5).reshape(d));
        }
    }

    @Test
    void maxPoolingWrongOnlyWhereElementsTieIsNamed() {
        Verdict verdict = grade("max-pool", MaxPoolToEveryTie.class);
        assertThat(verdict.mistake()).as(verdict.text()).isEqualTo(Mistake.WRONG_AT_TIES);
        assertThat(text(verdict)).contains("FIRST maximum").contains("first element that differs: dL/dx[0, 0, 0, 3]")
                .contains("case: x (1, 1, 4, 4), constructor arguments (2) — inputs with ties");
    }

    public static final class SigmoidFromExponentials extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].sigmoid();
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Variable e = input(0).neg().exp();                       // e^−x: ∞ at x = −800
            return grads(gradOutput.mul(e).div(e.add(1.0).pow(2)));  // e^−x / (1 + e^−x)², ∞/∞ there
        }
    }

    @Test
    void nanAtExtremeInputsIsNamedWithTheInput() {
        Verdict verdict = grade("sigmoid", SigmoidFromExponentials.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.NOT_FINITE);
        assertThat(text(verdict)).contains("at extreme inputs").contains("= NaN (yours)")
                .contains("x = -800.000");
    }

    public static final class MulFromTensors extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Tensor g = gradOutput.value();
            return grads(Variable.of(g.mul(input(1).value())), Variable.of(g.mul(input(0).value())));
        }
    }

    @Test
    void aRuleComputedFromTensorsIsRightButNotDifferentiableAgain() {
        Verdict verdict = grade("mul", MulFromTensors.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.NOT_DIFFERENTIABLE_AGAIN);
        assertThat(text(verdict)).contains("Variable operations");
    }

    public static final class SoftmaxDiagonal extends BackwardExercise {
        private final int axis;

        public SoftmaxDiagonal(int axis) {
            this.axis = axis;
        }

        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].softmax(axis);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Variable y = output();
            return grads(gradOutput.mul(y).mul(y.rsub(1.0)));
        }
    }

    @Test
    void softmaxWithOnlyTheJacobiansDiagonalIsNamed() {
        Verdict verdict = grade("softmax", SoftmaxDiagonal.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.DIAGONAL_ONLY);
    }

    public static final class MulChangingItsInput extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            Tensor gradA = input(1).value().mulInPlace(1.5).mul(gradOutput.value());
            return grads(Variable.of(gradA), gradOutput.mul(input(0)));
        }
    }

    @Test
    void aRuleThatChangesAnInputInPlaceIsNamed() {
        Verdict verdict = grade("mul", MulChangingItsInput.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.CHANGED_IN_PLACE);
        assertThat(text(verdict)).contains("changed its input b in place");
    }

    public static final class MulOffByOne extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput.mul(input(1)).add(1.0), gradOutput.mul(input(0)));
        }
    }

    @Test
    void aMistakeOfNoKnownKindIsWrongValuesWithTheChapterToReadAgain() {
        Verdict verdict = grade("mul", MulOffByOne.class);
        assertThat(verdict.mistake()).isEqualTo(Mistake.WRONG_VALUES);
        assertThat(text(verdict)).contains("in no way the grader recognises").contains("docs/derivatives.md")
                .contains("first element that differs: dL/da[0, 0]");
    }

    // ---------------------------------------------------------------- the other verdicts

    public static final class MulNotDone extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            throw new NotDoneYet();
        }
    }

    public static final class MulWithOneGradient extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput.mul(input(1)));
        }
    }

    public static final class MulWithAChangedForward extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].add(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput, gradOutput);
        }
    }

    public static final class MulThatThrows extends BackwardExercise {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(x[1]);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput.matmul(input(1)), gradOutput.mul(input(0)));
        }
    }

    public static final class SumOfTheWrongShape extends BackwardExercise {
        private final int axis;
        private final boolean keepDims;

        public SumOfTheWrongShape(int axis, boolean keepDims) {
            this.axis = axis;
            this.keepDims = keepDims;
        }

        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].sum(axis, keepDims);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput);   // the output's shape, (3), for an input of shape (3, 4)
        }
    }

    @Test
    void theOtherVerdictsSayWhatToDo() {
        assertThat(grade("mul", MulNotDone.class).mistake()).isEqualTo(Mistake.NOT_STARTED);
        assertThat(text(grade("mul", MulNotDone.class))).contains("exercises/src/gradschool/exercises/MulBackward.java");
        assertThat(grade("mul", MulWithOneGradient.class).mistake()).isEqualTo(Mistake.WRONG_COUNT);
        assertThat(grade("mul", MulWithAChangedForward.class).mistake()).isEqualTo(Mistake.FORWARD_CHANGED);
        Verdict crashed = grade("mul", MulThatThrows.class);
        assertThat(crashed.mistake()).isEqualTo(Mistake.CRASHED);
        assertThat(text(crashed)).contains("IllegalArgumentException").contains("matmul");
        Verdict shape = grade("sum", SumOfTheWrongShape.class);
        assertThat(shape.mistake()).isEqualTo(Mistake.WRONG_SHAPE);
        assertThat(text(shape)).contains("dL/dx has shape (3,), but x has shape (3, 4)");
        assertThat(grade("mul", String.class).mistake()).isEqualTo(Mistake.WRONG_CLASS);
    }

    @Test
    void theFirstElementThatDiffersIsShownWithBothValuesAndTheInputs() {
        Verdict verdict = grade("mul", DoubledMul.class);
        Tensor a = Exercises.named("mul").orElseThrow().cases().get(0).inputs()[0];
        Tensor b = Exercises.named("mul").orElseThrow().cases().get(0).inputs()[1];
        Tensor g = Tensor.randn(a.shape(), 7_000);
        String expected = String.format(java.util.Locale.ROOT,
                "first element that differs: dL/da[0, 0] = %.6g (yours), %.6g (true), where a = %.6g, b = %.6g, "
                        + "g = dL/dy = %.6g", 2 * g.get(0, 0) * b.get(0, 0), g.get(0, 0) * b.get(0, 0), a.get(0, 0),
                b.get(0, 0), g.get(0, 0));
        assertThat(verdict.details()).contains(expected);
        assertThat(verdict.details()).contains("case: a (3, 4), b (3, 4) — ordinary inputs");
    }

    // ---------------------------------------------------------------- the hand-derived exercise

    /** The notebook's rules, with one mistake chosen by the subclass. */
    abstract static class SeedRules extends HandDerivedGradients {
        boolean errorTheOtherWayRound() {
            return false;
        }

        boolean transposeW1() {
            return false;
        }

        @Override
        public Map<String, Tensor> gradients(Tensor x, double target, Map<String, Tensor> p) {
            Tensor z1 = x.transpose().matmul(p.get("W1")).add(p.get("b1").transpose());
            Tensor a1 = z1.relu();
            Tensor z2 = a1.matmul(p.get("W2")).add(p.get("b2").transpose());
            Tensor a2 = z2.relu();
            Tensor z3 = a2.matmul(p.get("W3")).add(p.get("b3"));
            Tensor prediction = z3.relu();
            Tensor error = errorTheOtherWayRound() ? prediction.neg().add(target) : prediction.sub(target);
            Tensor dLdZ3 = error.mul(z3.gt(0.0));
            Tensor dLdZ2 = dLdZ3.matmul(p.get("W3").transpose()).mul(z2.gt(0.0));
            Tensor dLdZ1 = dLdZ2.matmul(p.get("W2").transpose()).mul(z1.gt(0.0));
            Map<String, Tensor> g = new LinkedHashMap<>();
            g.put("W1", transposeW1() ? dLdZ1.transpose().matmul(x.transpose()) : x.matmul(dLdZ1));
            g.put("W2", a1.transpose().matmul(dLdZ2));
            g.put("W3", a2.transpose().matmul(dLdZ3));
            g.put("b1", dLdZ1.transpose());
            g.put("b2", dLdZ2.transpose());
            g.put("b3", dLdZ3.sum(0, false));
            return g;
        }
    }

    public static final class SeedRight extends SeedRules {
    }

    public static final class SeedWithATargetMinusPrediction extends SeedRules {
        @Override
        boolean errorTheOtherWayRound() {
            return true;
        }
    }

    public static final class SeedWithW1Transposed extends SeedRules {
        @Override
        boolean transposeW1() {
            return true;
        }
    }

    @Test
    void theHandDerivedGradientsAreGradedWithTheSameDiagnoses() {
        assertThat(grade("seed-gradients", SeedRight.class).passed()).isTrue();
        Verdict sign = grade("seed-gradients", SeedWithATargetMinusPrediction.class);
        assertThat(sign.mistake()).isEqualTo(Mistake.WRONG_SIGN);
        assertThat(text(sign)).contains("your dL/dW1 is exactly −1× the true one");
        Verdict transposed = grade("seed-gradients", SeedWithW1Transposed.class);
        assertThat(transposed.mistake()).isEqualTo(Mistake.TRANSPOSED);
        assertThat(text(transposed)).contains("your dL/dW1 is the transpose of the true one");
    }

    // ---------------------------------------------------------------- normalization and attention

    /** The exercise's file with the reference rule pasted in and {@code wrong} put in place of {@code right}. */
    private static Verdict checkReferenceWith(Path dir, String name, String right, String wrong) throws Exception {
        Exercise exercise = Exercises.named(name).orElseThrow();
        ExerciseWorkspace workspace = new ExerciseWorkspace(dir, dir.resolve("out"));
        Files.createDirectories(workspace.file(exercise).getParent());
        String solved = ExerciseFilesTest.solved(exercise);
        assertThat(solved).contains(right);
        Files.writeString(workspace.file(exercise), solved.replace(right, wrong));
        return workspace.check(exercise);
    }

    @Test
    void batchNormWithoutThePathThroughTheMeanIsWrongValues(@TempDir Path dir) throws Exception {
        Verdict verdict = checkReferenceWith(dir, "batch-norm", "gradNormalized.sub(gradNormalized.mean(0, true))",
                "gradNormalized");
        assertThat(verdict.mistake()).as(verdict.text()).isEqualTo(Mistake.WRONG_VALUES);
        assertThat(text(verdict)).contains("your dL/dx differs from the true gradient")
                .contains("first element that differs: dL/dx[0, 0]").contains("case: x (4, 3), γ (3,), β (3,)");
    }

    @Test
    void batchNormWithTheShiftsGradientNotSummedOverTheBatchIsABroadcastNotSummedBack(@TempDir Path dir)
            throws Exception {
        Verdict verdict = checkReferenceWith(dir, "batch-norm", "gradOutput.sum(0, false));", "gradOutput);");
        assertThat(verdict.mistake()).as(verdict.text()).isEqualTo(Mistake.BROADCAST_NOT_SUMMED);
        assertThat(text(verdict)).contains("dL/dβ has shape (4, 3), the output's, but β has shape (3,)")
                .contains("along axis 0");
    }

    @Test
    void layerNormWithTheBackwardsMeansOverTheWrongAxisIsWrongValues(@TempDir Path dir) throws Exception {
        Exercise exercise = Exercises.named("layer-norm").orElseThrow();
        ExerciseWorkspace workspace = new ExerciseWorkspace(dir, dir.resolve("out"));
        Files.createDirectories(workspace.file(exercise).getParent());
        String solved = ExerciseFilesTest.solved(exercise);
        String backward = solved.substring(solved.indexOf("Variable[] backward("));
        assertThat(backward).contains("mean(-1, true)");
        Files.writeString(workspace.file(exercise), solved.replace(backward, backward.replace("mean(-1, true)",
                "mean(0, true)")));   // the statistics of each column (over the batch), as in batch-norm
        Verdict verdict = workspace.check(exercise);
        assertThat(verdict.mistake()).as(verdict.text()).isEqualTo(Mistake.WRONG_VALUES);
        assertThat(text(verdict)).contains("your dL/dx differs from the true gradient")
                .contains("case: x (4, 5), w (5,), b (5,)");
    }

    @Test
    void attentionWithoutTheScaleInTheBackwardIsAConstantFactor(@TempDir Path dir) throws Exception {
        Verdict verdict = checkReferenceWith(dir, "attention", ".sum(-1, true))).mul(scale);", ".sum(-1, true)));");
        assertThat(verdict.mistake()).as(verdict.text()).isEqualTo(Mistake.CONSTANT_FACTOR);
        assertThat(text(verdict)).contains("your dL/dq is exactly 2× the true one")   // √hs = √4
                .contains("case: q (4, 4), k (4, 4), v (4, 4)");
    }

    /** The reference of an exercise and a gradschool layer, on a case's inputs: the same output and dL/dx. */
    private static void assertSameAsLayer(Exercise.Case c, gradschool.nn.Layer layer) {
        Variable x = Variable.requiringGrad(c.inputs()[0]);
        List<Variable> inputs = List.of(x, Variable.of(c.inputs()[1]), Variable.of(c.inputs()[2]));
        Variable reference = c.reference().apply(inputs);
        Variable byLayer = layer.forward(x);
        assertThat(Grader.firstDifference(reference.value(), byLayer.value())).isEqualTo(-1);
        Tensor g = Tensor.randn(reference.shape(), 5);
        Tensor fromReference = Autograd.grad(List.of(reference), List.of(x), List.of(g), false).get(0).value();
        Tensor fromLayer = Autograd.grad(List.of(byLayer), List.of(x), List.of(g), false).get(0).value();
        assertThat(Grader.firstDifference(fromReference, fromLayer)).isEqualTo(-1);
    }

    @Test
    void theNormalizationExercisesAreGradedAgainstWhatGradschoolsLayersCompute() {
        for (Exercise.Case c : Exercises.named("batch-norm").orElseThrow().cases()) {
            gradschool.nn.BatchNorm1d norm = new gradschool.nn.BatchNorm1d(c.inputs()[1].size());   // training mode
            norm.weight().value().copyFrom(c.inputs()[1].toDoubleArray());
            norm.bias().value().copyFrom(c.inputs()[2].toDoubleArray());
            assertSameAsLayer(c, norm);
        }
        for (Exercise.Case c : Exercises.named("layer-norm").orElseThrow().cases()) {
            gradschool.nn.LayerNorm norm = new gradschool.nn.LayerNorm(c.inputs()[1].size());
            norm.weight().value().copyFrom(c.inputs()[1].toDoubleArray());
            norm.bias().value().copyFrom(c.inputs()[2].toDoubleArray());
            assertSameAsLayer(c, norm);
        }
    }
}
