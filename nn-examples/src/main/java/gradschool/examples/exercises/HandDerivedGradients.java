package gradschool.examples.exercises;

import gradschool.core.Tensor;
import java.util.Map;

/**
 * The first exercise: the gradients of the seed notebook's 3-layer network, derived by hand and
 * computed with plain tensors, as the notebook does with numpy (docs/backprop-by-hand.md).
 *
 * <p>The network, with the input as a row: {@code A1 = relu(xᵀ·W1 + b1ᵀ)}, {@code A2 = relu(A1·W2 + b2ᵀ)},
 * {@code p = relu(A2·W3 + b3)}, loss {@code L = ½(a − p)²}. The grader compares each gradient with
 * autograd's, at the notebook's numbers and at other random parameters.
 */
public abstract class HandDerivedGradients {

    /** The names of the parameters, in the notebook's order; the gradients map uses the same keys. */
    public static final java.util.List<String> PARAMETERS = java.util.List.of("W1", "W2", "W3", "b1", "b2", "b3");

    /** Makes the exercise. */
    protected HandDerivedGradients() {
    }

    /**
     * Returns {@code dL/dθ} for every parameter θ of the notebook's network.
     *
     * @param x the input column, shape (3, 1)
     * @param target the target {@code a}
     * @param parameters W1 (3, 3), W2 (3, 2), W3 (2, 1), b1 (3, 1), b2 (2, 1), b3 (1,)
     * @return a map from each name of {@link #PARAMETERS} to its gradient, of the parameter's shape
     */
    public abstract Map<String, Tensor> gradients(Tensor x, double target, Map<String, Tensor> parameters);
}
