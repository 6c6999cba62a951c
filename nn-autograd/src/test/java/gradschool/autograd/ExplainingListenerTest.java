package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ExplainingListener: a backward pass told in the seed notebook's words. */
class ExplainingListenerTest {

    /** A two-layer net with the seed's first-layer numbers: L = sum(relu(x·W1)·W2). */
    private static Variable twoLayerLoss() {
        Variable x = Variable.of(Tensor.of(new double[][] {{1, 2, 3}})).named("x");
        Variable w1 = Variable.requiringGrad(Tensor.of(new double[][] {{.3, .2, .4}, {.34, .23, .43}, {.67, .21, .11}})).named("W1");
        Variable w2 = Variable.requiringGrad(Tensor.of(new double[][] {{.3, .2}, {.34, .23}, {.44, .75}})).named("W2");
        Variable z1 = x.matmul(w1).named("Z1");
        Variable a1 = z1.relu().named("A1");
        Variable z2 = a1.matmul(w2).named("Z2");
        return z2.sum().named("L");
    }

    private static String explain(Variable loss) {
        StringBuilder text = new StringBuilder();
        try (var explaining = Autograd.listen(new ExplainingListener(text))) {
            loss.backward();
        }
        return text.toString();
    }

    @Test
    void explainsEachStepWithTheNotebooksFormulas() {
        String text = explain(twoLayerLoss());

        assertThat(text.lines()).containsSubsequence(
                "backward from L, starting with the seed dL/d(L) = 1.0",
                "step 0: Sum   L = sum(Z2)",
                "  incoming  dL/d(L) = 1.0",
                "  rule      dL/dx = g, copied to every summed element",
                "  dL/d(Z2) = dL/d(L), copied to every summed element = [[1. 1.]]",
                "step 1: MatMul   Z2 = A1 · W2",
                "  incoming  dL/d(Z2) = [[1. 1.]]",
                "  rule      dL/da = g · bᵀ, dL/db = aᵀ · g; the seed notebook's dL/dW = Aᵀ · dL/dZ; a 1-D operand gets its removed dimension back first",
                "  dL/d(A1) = dL/d(Z2) · W2ᵀ = [[0.5  0.57 1.19]]",
                "  dL/d(W2) = A1ᵀ · dL/d(Z2) = [[2.99 2.99] [1.29 1.29] [1.59 1.59]]",
                "step 2: ReLU   A1 = max(Z1, 0)",
                "  rule      dL/dx = g ⊙ [x > 0]; relu'(0) = 0 by convention",
                "  dL/d(Z1) = dL/d(A1) ⊙ [Z1 > 0] = [[0.5  0.57 1.19]]",
                "step 3: MatMul   Z1 = x · W1",
                "  dL/d(W1) = xᵀ · dL/d(Z1) = [[0.5  0.57 1.19] [1.   1.14 2.38] [1.5  1.71 3.57]]");
        assertThat(text).doesNotContain("dL/d(x)"); // x is data: no gradient is sent to it
        assertThat(text).doesNotContain("total");   // every variable is used once
    }

    @Test
    void showsTheRunningTotalWhenAVariableIsUsedTwice() {
        Variable a = Variable.requiringGrad(3.0).named("a");
        Variable b = Variable.requiringGrad(2.0).named("b");
        Variable c = a.mul(b).named("c");
        Variable loss = c.add(a).named("L"); // L = a·b + a, dL/da = b + 1 = 3

        String text = explain(loss);

        assertThat(text.lines()).containsSubsequence(
                "step 0: Add   L = c + a",
                "  dL/d(c) = dL/d(L) = 1.0",
                "  dL/d(a) = dL/d(L) = 1.0",
                "step 1: Mul   c = a ⊙ b",
                "  dL/d(a) = dL/d(c) ⊙ b = 2.0",
                "    total dL/d(a) so far = 3.0   (gradients from every path add up)",
                "  dL/d(b) = dL/d(c) ⊙ a = 3.0");
    }

