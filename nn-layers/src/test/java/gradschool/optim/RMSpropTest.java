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

class RMSpropTest {

    private static final double[] P0 = {1.0, -2.0, 3.0};
    private static final double[] G1 = {0.5, -1.0, 2.0};
    private static final double[] G2 = {-0.25, 0.75, 1.5};

    /**
     * Two RMSprop steps by hand: g = gradient + λ·p; v ← α·v + (1 − α)·g²; then either
     * b ← μ·b + g/(√v + ε), p ← p − lr·b, or p ← p − lr·g/(√v + ε).
     */
    private static double[] byHand(double lr, double alpha, double epsilon, double mu, double lambda) {
        double[] p = P0.clone();
        double[] v = new double[3];
        double[] b = new double[3];
        for (double[] gradient : List.of(G1, G2)) {
            for (int i = 0; i < 3; i++) {
                double g = gradient[i] + lambda * p[i];
                v[i] = alpha * v[i] + (1 - alpha) * g * g;
                if (mu != 0) {
                    b[i] = mu * b[i] + g / (Math.sqrt(v[i]) + epsilon);
                    p[i] -= lr * b[i];
                } else {
                    p[i] -= lr * g / (Math.sqrt(v[i]) + epsilon);
                }
            }
        }
        return p;
    }

    @Test
    void defaultsFollowTheRule() {
        Parameter p = parameter(P0.clone());
        RMSprop rmsprop = new RMSprop(List.of(p));
        assertThat(rmsprop.learningRate()).isEqualTo(0.01);
        assertThat(rmsprop.alpha()).isEqualTo(0.99);
        assertThat(rmsprop.epsilon()).isEqualTo(1e-8);
        assertThat(rmsprop.momentum()).isZero();
        stepWithGradients(p, rmsprop, G1, G2);
        assertValues(p, byHand(0.01, 0.99, 1e-8, 0, 0));
    }

    @Test
    void firstStepDividesByTheSquareRootOfOneMinusAlpha() {
        Parameter p = parameter(P0.clone());
        RMSprop rmsprop = new RMSprop(List.of(p), 0.1).withAlpha(0.75);
        setGradient(p, G1);
        rmsprop.step();
        // v = 0.25·g², so √v = 0.5·|g| and each step is lr·g/(0.5·|g| + ε) ≈ ±2·lr
        assertValues(p, 1.0 - 0.2 * 1 / (1 + 1e-8 / Math.sqrt(0.25 * 0.25)),
                -2.0 + 0.2 / (1 + 1e-8 / Math.sqrt(0.25 * 1)), 3.0 - 0.2 / (1 + 1e-8 / Math.sqrt(0.25 * 4)));
    }

    @Test
    void alphaAndEpsilonFollowTheRule() {
        Parameter p = parameter(P0.clone());
        stepWithGradients(p, new RMSprop(List.of(p), 0.05).withAlpha(0.9).withEpsilon(0.1), G1, G2);
        assertValues(p, byHand(0.05, 0.9, 0.1, 0, 0));
    }

    @Test
    void momentumAccumulatesTheScaledGradientsFromZero() {
        Parameter p = parameter(P0.clone());
        stepWithGradients(p, new RMSprop(List.of(p), 0.05).withMomentum(0.9), G1, G2);
        assertValues(p, byHand(0.05, 0.99, 1e-8, 0.9, 0));
    }

    @Test
    void weightDecayAddsLambdaTimesPToTheGradient() {
        Parameter p = parameter(P0.clone());
        stepWithGradients(p, new RMSprop(List.of(p), 0.05).withWeightDecay(0.3), G1, G2);
        assertValues(p, byHand(0.05, 0.99, 1e-8, 0, 0.3));
    }

    @Test
    void drivesAQuadraticToItsMinimum() {
        double[] target = {1.0, -2.0, 0.5};
        Parameter p = parameter(0, 0, 0);
        assertThat(minimiseQuadratic(new RMSprop(List.of(p), 0.01), p, target, 500)).isLessThan(1e-6);
        Parameter q = parameter(0, 0, 0);
        assertThat(minimiseQuadratic(new RMSprop(List.of(q), 0.01).withMomentum(0.5), q, target, 500))
                .isLessThan(1e-6);
    }

    @Test
    void zeroGradClearsAndNullGradientsAreSkipped() {
        Parameter used = parameter(1, 2);
        Parameter unused = parameter(5, 6);
        RMSprop rmsprop = new RMSprop(List.of(used, unused), 0.1).withMomentum(0.9);
        setGradient(used, 1, -1);
        rmsprop.step();
        assertValues(unused, 5, 6);
        rmsprop.zeroGrad();
        assertThat(used.grad()).isNull();
        assertThat(unused.grad()).isNull();
    }

    @Test
    void invalidSettingsAreRejectedWithTheRule() {
        List<Parameter> ps = List.of(parameter(1));
        assertThatThrownBy(() -> new RMSprop(ps, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RMSprop").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> new RMSprop(ps).withAlpha(1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RMSprop: alpha must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new RMSprop(ps).withEpsilon(-1e-8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RMSprop: epsilon must be positive and finite, got -1.0E-8");
        assertThatThrownBy(() -> new RMSprop(ps).withMomentum(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RMSprop: momentum must be in [0, 1), got 2.0");
        assertThatThrownBy(() -> new RMSprop(ps).withWeightDecay(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RMSprop: weight decay must be >= 0 and finite, got -1.0");
    }

    @Test
    void printsItsSettings() {
        assertThat(new RMSprop(List.of(parameter(1))).withMomentum(0.9))
                .hasToString("RMSprop(lr=0.01, alpha=0.99, eps=1.0E-8, momentum=0.9)");
    }
}
