package gradschool.exercises;

import gradschool.core.Tensor;
import gradschool.examples.exercises.HandDerivedGradients;
import gradschool.examples.exercises.NotDoneYet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exercise {@code seed-gradients}: the seed notebook's backward pass, by hand — {@code dL/dW} and
 * {@code dL/db} of its 3-layer network, as numbers, computed with plain tensors as the notebook does
 * with numpy.
 *
 * <p>Check it with {@code ./gradschool exercise check seed-gradients}: the grader compares every
 * gradient with autograd's, at the notebook's weights and at other random ones. Docs:
 * docs/backprop-by-hand.md (the notebook's rules, written out) and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>Go backwards one layer at a time: {@code dL/dp = p − a}, then through each relu
 *       ({@code ⊙ relu'(Z)}, with {@code Z.gt(0.0)} as the mask), then each product.</li>
 *   <li>{@code dL/dW3 = A2ᵀ · dL/dZ3}; {@code dL/dZ2 = (dL/dZ3 · W3ᵀ) ⊙ relu'(Z2)}; and so on.</li>
 *   <li>A gradient always has its parameter's shape: W1 (3, 3), W2 (3, 2), W3 (2, 1), b1 (3, 1),
 *       b2 (2, 1), b3 (1). If a product has another shape, a transpose is missing.</li>
 * </ul>
 */
public final class SeedGradients extends HandDerivedGradients {

    @Override
    public Map<String, Tensor> gradients(Tensor x, double target, Map<String, Tensor> parameters) {
        Tensor w1 = parameters.get("W1");
        Tensor w2 = parameters.get("W2");
        Tensor w3 = parameters.get("W3");
        Tensor b1 = parameters.get("b1");
        Tensor b2 = parameters.get("b2");
        Tensor b3 = parameters.get("b3");

        // The forward pass, keeping what the backward pass needs.
        Tensor z1 = x.transpose().matmul(w1).add(b1.transpose());   // (1, 3)
        Tensor a1 = z1.relu();
        Tensor z2 = a1.matmul(w2).add(b2.transpose());              // (1, 2)
        Tensor a2 = z2.relu();
        Tensor z3 = a2.matmul(w3).add(b3);                          // (1, 1)
        Tensor p = z3.relu();                                       // the prediction; L = ½(a − p)²

        Map<String, Tensor> gradients = new LinkedHashMap<>();
        // The backward pass: put dL/dW1, dL/dW2, dL/dW3, dL/db1, dL/db2 and dL/db3 into the map,
        // e.g. gradients.put("W3", ...), each with its parameter's shape.
        throw new NotDoneYet();
    }
}
