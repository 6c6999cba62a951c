package gradschool.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class GradientClippingProperties {

    @Property(tries = 200)
    void clippedGradientsHaveNormAtMostMaxNormAndKeepTheirDirection(
            @ForAll @Size(min = 1, max = 6) List<@DoubleRange(min = -100, max = 100) Double> values,
            @ForAll @DoubleRange(min = 0.01, max = 50) double maxNorm) {
        List<Parameter> parameters = new ArrayList<>();
        for (double v : values) {                      // one parameter per value: the norm is global
            Parameter p = new Parameter(Tensor.of(new double[] {0}));
            p.mul(Variable.of(Tensor.of(new double[] {v}))).sum().backward();
            parameters.add(p);
        }
        double norm = GradientClipping.clipByNorm(parameters, maxNorm);
        double expectedNorm = Math.sqrt(values.stream().mapToDouble(v -> v * v).sum());
        assertThat(norm).isCloseTo(expectedNorm, within(1e-9));
        double scale = norm > maxNorm ? maxNorm / (norm + 1e-6) : 1.0;
        double clippedSquares = 0;
        for (int i = 0; i < values.size(); i++) {
            double clipped = parameters.get(i).grad().item();
            assertThat(clipped).isCloseTo(values.get(i) * scale, within(1e-12));
            clippedSquares += clipped * clipped;
        }
        assertThat(Math.sqrt(clippedSquares)).isLessThanOrEqualTo(Math.max(maxNorm, 0) + 1e-12);
    }
}
