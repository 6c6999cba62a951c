package gradschool.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

class SyntheticTest {

    @Test
    void moonsWithoutNoiseLieExactlyOnTheirArcs() {
        LabeledData moons = Synthetic.twoMoons(101, 0.0, 1);

        assertThat(moons.features().shape().toArray()).containsExactly(101, 2);
        assertThat(moons.classCounts()).containsExactly(50, 51);
        double[][] points = moons.features().to2DArray();
        for (int i = 0; i < points.length; i++) {
            double x = points[i][0];
            double y = points[i][1];
            if (moons.labels().get(i) == 0) { // upper moon: unit circle around (0, 0), y >= 0
                assertThat(x * x + y * y).isCloseTo(1.0, within(1e-12));
                assertThat(y).isGreaterThanOrEqualTo(-1e-12);
            } else { // lower moon: unit circle around (1, 0.5), y <= 0.5
                assertThat((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)).isCloseTo(1.0, within(1e-12));
                assertThat(y).isLessThanOrEqualTo(0.5 + 1e-12);
            }
        }
        // the ends of the arcs, as in sklearn: t = 0 and t = π
        assertThat(points[0]).containsExactly(new double[] {1, 0}, within(1e-12));
        assertThat(points[49]).containsExactly(new double[] {-1, 0}, within(1e-12));
        assertThat(points[50]).containsExactly(new double[] {0, 0.5}, within(1e-12));
        assertThat(points[100]).containsExactly(new double[] {2, 0.5}, within(1e-12));
    }

    @Test
    void moonsWithNoiseStayNearTheirArcs() {
        LabeledData moons = Synthetic.twoMoons(400, 0.1, 7);
        double[][] points = moons.features().to2DArray();
        double sumOfSquaredDistances = 0;
        for (int i = 0; i < points.length; i++) {
            boolean upper = moons.labels().get(i) == 0;
            double dx = points[i][0] - (upper ? 0 : 1);
            double dy = points[i][1] - (upper ? 0 : 0.5);
            double distance = Math.sqrt(dx * dx + dy * dy) - 1;
            sumOfSquaredDistances += distance * distance;
        }
        // radial noise has standard deviation about 0.1
        assertThat(Math.sqrt(sumOfSquaredDistances / points.length)).isBetween(0.07, 0.13);
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        Tensor moons = Synthetic.twoMoons(50, 0.2, 3).features();

        assertThat(Synthetic.twoMoons(50, 0.2, 3).features()).isEqualTo(moons);
        assertThat(Synthetic.twoMoons(50, 0.2, 4).features()).isNotEqualTo(moons);
        assertThat(Synthetic.spirals(20, 3, 0.2, 4).features())
                .isNotEqualTo(Synthetic.spirals(20, 3, 0.2, 3).features());
    }

    @Test
    void spiralsFollowTheFormulaWithoutNoise() {
        int n = 40;
        int classes = 3;
        LabeledData spirals = Synthetic.spirals(n, classes, 0.0, 5);

        assertThat(spirals.features().shape().toArray()).containsExactly(n * classes, 2);
        assertThat(spirals.classCounts()).containsExactly(n, n, n);
        double[][] points = spirals.features().to2DArray();
        for (int k = 0; k < classes; k++) {
            for (int i = 1; i < n; i++) {
                double[] p = points[k * n + i];
                double r = (double) i / n;
                double theta = k * 2 * Math.PI / classes + 4 * Math.PI * r;
                assertThat(p).containsExactly(new double[] {r * Math.cos(theta), r * Math.sin(theta)}, within(1e-12));
            }
        }
    }

    @Test
    void spiralNoiseMovesTheAngleButNotTheRadius() {
        LabeledData spirals = Synthetic.spirals(30, 2, 0.3, 11);
        double[][] points = spirals.features().to2DArray();
        for (int row = 0; row < points.length; row++) {
            double radius = Math.hypot(points[row][0], points[row][1]);
            assertThat(radius).isCloseTo((row % 30) / 30.0, within(1e-12));
        }
    }

    @Test
    void xorIsTheTruthTable() {
        LabeledData xor = Synthetic.xor();

        assertThat(xor.features()).isEqualTo(Tensor.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}));
        assertThat(xor.labels()).isEqualTo(Tensor.of(new double[] {0, 1, 1, 0}));
    }

    @Test
    void noisyXorCyclesThroughTheCornersWithBalancedClasses() {
        LabeledData xor = Synthetic.xor(400, 0.05, 2);

        assertThat(xor.classCounts()).containsExactly(200, 200);
        double[][] points = xor.features().to2DArray();
        for (int i = 0; i < points.length; i++) {
            int a = (int) Math.round(points[i][0]);
            int b = (int) Math.round(points[i][1]);
            assertThat(a * 2 + b).isEqualTo(i % 4);
            assertThat(xor.labels().get(i)).isEqualTo(a ^ b);
        }
    }

    @Test
    void blobsCenterOnTheirCenters() {
        Tensor centers = Tensor.of(new double[][] {{0, 0, 0}, {5, -5, 1}});
        LabeledData exact = Synthetic.blobs(3, centers, 0.0, 1);
        LabeledData blobs = Synthetic.blobs(2000, centers, 0.5, 1);

        assertThat(exact.features().select(0, 4)).isEqualTo(centers.select(0, 1));
        assertThat(blobs.features().shape().toArray()).containsExactly(4000, 3);
        assertThat(blobs.classCounts()).containsExactly(2000, 2000);
        Tensor secondBlob = blobs.features().slice(0, 2000, 4000);
        assertThat(secondBlob.mean(0, false).allClose(centers.select(0, 1), 0, 0.05)).isTrue();
        assertThat(secondBlob.std(0, false).allClose(Tensor.full(gradschool.core.Shape.of(3), 0.5), 0, 0.05)).isTrue();
    }

    @Test
    void linearRegressionWithoutNoiseIsExactlyLinear() {
        Tensor weights = Tensor.of(new double[] {2, -3});
        LabeledData data = Synthetic.linearRegression(50, weights, 0.5, 0.0, 9);

        assertThat(data.features().shape().toArray()).containsExactly(50, 2);
        assertThat(data.classNames()).isEmpty();
        Tensor expected = data.features().matmul(weights).add(0.5);
        assertThat(data.labels().allClose(expected, 0, 1e-12)).isTrue();
    }

    @Test
    void linearRegressionNoiseHasTheRequestedDeviation() {
        Tensor weights = Tensor.of(new double[] {1});
        LabeledData data = Synthetic.linearRegression(4000, weights, 0, 0.3, 9);

        Tensor residuals = data.labels().sub(data.features().matmul(weights));
        assertThat(residuals.std().item()).isCloseTo(0.3, within(0.02));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> Synthetic.twoMoons(-1, 0.1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be >= 0, got -1");
        assertThatThrownBy(() -> Synthetic.twoMoons(10, -0.1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise");
        assertThatThrownBy(() -> Synthetic.spirals(10, 0, 0.1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classes must be >= 1");
        assertThatThrownBy(() -> Synthetic.blobs(10, Tensor.of(new double[] {1, 2}), 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(classes, d)");
        assertThatThrownBy(() -> Synthetic.linearRegression(10, Tensor.zeros(2, 2), 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(d,)");
        assertThatThrownBy(() -> Synthetic.xor(4, Double.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
