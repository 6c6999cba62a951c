package gradschool.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import gradschool.nn.Parameter;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    @Test
    void aParameterListedTwiceIsRejected() {
        Parameter weight = new Parameter(Tensor.zeros(2)).named("w");
        Parameter bias = new Parameter(Tensor.zeros(1));
        assertThatThrownBy(() -> new SGD(List.of(weight, bias, weight), 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SGD: parameter 2 ('w') appears twice");
    }

    @Test
    void anEmptyParameterListIsRejectedByEveryOptimizerWithAHint() {
        List<Parameter> none = List.of();
        List<ThrowingCallable> constructors = List.of(
                () -> new SGD(none, 0.1), () -> new Adam(none), () -> new AdamW(none),
                () -> new RMSprop(none), () -> new Adagrad(none));
        List<String> names = List.of("SGD", "Adam", "AdamW", "RMSprop", "Adagrad");
        for (int i = 0; i < constructors.size(); i++) {
            assertThatThrownBy(constructors.get(i))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(names.get(i) + ": the parameter list is empty")
                    .hasMessageContaining("registerParameter");
        }
    }

    @Test
    void aNullListOrANullParameterIsRejectedByName() {
        Parameter weight = new Parameter(Tensor.zeros(2));
        assertThatThrownBy(() -> new Adam(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Adam: the parameter list is null");
        assertThatThrownBy(() -> new SGD(Arrays.asList(weight, null), 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SGD: parameter 1 of 2 is null");
    }

    @Test
    void zeroGradLeavesEveryGradientNullAndStepThenSkipsThem() {
        Parameter weight = new Parameter(Tensor.of(new double[] {1, 2}));
        SGD sgd = new SGD(List.of(weight), 0.1).withMomentum(0.9);
        weight.mul(weight).sum().backward();
        sgd.step();
        Tensor afterOneStep = weight.value().copy();

        sgd.zeroGrad();
        assertThat(weight.grad()).isNull();
        assertThat(weight.gradOrZeros()).isEqualTo(Tensor.zeros(2));
        sgd.step();                                     // no gradient: not even momentum moves it
        assertThat(weight.value()).isEqualTo(afterOneStep);
    }
}
