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

class AdamTest {

    static final double[] P0 = {1.0, -2.0, 3.0};
    static final double[] G1 = {0.5, -1.0, 2.0};
    /** The second gradient is smaller than the first in element 0: AMSGrad then keeps the first v. */
    static final double[] G2 = {-0.01, 0.75, 1.5};

    /**
     * Adam by hand (Kingma and Ba, Algorithm 1), over the given gradients, with L2 weight decay λ
     * ({@code g = gradient + λ·p}) and optionally AMSGrad.
     */
    static double[] byHand(double alpha, double beta1, double beta2, double epsilon, double lambda,
                           boolean amsgrad, double[] start, List<double[]> gradients) {
        double[] p = start.clone();
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        double[] vMax = new double[p.length];
        int t = 0;
        for (double[] gradient : gradients) {
            t++;
            for (int i = 0; i < p.length; i++) {
                double g = gradient[i] + lambda * p[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                vMax[i] = Math.max(vMax[i], v[i]);
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat = (amsgrad ? vMax[i] : v[i]) / (1 - Math.pow(beta2, t));
                p[i] -= alpha * mHat / (Math.sqrt(vHat) + epsilon);
            }
        }
        return p;
    }

    @Test
    void defaultsFollowTheRule() {
        Parameter p = parameter(P0.clone());
        Adam adam = new Adam(List.of(p));
        assertThat(adam.learningRate()).isEqualTo(1e-3);
        assertThat(adam.beta1()).isEqualTo(0.9);
        assertThat(adam.beta2()).isEqualTo(0.999);
        assertThat(adam.epsilon()).isEqualTo(1e-8);
        assertThat(adam.weightDecay()).isZero();
        assertThat(adam.isAmsgrad()).isFalse();
        stepWithGradients(p, adam, G1, G2);
        assertValues(p, byHand(1e-3, 0.9, 0.999, 1e-8, 0, false, P0, List.of(G1, G2)));
    }

    @Test
    void biasCorrectionMakesTheFirstStepAboutTheLearningRate() {
        Parameter p = parameter(P0.clone());
        Adam adam = new Adam(List.of(p), 0.1);
        setGradient(p, G1);
        adam.step();
        // m̂ = g and v̂ = g², so the step is α·g/(|g| + ε): ±α whatever the gradient's size
        assertValues(p, 1.0 - 0.1 * 0.5 / (0.5 + 1e-8), -2.0 + 0.1 * 1.0 / (1.0 + 1e-8), 3.0 - 0.1 * 2.0 / (2.0 + 1e-8));
    }

    @Test
    void betasAndEpsilonFollowTheRule() {
        Parameter p = parameter(P0.clone());
        stepWithGradients(p, new Adam(List.of(p), 0.05).withBetas(0.5, 0.75).withEpsilon(0.01), G1, G2);
        assertValues(p, byHand(0.05, 0.5, 0.75, 0.01, 0, false, P0, List.of(G1, G2)));
    }

    @Test
    void weightDecayIsAnL2TermInTheGradient() {
        Parameter p = parameter(P0.clone());
        stepWithGradients(p, new Adam(List.of(p), 0.05).withWeightDecay(0.1), G1, G2);
        assertValues(p, byHand(0.05, 0.9, 0.999, 1e-8, 0.1, false, P0, List.of(G1, G2)));
    }

    @Test
    void amsgradDividesByTheLargestSecondMoment() {
        Parameter p = parameter(P0.clone());
        stepWithGradients(p, new Adam(List.of(p), 0.05).withBetas(0.9, 0.5).withAmsgrad(), G1, G2);
        double[] expected = byHand(0.05, 0.9, 0.5, 1e-8, 0, true, P0, List.of(G1, G2));
        assertValues(p, expected);
        // the case is chosen so that AMSGrad and Adam differ (v shrinks in element 0)
        assertThat(expected[0]).isNotCloseTo(byHand(0.05, 0.9, 0.5, 1e-8, 0, false, P0, List.of(G1, G2))[0],
                org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void eachParameterCountsItsOwnSteps() {
        Parameter early = parameter(1, 2);
        Parameter late = parameter(1, 2);
        Adam adam = new Adam(List.of(early, late), 0.1);
        setGradient(early, 1, -1);
        adam.step();                                  // late has no gradient: its t stays 0
        setGradient(early, 1, -1);
        setGradient(late, 1, -1);
        adam.step();                                  // early's t = 2, late's t = 1
        assertValues(early, byHand(0.1, 0.9, 0.999, 1e-8, 0, false, new double[] {1, 2},
                List.of(new double[] {1, -1}, new double[] {1, -1})));
        assertValues(late, byHand(0.1, 0.9, 0.999, 1e-8, 0, false, new double[] {1, 2},
                List.of(new double[][] {{1, -1}})));
    }

    @Test
    void drivesAQuadraticToItsMinimum() {
        double[] target = {1.0, -2.0, 0.5};
        Parameter p = parameter(0, 0, 0);
        assertThat(minimiseQuadratic(new Adam(List.of(p), 0.1), p, target, 400)).isLessThan(1e-8);
        Parameter q = parameter(0, 0, 0);
        assertThat(minimiseQuadratic(new Adam(List.of(q), 0.1).withAmsgrad(), q, target, 400)).isLessThan(1e-8);
    }

    @Test
    void zeroGradClearsEveryGradient() {
        Parameter a = parameter(1, 2);
        setGradient(a, 3, 4);
        Adam adam = new Adam(List.of(a));
        adam.zeroGrad();
        assertThat(a.grad()).isNull();
        adam.step();
        assertValues(a, 1, 2);
    }

    @Test
    void invalidSettingsAreRejectedWithTheRule() {
        List<Parameter> ps = List.of(parameter(1));
        assertThatThrownBy(() -> new Adam(ps, -1e-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Adam").hasMessageContaining("-0.001");
        assertThatThrownBy(() -> new Adam(ps).withBetas(1.0, 0.999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam: beta1 must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new Adam(ps).withBetas(0.9, -0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam: beta2 must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> new Adam(ps).withEpsilon(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam: epsilon must be positive and finite, got 0.0");
        assertThatThrownBy(() -> new Adam(ps).withWeightDecay(-0.01)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam: weight decay must be >= 0 and finite, got -0.01");
    }

    @Test
    void printsItsSettings() {
        assertThat(new Adam(List.of(parameter(1))).withAmsgrad())
                .hasToString("Adam(lr=0.001, betas=(0.9, 0.999), eps=1.0E-8, amsgrad)");
    }
}
