package gradschool.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link LaneReducer}'s index reductions: {@code ARGMAX}/{@code ARGMIN} give the index of
 * the first largest/smallest element of a strided lane, or of the first NaN — checked against the
 * textbook comparing loop on lanes full of ties, signed zeros, infinities and NaNs.
 */
class LaneReducerProperties {

    @Property(tries = 300, seed = "20261201")
    void argmaxIsTheFirstLargestOrTheFirstNaN(@ForAll("lanes") List<Double> lane,
                                              @ForAll @IntRange(min = 1, max = 3) int stride) {
        double[] data = spread(lane, stride);
        assertThat(LaneReducer.ARGMAX.reduce(data, 1, stride, lane.size()))
                .isEqualTo(firstBest(lane, true));
    }

    @Property(tries = 300, seed = "20261201")
    void argminIsTheFirstSmallestOrTheFirstNaN(@ForAll("lanes") List<Double> lane,
                                               @ForAll @IntRange(min = 1, max = 3) int stride) {
        double[] data = spread(lane, stride);
        assertThat(LaneReducer.ARGMIN.reduce(data, 1, stride, lane.size()))
                .isEqualTo(firstBest(lane, false));
    }

    @Provide
    Arbitrary<List<Double>> lanes() {
        return Arbitraries.of(0.0, -0.0, 1.0, -1.0, 2.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NaN).list().ofMinSize(1).ofMaxSize(7);
    }

    /** The lane's elements {@code stride} apart from index 1 on, with 7s (never the answer) between. */
    private static double[] spread(List<Double> lane, int stride) {
        double[] data = new double[1 + lane.size() * stride];
        java.util.Arrays.fill(data, 7.0);
        for (int i = 0; i < lane.size(); i++) {
            data[1 + i * stride] = lane.get(i);
        }
        return data;
    }

    /** The reference: one pass, keeping the first strictly better element; the first NaN wins. */
    private static double firstBest(List<Double> lane, boolean largest) {
        int best = 0;
        for (int i = 0; i < lane.size(); i++) {
            double x = lane.get(i);
            if (Double.isNaN(x)) {
                return i;
            }
            if (largest ? x > lane.get(best) : x < lane.get(best)) {
                best = i;
            }
        }
        return best;
    }
}
