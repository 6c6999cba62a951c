package gradschool.optim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import gradschool.nn.Parameter;
import java.util.List;
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
}
