package gradschool.data;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Shapes, class balance and determinism of the generators, for small random arguments. */
class SyntheticProperties {

    @Property(tries = 30)
    void moonsHaveNRowsSplitInHalfAndRepeatForASeed(@ForAll @IntRange(min = 0, max = 60) int n,
            @ForAll @DoubleRange(min = 0, max = 0.5) double noise, @ForAll long seed) {
        LabeledData first = Synthetic.twoMoons(n, noise, seed);
        LabeledData again = Synthetic.twoMoons(n, noise, seed);

        assertThat(first.features().shape().toArray()).containsExactly(n, 2);
        assertThat(first.classCounts()).containsExactly(n / 2, n - n / 2);
        assertThat(again.features()).isEqualTo(first.features());
        assertThat(again.labels()).isEqualTo(first.labels());
    }

    @Property(tries = 30)
    void spiralsHaveEqualArmsAndRepeatForASeed(@ForAll @IntRange(min = 0, max = 30) int nPerClass,
            @ForAll @IntRange(min = 1, max = 5) int classes, @ForAll long seed) {
        LabeledData first = Synthetic.spirals(nPerClass, classes, 0.2, seed);

        assertThat(first.features().shape().toArray()).containsExactly(nPerClass * classes, 2);
        assertThat(first.classCounts()).containsOnly(nPerClass);
        assertThat(first.classCount()).isEqualTo(classes);
        assertThat(Synthetic.spirals(nPerClass, classes, 0.2, seed).features()).isEqualTo(first.features());
    }

    @Property(tries = 20)
    void noisyXorIsBalancedForMultiplesOfFour(@ForAll @IntRange(min = 0, max = 25) int quarter, @ForAll long seed) {
        LabeledData xor = Synthetic.xor(4 * quarter, 0.1, seed);

        assertThat(xor.classCounts()).containsExactly(2 * quarter, 2 * quarter);
        assertThat(Synthetic.xor(4 * quarter, 0.1, seed).features()).isEqualTo(xor.features());
    }
}
