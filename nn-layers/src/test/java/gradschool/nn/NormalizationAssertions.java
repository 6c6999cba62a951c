package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/** Assertions shared by the normalization tests. */
final class NormalizationAssertions {

    private NormalizationAssertions() {}

    /**
     * Asserts that a tensor has, in row-major order, exactly the given values (within 1e-12).
     *
     * @param actual the tensor
     * @param expected the values worked out in the test
     */
    static void assertValues(Tensor actual, double... expected) {
        double[] values = actual.toDoubleArray();
        assertThat(values).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(values[i]).as("element %d of %s", i, actual).isCloseTo(expected[i], within(1e-12));
        }
    }

    /**
     * Asserts that backward gives every parameter of the layer the gradient of
     * {@code L = Σ seed·layer(x)} that central differences give, perturbing the parameter's value in place.
     *
     * @param layer the layer (its mode decides what is checked)
     * @param x the input
     * @param seed the weights of the outputs in L, of the output's shape
     */
    static void assertParameterGradientsMatchCentralDifferences(Layer layer, Tensor x, Tensor seed) {
        layer.zeroGrad();
        layer.forward(x).mul(Variable.constant(seed)).sum().backward();
        for (Parameter parameter : layer.parameters()) {
            Tensor numeric = GradCheck.numericalGradient(value -> {
                Tensor saved = parameter.value().copy();
                parameter.value().copyFrom(value);
                double loss = layer.forward(x).value().mul(seed).sum().item();
                parameter.value().copyFrom(saved);
                return loss;
            }, parameter.value(), 1e-6);
            assertThat(parameter.grad().allClose(numeric, 1e-6, 1e-8))
                    .as("%s: autograd %s, central differences %s", parameter.name(), parameter.grad(), numeric).isTrue();
        }
    }
}
