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
                "  rule      d(Σx)/dx_i = 1: every element receives g",
                "  dL/d(Z2) = dL/d(L), copied back over the summed elements to (1, 2) = [[1. 1.]]",
                "step 1: MatMul   Z2 = A1 · W2",
                "  incoming  dL/d(Z2) = [[1. 1.]]",
                "  rule      d(A·B)/dA = G·Bᵀ, d(A·B)/dB = Aᵀ·G",
                "  dL/d(A1) = dL/d(Z2) · (W2)ᵀ = [[0.5  0.57 1.19]]",
                "  dL/d(W2) = (A1)ᵀ · dL/d(Z2) = [[2.99 2.99] [1.29 1.29] [1.59 1.59]]",
                "step 2: Relu   A1 = relu(Z1)",
                "  dL/d(Z1) = dL/d(A1) ⊙ relu'(Z1) = [[0.5  0.57 1.19]]",
                "step 3: MatMul   Z1 = x · W1",
                "  dL/d(W1) = (x)ᵀ · dL/d(Z1) = [[0.5  0.57 1.19] [1.   1.14 2.38] [1.5  1.71 3.57]]");
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
                "  dL/d(a) = dL/d(c) ⊙ (b) = 2.0",
                "    total dL/d(a) so far = 3.0   (gradients from every path add up)",
                "  dL/d(b) = dL/d(c) ⊙ (a) = 3.0");
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
                "  dL/d(PowScalar) = dL/d(L) ⊙ (0.5) = 0.5",
                "step 1: PowScalar(2.0)   PowScalar = (Sub)^p",
                "  rule      d(x^p)/dx = p·x^(p-1), with p = 2.0",
                "  dL/d(Sub) = dL/d(PowScalar) ⊙ p·(Sub)^(p−1) = -6.0",
                "step 2: Sub   Sub = 1.0 − p",
                "  dL/d(p) = −dL/d(Sub) = 6.0"); // = p − a, the notebook's dL/dp
    }

    @Test
    void anOpWithoutATemplateGetsTheGenericChainRule() {
        Variable x = Variable.requiringGrad(Tensor.of(new double[] {1, 5, 2})).named("x");
        Variable loss = x.max().named("m");

        String text = explain(loss);

        assertThat(text.lines()).containsSubsequence(
                "step 0: Max   m = Max(x)",
                "  rule      the maximum element receives g; ties split it evenly",
                "  dL/d(x) = dL/d(m) · ∂(m)/∂(x) = [0. 1. 0.]");
    }

    @Test
    void writesToAPrintStream() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (var explaining = Autograd.listen(new ExplainingListener(print))) {
            twoLayerLoss().backward();
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("dL/d(W2) = (A1)ᵀ · dL/d(Z2)");
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
