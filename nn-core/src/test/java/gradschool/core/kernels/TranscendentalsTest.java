package gradschool.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The transcendental formulas at the points where they must be exact, and at the ends of the range. */
class TranscendentalsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void exactAtZero() {
        assertThat(Transcendentals.exp(0.0)).isEqualTo(1.0);
        assertThat(Transcendentals.exp(-0.0)).isEqualTo(1.0);
        assertThat(Transcendentals.log(1.0)).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(Transcendentals.tanh(0.0))).isEqualTo(0L);
        assertThat(Double.doubleToRawLongBits(Transcendentals.tanh(-0.0))).isEqualTo(Long.MIN_VALUE); // −0
        assertThat(Transcendentals.sigmoid(0.0)).isEqualTo(0.5);
        assertThat(Transcendentals.sigmoid(-0.0)).isEqualTo(0.5);
    }

    @Test
    void exactAtTheSaturationPoints() {
        for (double x : new double[] {22.0, 23.5, 1e300, INF}) {
            assertThat(Transcendentals.tanh(x)).as("tanh(%s)", x).isEqualTo(1.0).isEqualTo(StrictMath.tanh(x));
            assertThat(Transcendentals.tanh(-x)).as("tanh(%s)", -x).isEqualTo(-1.0);
        }
        assertThat(Transcendentals.sigmoid(800)).isEqualTo(1.0);
        assertThat(Transcendentals.sigmoid(INF)).isEqualTo(1.0);
        assertThat(Transcendentals.sigmoid(-800)).isEqualTo(0.0);
        assertThat(Transcendentals.sigmoid(-INF)).isEqualTo(0.0);
        assertThat(Transcendentals.exp(709.78)).isEqualTo(StrictMath.exp(709.78));   // the largest finite
        assertThat(Transcendentals.exp(709.79)).isEqualTo(INF);
        assertThat(Transcendentals.exp(1e300)).isEqualTo(INF);
        assertThat(Transcendentals.exp(INF)).isEqualTo(INF);
        assertThat(Transcendentals.exp(-745.13)).isEqualTo(Double.MIN_VALUE);      // subnormal, rounded once
        assertThat(Transcendentals.exp(-745.14)).isEqualTo(0.0);
        assertThat(Transcendentals.exp(-INF)).isEqualTo(0.0);
    }

    @Test
    void logOfZeroNegativeInfinityAndSubnormals() {
        assertThat(Transcendentals.log(0.0)).isEqualTo(-INF);
        assertThat(Transcendentals.log(-0.0)).isEqualTo(-INF);
        assertThat(Transcendentals.log(-1.0)).isNaN();
        assertThat(Transcendentals.log(-INF)).isNaN();
        assertThat(Transcendentals.log(INF)).isEqualTo(INF);
        assertThat(Transcendentals.log(Double.MIN_VALUE)).isEqualTo(StrictMath.log(Double.MIN_VALUE));
        assertThat(Transcendentals.log(Double.MAX_VALUE)).isEqualTo(StrictMath.log(Double.MAX_VALUE));
    }

    @Test
    void nanInNanOut() {
        assertThat(Transcendentals.exp(Double.NaN)).isNaN();
        assertThat(Transcendentals.log(Double.NaN)).isNaN();
        assertThat(Transcendentals.tanh(Double.NaN)).isNaN();
        assertThat(Transcendentals.sigmoid(Double.NaN)).isNaN();
    }

    @Test
    void theVectorLoopAgreesAtTheSpecialPoints() {
        double[] x = {0.0, -0.0, 1.0, 22.0, -22.0, INF, -INF, Double.NaN, 709.79, -745.13, Double.MIN_VALUE, -1.0};
        for (int n = 0; n <= x.length; n++) {
            double[] scalar = new double[n];
            double[] vector = new double[n];
            Transcendentals.tanh(x, 0, scalar, 0, n);
            VectorTranscendentals.tanh(x, 0, vector, 0, n);
            assertThat(vector).isEqualTo(scalar);
            Transcendentals.log(x, 0, scalar, 0, n);
            VectorTranscendentals.log(x, 0, vector, 0, n);
            assertThat(vector).isEqualTo(scalar);
            Transcendentals.exp(x, 0, scalar, 0, n);
            VectorTranscendentals.exp(x, 0, vector, 0, n);
            assertThat(vector).isEqualTo(scalar);
        }
    }
}
