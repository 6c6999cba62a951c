package gradschool.optim;

import static gradschool.optim.Fixtures.assertValues;
import static gradschool.optim.Fixtures.minimiseQuadratic;
import static gradschool.optim.Fixtures.parameter;
import static gradschool.optim.Fixtures.setGradient;
import static gradschool.optim.Fixtures.stepWithGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdagradTest {

    private static final double[] P0 = {1.0, -2.0, 3.0};
    private static final double[] G1 = {0.5, -1.0, 2.0};
    private static final double[] G2 = {-0.25, 0.75, 1.5};

    /** Two Adagrad steps by hand: G ← G + g², p ← p − η·g / (√G + ε), with g = gradient + λ·p. */
    private static double[] byHand(double eta, double epsilon, double g0, double lambda) {
        double[] p = P0.clone();
        double[] sum = {g0, g0, g0};
        for (double[] gradient : List.of(G1, G2)) {
            for (int i = 0; i < 3; i++) {
                double g = gradient[i] + lambda * p[i];
                sum[i] += g * g;
                p[i] -= eta * g / (Math.sqrt(sum[i]) + epsilon);
            }
        }
        return p;
    }

    @Test
    void defaultsFollowTheRule() {
        Parameter p = parameter(P0.clone());
        Adagrad adagrad = new Adagrad(List.of(p));
        assertThat(adagrad.learningRate()).isEqualTo(0.01);
        assertThat(adagrad.epsilon()).isEqualTo(1e-10);
        assertThat(adagrad.initialAccumulator()).isZero();
        stepWithGradients(p, adagrad, G1, G2);
        assertValues(p, byHand(0.01, 1e-10, 0, 0));
    }

    @Test
    void firstStepMovesEachElementByTheLearningRate() {
        Parameter p = parameter(P0.clone());
        Adagrad adagrad = new Adagrad(List.of(p), 0.5);
        setGradient(p, G1);
        adagrad.step();
        // with G = g², the step η·g/(|g| + ε) is ±η whatever the gradient's size
        assertValues(p, 1.0 - 0.5 * 0.5 / (0.5 + 1e-10), -2.0 + 0.5 * 1.0 / (1.0 + 1e-10),
                3.0 - 0.5 * 2.0 / (2.0 + 1e-10));
    }

    @Test
    void initialAccumulatorAndEpsilonEnterTheDenominator() {
        Parameter p = parameter(P0.clone());
        stepWithGradients(p, new Adagrad(List.of(p), 0.1).withInitialAccumulator(0.5).withEpsilon(0.01), G1, G2);
        assertValues(p, byHand(0.1, 0.01, 0.5, 0));
    }

    @Test
    void weightDecayAddsLambdaTimesPToTheGradient() {
        Parameter p = parameter(P0.clone());
        stepWithGradients(p, new Adagrad(List.of(p), 0.1).withWeightDecay(0.2), G1, G2);
        assertValues(p, byHand(0.1, 1e-10, 0, 0.2));
    }

    @Test
    void drivesAQuadraticToItsMinimum() {
        double[] target = {1.0, -2.0, 0.5};
        Parameter p = parameter(0, 0, 0);
        assertThat(minimiseQuadratic(new Adagrad(List.of(p), 1.0), p, target, 300)).isLessThan(1e-10);
    }

    @Test
    void zeroGradClearsAndNullGradientsAreSkipped() {
        Parameter used = parameter(1, 2);
        Parameter unused = parameter(5, 6);
        Adagrad adagrad = new Adagrad(List.of(used, unused), 0.1);
        setGradient(used, 1, -1);
        adagrad.step();
        double step = 0.1 * 1 / (1 + 1e-10);
        assertValues(unused, 5, 6);
        assertValues(used, 1 - step, 2 + step);
        adagrad.zeroGrad();
        assertThat(used.grad()).isNull();
        adagrad.step();                       // nothing has a gradient: nothing moves
        assertValues(used, 1 - step, 2 + step);
    }

    @Test
    void invalidSettingsAreRejectedWithTheRule() {
        List<Parameter> ps = List.of(parameter(1));
        assertThatThrownBy(() -> new Adagrad(ps, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Adagrad").hasMessageContaining("positive");
        assertThatThrownBy(() -> new Adagrad(ps).withEpsilon(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adagrad: epsilon must be positive and finite, got 0.0");
        assertThatThrownBy(() -> new Adagrad(ps).withInitialAccumulator(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adagrad: initial accumulator must be >= 0 and finite, got -1.0");
        assertThatThrownBy(() -> new Adagrad(ps).withWeightDecay(-0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adagrad: weight decay must be >= 0 and finite, got -0.5");
    }

    @Test
    void printsItsSettings() {
        assertThat(new Adagrad(List.of(parameter(1)))).hasToString("Adagrad(lr=0.01, eps=1.0E-10)");
    }
}
