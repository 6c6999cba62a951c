package gradschool.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.nn.Parameter;

/** Small parameters, losses with known gradients, and value checks shared by the optimizer tests. */
final class Fixtures {

    /** The tolerance for comparing an optimizer's update with the same rule computed by hand. */
    static final double TOLERANCE = 1e-12;

    private Fixtures() {
    }

    /** Returns a 1-D parameter holding the values. */
    static Parameter parameter(double... values) {
        return new Parameter(Tensor.of(values));
    }

    /**
     * Replaces the parameter's gradient by {@code c}: clears it, then runs backward on the loss
     * {@code Σ c_i·p_i}, whose gradient is exactly {@code c}.
     */
    static void setGradient(Parameter p, double... c) {
        p.zeroGrad();
        p.mul(Variable.of(Tensor.of(c))).sum().backward();
        assertThat(p.grad().toDoubleArray()).containsExactly(c);
    }

    /**
     * Takes one optimizer step per gradient, in order: sets the parameter's gradient to it
     * ({@link #setGradient}), then calls {@link Optimizer#step()}.
     */
    static void stepWithGradients(Parameter p, Optimizer optimizer, double[]... gradients) {
        for (double[] gradient : gradients) {
            setGradient(p, gradient);
            optimizer.step();
        }
    }

    /**
     * Clears the gradient and runs backward on {@code f(p) = Σ (p_i − t_i)²} (gradient {@code 2·(p − t)}).
     *
     * @return the loss
     */
    static double quadraticBackward(Parameter p, double... target) {
        p.zeroGrad();
        Variable loss = p.sub(Variable.of(Tensor.of(target))).pow(2).sum();
        loss.backward();
        return loss.item();
    }

    /** Runs {@code steps} optimizer steps on the quadratic and returns the final loss. */
    static double minimiseQuadratic(Optimizer optimizer, Parameter p, double[] target, int steps) {
        for (int step = 0; step < steps; step++) {
            optimizer.zeroGrad();
            quadraticBackward(p, target);
            optimizer.step();
        }
        return quadraticBackward(p, target);
    }

    /** Checks every element of the parameter against hand-computed values. */
    static void assertValues(Parameter p, double... expected) {
        double[] actual = p.value().toDoubleArray();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }
}
