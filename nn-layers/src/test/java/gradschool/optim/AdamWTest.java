package gradschool.optim;

import static gradschool.optim.AdamTest.G1;
import static gradschool.optim.AdamTest.G2;
import static gradschool.optim.AdamTest.P0;
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

class AdamWTest {

    /** AdamW by hand (Loshchilov and Hutter, Algorithm 2): p ← p − lr·λ·p, then Adam without L2. */
    private static double[] byHand(double lr, double beta1, double beta2, double lambda, boolean amsgrad) {
        double[] p = P0.clone();
        double[] m = new double[3];
        double[] v = new double[3];
        double[] vMax = new double[3];
        int t = 0;
        for (double[] g : List.of(G1, G2)) {
            t++;
            for (int i = 0; i < 3; i++) {
                p[i] -= lr * lambda * p[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                vMax[i] = Math.max(vMax[i], v[i]);
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat = (amsgrad ? vMax[i] : v[i]) / (1 - Math.pow(beta2, t));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        return p;
    }

    @Test
    void defaultsDecayTheWeightsBeforeTheAdamStep() {
        Parameter p = parameter(P0.clone());
        AdamW adamW = new AdamW(List.of(p));
        assertThat(adamW.learningRate()).isEqualTo(1e-3);
        assertThat(adamW.decoupledWeightDecay()).isEqualTo(0.01);
        assertThat(adamW.weightDecay()).as("no L2 term in the gradient").isZero();
        stepWithGradients(p, adamW, G1, G2);
        assertValues(p, byHand(1e-3, 0.9, 0.999, 0.01, false));
    }

    @Test
    void weightDecayIsDecoupledFromTheGradient() {
        Parameter p = parameter(P0.clone());
        stepWithGradients(p, new AdamW(List.of(p), 0.1).withWeightDecay(0.5).withBetas(0.8, 0.9), G1, G2);
        double[] expected = byHand(0.1, 0.8, 0.9, 0.5, false);
        assertValues(p, expected);
        // and it is not Adam's L2 decay
        double[] adamL2 = AdamTest.byHand(0.1, 0.8, 0.9, 1e-8, 0.5, false, P0, List.of(G1, G2));
        assertThat(expected[0]).isNotCloseTo(adamL2[0], org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void withoutWeightDecayItIsAdam() {
        Parameter p = parameter(P0.clone());
        stepWithGradients(p, new AdamW(List.of(p), 0.1).withWeightDecay(0), G1, G2);
        assertValues(p, AdamTest.byHand(0.1, 0.9, 0.999, 1e-8, 0, false, P0, List.of(G1, G2)));
    }

    @Test
    void amsgradWorksWithDecoupledDecay() {
        Parameter p = parameter(P0.clone());
        stepWithGradients(p, new AdamW(List.of(p), 0.05).withBetas(0.9, 0.5).withAmsgrad().withEpsilon(1e-8), G1, G2);
        assertValues(p, byHand(0.05, 0.9, 0.5, 0.01, true));
    }

    @Test
    void onlyParametersWithAGradientAreDecayed() {
        Parameter used = parameter(1, 2);
        Parameter unused = parameter(5, 6);
        AdamW adamW = new AdamW(List.of(used, unused), 0.1).withWeightDecay(0.5);
        setGradient(used, 1, -1);
        adamW.step();
        assertValues(unused, 5, 6);
        adamW.zeroGrad();
        assertThat(used.grad()).isNull();
    }

    @Test
    void drivesAQuadraticToItsMinimum() {
        double[] target = {1.0, -2.0, 0.5};
        Parameter p = parameter(0, 0, 0);
        // weight decay pulls towards 0, so the minimum is slightly off t: check with it off, then with it on
        assertThat(minimiseQuadratic(new AdamW(List.of(p), 0.1).withWeightDecay(0), p, target, 400)).isLessThan(1e-8);
        Parameter q = parameter(0, 0, 0);
        assertThat(minimiseQuadratic(new AdamW(List.of(q), 0.1), q, target, 400)).isLessThan(1e-3);
    }

    @Test
    void invalidSettingsAreRejectedWithTheRule() {
        List<Parameter> ps = List.of(parameter(1));
        assertThatThrownBy(() -> new AdamW(ps).withWeightDecay(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AdamW: weight decay must be >= 0 and finite, got -1.0");
        assertThatThrownBy(() -> new AdamW(ps).withBetas(0.9, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AdamW: beta2 must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new AdamW(ps, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AdamW");
    }

    @Test
    void printsItsSettings() {
        assertThat(new AdamW(List.of(parameter(1))))
                .hasToString("AdamW(lr=0.001, betas=(0.9, 0.999), eps=1.0E-8, weightDecay=0.01)");
    }
}
