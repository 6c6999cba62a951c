package gradschool.optim;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.Tensor;
import gradschool.nn.Parameter;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Adam's and AdamW's single fused pass gives, bit for bit, what the textbook loops give: AdamW's decay
 * as a pass of its own followed by the Adam rule, with AMSGrad chosen per element (the loops as they
 * were before the fusion, kept here as the reference).
 */
class AdamFusedProperties {

    /** The reference: the rule written out as separate steps, one element at a time. */
    private static final class TextbookAdam {
        final double lr;
        final double beta1;
        final double beta2;
        final double eps;
        final double weightDecay;
        final double decoupledWeightDecay;
        final boolean amsgrad;
        final double[] m;
        final double[] v;
        final double[] vMax;
        int t;

        TextbookAdam(int n, double lr, double beta1, double beta2, double eps, double weightDecay,
                     double decoupledWeightDecay, boolean amsgrad) {
            this.lr = lr;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.eps = eps;
            this.weightDecay = weightDecay;
            this.decoupledWeightDecay = decoupledWeightDecay;
            this.amsgrad = amsgrad;
            this.m = new double[n];
            this.v = new double[n];
            this.vMax = new double[n];
        }

        void step(double[] p, double[] g) {
            if (decoupledWeightDecay != 0) {
                double shrink = 1 - lr * decoupledWeightDecay;
                for (int i = 0; i < p.length; i++) {
                    p[i] = shrink * p[i];
                }
            }
            t++;
            double biasCorrection1 = 1 - Math.pow(beta1, t);
            double biasCorrection2 = 1 - Math.pow(beta2, t);
            for (int i = 0; i < p.length; i++) {
                double gi = g[i] + weightDecay * p[i];
                m[i] = beta1 * m[i] + (1 - beta1) * gi;
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                double mHat = m[i] / biasCorrection1;
                double vHat;
                if (amsgrad) {
                    vMax[i] = Math.max(vMax[i], v[i]);
                    vHat = vMax[i] / biasCorrection2;
                } else {
                    vHat = v[i] / biasCorrection2;
                }
                p[i] = p[i] - lr * mHat / (Math.sqrt(vHat) + eps);
            }
        }
    }

    @Property(tries = 40, seed = "20261207")
    void theFusedPassGivesTheTextbookLoopsBits(@ForAll @IntRange(min = 1, max = 40) int n,
                                               @ForAll @IntRange(min = 0, max = 3) int variant,
                                               @ForAll boolean amsgrad, @ForAll long seed) {
        Random random = new Random(seed);
        double lr = 1e-3 * (1 + random.nextInt(100));
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = random.nextGaussian();
        }
        Parameter parameter = new Parameter(Tensor.of(start.clone()));
        boolean decoupled = variant >= 2;
        double weightDecay = variant == 1 || variant == 3 ? 0.05 : 0.0;
        Adam adam = decoupled ? new AdamW(List.of(parameter), lr) : new Adam(List.of(parameter), lr);
        adam.withBetas(0.8, 0.99).withEpsilon(1e-6);
        if (decoupled) {
            adam.withWeightDecay(weightDecay == 0 ? AdamW.DEFAULT_WEIGHT_DECAY : weightDecay);
        } else if (weightDecay != 0) {
            adam.withWeightDecay(weightDecay);
        }
        if (amsgrad) {
            adam.withAmsgrad();
        }
        TextbookAdam reference = new TextbookAdam(n, lr, 0.8, 0.99, 1e-6, decoupled ? 0 : weightDecay,
                decoupled ? (weightDecay == 0 ? AdamW.DEFAULT_WEIGHT_DECAY : weightDecay) : 0, amsgrad);
        double[] p = start.clone();
        for (int step = 0; step < 5; step++) {
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = random.nextGaussian() * (step + 1);
            }
            Fixtures.setGradient(parameter, g);
            adam.step();
            reference.step(p, g);
            assertThat(parameter.value().toDoubleArray()).as("step %s", step + 1).isEqualTo(p);
        }
    }
}
