package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code matmul}: the backward rule of the matrix product, {@code C = A · B}, for both
 * operands ({@code c_ij = Σ_k a_ik·b_kj}; graded on 2-D matrices and on batches of them).
 *
 * <p>Check it with {@code ./gradschool exercise check matmul}. Docs: docs/backprop-by-hand.md (the
 * seed notebook's {@code dL/dW = Aᵀ · dL/dZ}), docs/derivatives.md and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>Write out one element: {@code a_ik} appears in every {@code c_ij} of row i, multiplied by
 *       {@code b_kj}. So {@code dL/da_ik = Σ_j g_ij·b_kj}: which product of G and B is that?</li>
 *   <li>Check with the shapes: {@code dL/dA} has A's shape (m, k), G is (m, n), B is (k, n).</li>
 *   <li>{@code transpose(-1, -2)} swaps the last two axes, so the rule also works on batches.</li>
 * </ul>
 */
public final class MatMulBackward extends BackwardExercise {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].matmul(x[1]);   // C = A · B
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dA, dL/dB).
        throw new NotDoneYet();
    }
}
