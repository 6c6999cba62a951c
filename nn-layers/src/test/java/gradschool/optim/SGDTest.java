package gradschool.optim;

import static gradschool.optim.Fixtures.assertValues;
import static gradschool.optim.Fixtures.minimiseQuadratic;
import static gradschool.optim.Fixtures.parameter;
import static gradschool.optim.Fixtures.setGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SGDTest {

    private static final double[] P0 = {1.0, -2.0, 3.0};
    private static final double[] G1 = {0.5, -1.0, 2.0};
    private static final double[] G2 = {-0.25, 0.75, 1.5};

    @Test
    void plainStepsMoveAgainstTheGradient() {
        Parameter p = parameter(P0.clone());
        SGD sgd = new SGD(List.of(p), 0.1);
        double[] expected = P0.clone();
        for (double[] g : List.of(G1, G2)) {
            setGradient(p, g);
            sgd.step();
            for (int i = 0; i < 3; i++) {
                expected[i] -= 0.1 * g[i];
            }
            assertValues(p, expected);
        }
    }

    @Test
    void momentumStartsTheBufferAtTheFirstGradient() {
        Parameter p = parameter(P0.clone());
        SGD sgd = new SGD(List.of(p), 0.1).withMomentum(0.9);
        double[] expected = P0.clone();
        double[] b = new double[3];
        setGradient(p, G1);
        sgd.step();
        for (int i = 0; i < 3; i++) {
            b[i] = G1[i];                              // first step: b = g
            expected[i] -= 0.1 * b[i];
        }
        assertValues(p, expected);
        setGradient(p, G2);
        sgd.step();
        for (int i = 0; i < 3; i++) {
            b[i] = 0.9 * b[i] + G2[i];                 // b = μ·b + (1 − 0)·g
            expected[i] -= 0.1 * b[i];
        }
        assertValues(p, expected);
    }

    @Test
    void dampeningScalesOnlyLaterGradients() {
        Parameter p = parameter(P0.clone());
        SGD sgd = new SGD(List.of(p), 0.1).withMomentum(0.9).withDampening(0.5);
        double[] expected = P0.clone();
        double[] b = new double[3];
        setGradient(p, G1);
        sgd.step();
        setGradient(p, G2);
        sgd.step();
        for (int i = 0; i < 3; i++) {
            b[i] = G1[i];                              // PyTorch: no dampening on the first step
            expected[i] -= 0.1 * b[i];
            b[i] = 0.9 * b[i] + 0.5 * G2[i];
            expected[i] -= 0.1 * b[i];
        }
        assertValues(p, expected);
    }

    @Test
    void nesterovLooksAheadAlongTheBuffer() {
        Parameter p = parameter(P0.clone());
        SGD sgd = new SGD(List.of(p), 0.1).withNesterovMomentum(0.9);
        assertThat(sgd.isNesterov()).isTrue();
        double[] expected = P0.clone();
        double[] b = new double[3];
        setGradient(p, G1);
        sgd.step();
        setGradient(p, G2);
        sgd.step();
        for (int i = 0; i < 3; i++) {
            b[i] = G1[i];
            expected[i] -= 0.1 * (G1[i] + 0.9 * b[i]);
            b[i] = 0.9 * b[i] + G2[i];
            expected[i] -= 0.1 * (G2[i] + 0.9 * b[i]);
        }
        assertValues(p, expected);
    }

    @Test
    void weightDecayAddsLambdaTimesPToTheGradient() {
        Parameter p = parameter(P0.clone());
        SGD sgd = new SGD(List.of(p), 0.1).withWeightDecay(0.01);
        double[] expected = P0.clone();
        for (double[] g : List.of(G1, G2)) {
            setGradient(p, g);
            sgd.step();
            for (int i = 0; i < 3; i++) {
                expected[i] -= 0.1 * (g[i] + 0.01 * expected[i]);
            }
        }
        assertValues(p, expected);
    }

    @Test
    void weightDecayEntersTheMomentumBuffer() {
        Parameter p = parameter(P0.clone());
        SGD sgd = new SGD(List.of(p), 0.1).withMomentum(0.5).withWeightDecay(0.1);
        double[] expected = P0.clone();
        double[] b = new double[3];
        setGradient(p, G1);
        sgd.step();
        setGradient(p, G2);
        sgd.step();
        for (int i = 0; i < 3; i++) {
            b[i] = G1[i] + 0.1 * expected[i];
            expected[i] -= 0.1 * b[i];
            b[i] = 0.5 * b[i] + (G2[i] + 0.1 * expected[i]);
            expected[i] -= 0.1 * b[i];
        }
        assertValues(p, expected);
    }

    @Test
    void drivesAQuadraticToItsMinimum() {
        double[] target = {1.0, -2.0, 0.5};
        Parameter plain = parameter(0, 0, 0);
        assertThat(minimiseQuadratic(new SGD(List.of(plain), 0.1), plain, target, 200)).isLessThan(1e-12);
        assertValues(plain, target);
        Parameter heavyBall = parameter(0, 0, 0);
        assertThat(minimiseQuadratic(new SGD(List.of(heavyBall), 0.05).withMomentum(0.9), heavyBall, target, 300))
                .isLessThan(1e-12);
        Parameter nesterov = parameter(0, 0, 0);
        assertThat(minimiseQuadratic(new SGD(List.of(nesterov), 0.05).withNesterovMomentum(0.9), nesterov, target,
                300)).isLessThan(1e-12);
    }

    @Test
    void zeroGradClearsEveryGradient() {
        Parameter a = parameter(1, 2);
        Parameter b = parameter(3);
        setGradient(a, 1, 1);
        setGradient(b, 1);
        SGD sgd = new SGD(List.of(a, b), 0.1);
        sgd.zeroGrad();
        assertThat(a.grad()).isNull();
        assertThat(b.grad()).isNull();
    }

    @Test
    void parametersWithoutAGradientAreSkippedAndKeepNoMomentum() {
        Parameter used = parameter(1, 2);
        Parameter unused = parameter(5, 6);
        SGD sgd = new SGD(List.of(used, unused), 0.1).withMomentum(0.9);
        setGradient(used, 1, 1);
        sgd.step();
        assertValues(unused, 5, 6);
        assertValues(used, 0.9, 1.9);
        // unused's first real step starts its buffer at its gradient (b = g), as if it had never been skipped
        setGradient(unused, 2, 4);
        used.zeroGrad();
        sgd.step();
        assertValues(unused, 5 - 0.1 * 2, 6 - 0.1 * 4);
        assertValues(used, 0.9, 1.9);
    }

    @Test
    void invalidSettingsAreRejectedWithTheRule() {
        List<Parameter> ps = List.of(parameter(1));
        assertThatThrownBy(() -> new SGD(ps, -0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SGD").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new SGD(ps, 0.1).withMomentum(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SGD: momentum must be in [0, 1), got 1.5");
        assertThatThrownBy(() -> new SGD(ps, 0.1).withMomentum(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SGD: momentum must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> new SGD(ps, 0.1).withDampening(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SGD: dampening must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new SGD(ps, 0.1).withWeightDecay(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SGD: weight decay must be >= 0 and finite, got -1.0");
        assertThatThrownBy(() -> new SGD(ps, 0.1).withWeightDecay(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void nesterovNeedsPositiveMomentumAndNoDampening() {
        List<Parameter> ps = List.of(parameter(1));
        assertThatThrownBy(() -> new SGD(ps, 0.1).withNesterovMomentum(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SGD: Nesterov momentum must be > 0, got 0.0");
        assertThatThrownBy(() -> new SGD(ps, 0.1).withMomentum(0.9).withDampening(0.1).withNesterovMomentum(0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SGD: Nesterov momentum requires dampening = 0, but dampening is 0.1");
        assertThatThrownBy(() -> new SGD(ps, 0.1).withNesterovMomentum(0.9).withDampening(0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SGD: Nesterov momentum requires dampening = 0, got 0.1");
    }

    @Test
    void settingsAreReadableAndPrinted() {
        SGD sgd = new SGD(List.of(parameter(1)), 0.1).withNesterovMomentum(0.9).withWeightDecay(1e-4);
        assertThat(sgd.momentum()).isEqualTo(0.9);
        assertThat(sgd.dampening()).isZero();
        assertThat(sgd.weightDecay()).isEqualTo(1e-4);
        assertThat(sgd).hasToString("SGD(lr=0.1, momentum=0.9, nesterov, weightDecay=1.0E-4)");
        assertThat(new SGD(List.of(parameter(1)), 0.5).withMomentum(0.9).withMomentum(0.8).isNesterov()).isFalse();
        sgd.setLearningRate(0.01);
        assertThat(sgd.learningRate()).isCloseTo(0.01, within(0.0));
    }
}
