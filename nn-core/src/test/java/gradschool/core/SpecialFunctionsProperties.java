package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Identities of {@link SpecialFunctions#erf} and {@link SpecialFunctions#erfc} at random points. */
class SpecialFunctionsProperties {

    @Property(tries = 500, seed = "20261201")
    void erfIsOdd(@ForAll @DoubleRange(min = -30, max = 30) double x) {
        assertThat(SpecialFunctions.erf(-x)).isEqualTo(-SpecialFunctions.erf(x));
    }

    @Property(tries = 500, seed = "20261201")
    void erfcOfMinusXIsTwoMinusErfc(@ForAll @DoubleRange(min = -30, max = 30) double x) {
        assertThat(SpecialFunctions.erfc(-x)).isCloseTo(2 - SpecialFunctions.erfc(x), within(4e-16));
    }

    @Property(tries = 500, seed = "20261201")
    void erfPlusErfcIsOne(@ForAll @DoubleRange(min = -8, max = 8) double x) {
        assertThat(SpecialFunctions.erf(x) + SpecialFunctions.erfc(x)).isCloseTo(1.0, within(4e-16));
    }

    @Property(tries = 500, seed = "20261201")
    void erfRisesAndStaysInMinusOneToOne(@ForAll @DoubleRange(min = -7, max = 7) double x,
                                         @ForAll @DoubleRange(min = 0, max = 1) double step) {
        double y = SpecialFunctions.erf(x);
        assertThat(y).isBetween(-1.0, 1.0);
        assertThat(SpecialFunctions.erf(x + step)).isGreaterThanOrEqualTo(y);
    }

    @Property(tries = 200, seed = "20261201")
    void erfSlopeIsTheGaussian(@ForAll @DoubleRange(min = -4, max = 4) double x) {
        double h = 1e-5;
        double slope = (SpecialFunctions.erf(x + h) - SpecialFunctions.erf(x - h)) / (2 * h);
        assertThat(slope).isCloseTo(2 / Math.sqrt(Math.PI) * Math.exp(-x * x), within(1e-9));
    }
}