    @Test
    void unnamedVariablesAreCalledByTheirOpAndBroadcastingIsMentioned() {
        Variable w = Variable.requiringGrad(Tensor.ones(2, 3));
        Variable bias = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3}));
        Variable loss = w.add(bias).sum();

        String text = explain(loss);

        assertThat(text.lines()).containsSubsequence(
                "step 0: Sum   Sum = sum(Add)",
                "step 1: Add   Add = leaf(2, 3) + leaf(3,)",
                "  dL/d(leaf(3,)) = dL/d(Add) = [2. 2. 2.]   (summed over the broadcast dimensions to (3,))");
    }

    @Test
    void oneElementConstantsAreCalledByTheirValue() {
        Variable p = Variable.requiringGrad(7.0).named("p");
        Variable loss = p.rsub(1.0).pow(2).mul(0.5).named("L"); // the seed's ½(a − p)² with a = 1

        String text = explain(loss);

        assertThat(text.lines()).containsSubsequence(
                "step 0: Mul   L = PowScalar ⊙ 0.5",
                "  dL/d(PowScalar) = dL/d(L) ⊙ 0.5 = 0.5",
                "step 1: PowScalar(2.0)   PowScalar = Sub^p",
                "  rule      dL/dx = g ⊙ p·x^(p−1); p is a constant; the gradient is 0 when p = 0",
                "  dL/d(Sub) = dL/d(PowScalar) ⊙ p·Sub^(p−1) = -6.0",
                "step 2: Sub   Sub = 1.0 − p",
                "  dL/d(p) = −dL/d(Sub) = 6.0"); // = p − a, the notebook's dL/dp
    }

    @Test
    void everyOpIsWrittenWithItsOwnRule() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {1, 5, 2})).named("x");
        Variable loss = x.max().named("m");

        String text = explain(loss);

        assertThat(text.lines()).containsSubsequence(
                "step 0: Max   m = max(x)",
                "  rule      dL/dx = g ⊙ [x = y] / (number of ties)",
                "  dL/d(x) = dL/d(m) ⊙ [x = m] / (number of ties) = [0. 1. 0.]");
    }

    @Test
    void theAffineStepOfALinearLayerIsWrittenOut() {
        Variable x = Variable.of(Tensor.of(new double[][] {{1, 2, 3}})).named("x");
        Variable w = Variable.requiringGrad(Tensor.of(new double[][] {{.1, .2, .3}, {.4, .5, .6}})).named("W");
        Variable b = Variable.requiringGrad(Tensor.of(new double[] {1, 2})).named("b");
        Variable loss = x.affine(w, b).named("Z").sum().named("L");

        String text = explain(loss);

        assertThat(text.lines()).containsSubsequence(
                "step 1: Affine   Z = x · Wᵀ + b",
                "  incoming  dL/d(Z) = [[1. 1.]]",
                "  rule      dL/dx = g · W, dL/dW = gᵀ · x, dL/db = Σ_rows g;"
                        + " the leading dimensions of x and g are flattened into rows",
                "  dL/d(W) = dL/d(Z)ᵀ · x = [[1. 2. 3.] [1. 2. 3.]]",
                "  dL/d(b) = Σ_rows dL/d(Z) = [1. 1.]");
        assertThat(text).doesNotContain("∂"); // no step falls back to the generic chain rule
    }

    @Test
    void anAffineWithoutBiasHasNoBiasInItsFormula() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[][] {{1, 2, 3}})).named("x");
        Variable w = Variable.requiringGrad(Tensor.of(new double[][] {{.1, .2, .3}})).named("W");

        String text = explain(x.affine(w, null).named("Z").sum());

        assertThat(text.lines()).contains(
                "step 1: Affine   Z = x · Wᵀ",
                "  dL/d(x) = dL/d(Z) · W = [[0.1 0.2 0.3]]");
    }

    @Test
    void aNameThatIsNotOneWordIsPutInParentheses() {
        Variable a = Variable.requiringGrad(Tensor.of(new double[][] {{1, 2}})).named("A1");
        Variable w = Variable.requiringGrad(Tensor.of(new double[][] {{3}, {4}})).named("W2");
        Variable z = a.matmul(w).named("A1·W2");

        String text = explain(z.sigmoid().named("p").sum());

        assertThat(text.lines()).contains("step 1: Sigmoid   p = σ(A1·W2) = 1 / (1 + e^−(A1·W2))",
                "step 2: MatMul   A1·W2 = A1 · W2"); // the left-hand side needs no parentheses
        assertThat(text).contains("  dL/d(A1·W2) = dL/d(p) ⊙ p ⊙ (1 − p) = ", "  dL/d(W2) = A1ᵀ · dL/d(A1·W2) = ");
    }

    @Test
    void anOpWithAnyNumberOfInputsUsesItsOneSymbolForEach() {
        Variable a = Variable.requiringGrad(Tensor.of(new double[] {1, 2})).named("a");
        Variable b = Variable.requiringGrad(Tensor.of(new double[] {3})).named("b");
        Variable loss = Variable.concat(List.of(a, b), 0).named("y").mul(Variable.of(Tensor.of(new double[] {1, 2, 3}))).sum();

        String text = explain(loss);

        assertThat(text.lines()).containsSubsequence(
                "step 2: Concat(axis=0)   y = Concat(a, b)",
                "  dL/d(a) = the part of dL/d(y) where a was placed = [1. 2.]",
                "  dL/d(b) = the part of dL/d(y) where b was placed = [3.]");
    }

    /** A custom op that states no derivative rule. */
    private static final class Twice extends Function {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].mul(2.0);
        }

        @Override
        protected Variable[] backward(Variable gradOutput) {
            return grads(gradOutput.mul(2.0));
        }
    }

    @Test
    void anOpWithoutARuleGetsTheGenericChainRule() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {1, 5})).named("x");
        Variable loss = new Twice().apply(x).named("t").sum();

        String text = explain(loss);

        assertThat(text.lines()).containsSubsequence(
                "step 1: Twice   t = Twice(x)",
                "  incoming  dL/d(t) = [1. 1.]",
                "  dL/d(x) = dL/d(t) · ∂(t)/∂(x) = [2. 2.]");
        assertThat(text.substring(text.indexOf("step 1"))).doesNotContain("rule"); // Twice states none
    }

    @Test
    void writesToAPrintStream() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (var explaining = Autograd.listen(new ExplainingListener(print))) {
            twoLayerLoss().backward();
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("dL/d(W2) = A1ᵀ · dL/d(Z2)");
    }

    @Test
    void aWriteFailureIsReported() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Variable loss = twoLayerLoss();
        try (var explaining = Autograd.listen(new ExplainingListener(broken))) {
            assertThatThrownBy(loss::backward)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("ExplainingListener");
        }
        assertThatThrownBy(() -> new ExplainingListener(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
