package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
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

        assertThat(z.toString()).isEqualTo("Variable (1, 2) = Relu(Add), grad none, value [[0. 3.]]");
        assertThat(x.add(b).named("z").toString()).isEqualTo("Variable z (1, 2) = Add(x, leaf(2,)), grad none, value [[0. 3.]]");
    }

    @Test
    void dataWithoutGradientSaysSoAndLargeValuesAreNotPrinted() {
        Variable data = Variable.of(Tensor.zeros(4, 4));

        assertThat(data.toString()).isEqualTo("Variable (4, 4) = leaf");
    }

    @Test
    void noCreationSiteWhileRecordingIsOff() {
        boolean wasRecording = CreationSite.isRecording();
        CreationSite.setRecording(false);
        try {
            assertThat(Variable.of(1.0).creationSite()).isNull();
        } finally {
            CreationSite.setRecording(wasRecording);
        }
        assertThat(Variable.of(1.0).creationSite()).isNotNull();
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
}
