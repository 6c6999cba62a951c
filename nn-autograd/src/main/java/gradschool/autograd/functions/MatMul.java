package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * Matrix product with numpy's {@code @} semantics: {@code C = A·B}, {@code c_ij = Σ_k a_ik·b_kj}
 * (1-D operands are treated as a row or column vector; leading batch dimensions broadcast).
 *
 * <p>Derivative: {@code dL/dA = G·Bᵀ} and {@code dL/dB = Aᵀ·G} — the seed notebook's
 * {@code dL/dW = Aᵀ · dL/dZ}. For 1-D operands the removed dimension is put back first; batch
 * dimensions that were broadcast are summed by the engine. Saves the inputs. Shape: see
 * {@link Tensor#matmul}.
 */
public final class MatMul extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].matmul(x[1]);
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable a = input(0);
        Variable b = input(1);
        if (a.rank() == 1 && b.rank() == 1) { // dot product: a scalar output
            return grads(needsGrad(0) ? gradOutput.mul(b) : null, needsGrad(1) ? gradOutput.mul(a) : null);
        }
        // Treat vectors as matrices: a as a row (1, k), b as a column (k, 1), and put the
        // dimension that the forward pass removed back into the gradient.
        Variable matrixA = a.rank() == 1 ? a.unsqueeze(0) : a;
        Variable matrixB = b.rank() == 1 ? b.unsqueeze(1) : b;
        Variable g = gradOutput;
        if (a.rank() == 1) {
            g = g.unsqueeze(-2);
        }
        if (b.rank() == 1) {
            g = g.unsqueeze(-1);
        }
        Variable gradA = null;
        Variable gradB = null;
        if (needsGrad(0)) {
            gradA = g.matmul(matrixB.transpose(-1, -2)); // G·Bᵀ
            gradA = a.rank() == 1 ? gradA.sumToShape(matrixA.value().shape()).reshape(a.shape().toArray()) : gradA;
        }
        if (needsGrad(1)) {
            gradB = matrixA.transpose(-1, -2).matmul(g); // Aᵀ·G
            gradB = b.rank() == 1 ? gradB.sumToShape(matrixB.value().shape()).reshape(b.shape().toArray()) : gradB;
        }
        return grads(gradA, gradB);
    }

    @Override
    public DerivativeRule derivativeRule() {
        return DerivativeRule.binary("y = a · b", "g · bᵀ", "aᵀ · g")
                .withNote("the seed notebook's dL/dW = Aᵀ · dL/dZ; a 1-D operand gets its removed dimension back first");
    }
}
