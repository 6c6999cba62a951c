package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.core.Tensor;

/** Assertions shared by the loss tests: compare a tensor with numbers written out in the test. */
final class LossAssertions {

    /** The tolerance for hand-computed values. */
    static final double TOLERANCE = 1e-12;

    private LossAssertions() {}

    /**
     * Asserts that a tensor has the given shape and, in row-major order, the given values.
     *
     * @param actual the tensor
     * @param dims the expected shape
     * @param expected the expected values
     */
    static void assertTensor(Tensor actual, int[] dims, double... expected) {
        assertThat(actual.shape().toArray()).as("shape").containsExactly(dims);
        double[] values = actual.toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat(values[i]).as("element %d of %s", i, actual).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    /**
     * Returns its arguments as a shape, for readability: {@code shape(2, 3)}.
     *
     * @param dims the dimensions
     * @return the same array
     */
    static int[] shape(int... dims) {
        return dims;
    }
}
