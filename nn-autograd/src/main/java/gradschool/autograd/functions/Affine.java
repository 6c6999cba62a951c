package gradschool.autograd.functions;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.List;

/**
 * The fully connected layer as one op: {@code y = x·Wᵀ + b} — the seed notebook's {@code X @ W.T + b}.
 *
 * <p>Shapes: {@code x} is {@code (…, in)}, {@code W} is {@code (out, in)}, {@code b} is {@code (out,)}
 * (or absent), {@code y} is {@code (…, out)}.
 *
 * <p>Derivative, with {@code G = dL/dy} and the leading dimensions of {@code x} flattened into rows:
 * <ul>
 *   <li>{@code dL/dx = G·W} — each input feeds every output through its weight;</li>
 *   <li>{@code dL/dW = Gᵀ·x} — the seed's {@code dL/dW = Aᵀ · dL/dZ}, written in W's {@code (out, in)} layout;</li>
 *   <li>{@code dL/db = Σ_rows G}.</li>
 * </ul>
 * The same numbers as {@code x.matmul(W.transpose()).add(b)}, but {@code dL/dW} comes out in W's own
 * layout instead of as a transposed view that would have to be copied. Saves nothing beyond its
 * inputs. Written with variable ops, so it differentiates again.
 */
public final class Affine extends Function {

    @Override
    protected Tensor forward(Tensor... x) {
        Tensor y = x[0].matmul(x[1].transpose());
        return x.length == 3 ? y.add(x[2]) : y;
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        Variable x = input(0);
        Variable weight = input(1);
        int out = weight.shape().dim(0);
        int in = weight.shape().dim(1);
        Variable gradInput = needsGrad(0) ? gradOutput.matmul(weight) : null;            // G·W
        Variable rows = gradOutput.reshape(-1, out);                                      // G as (rows, out)
        Variable gradWeight = needsGrad(1) ? rows.transpose().matmul(x.reshape(-1, in)) : null;  // Gᵀ·x
        if (inputs().size() == 2) {
            return grads(gradInput, gradWeight);
        }
        Variable gradBias = needsGrad(2) ? rows.sum(0, false) : null;                     // Σ_rows G
        return grads(gradInput, gradWeight, gradBias);
    }

    /**
     * Returns the rule with a bias, or without one when this application has no bias input.
     *
     * @return the rule
     */
    @Override
    public DerivativeRule derivativeRule() {
        String note = "the leading dimensions of x and g are flattened into rows";
        if (inputs().size() == 2) {
            return new DerivativeRule(List.of("x", "W"), "y = x · Wᵀ", List.of("g · W", "gᵀ · x"), note, false);
        }
        return new DerivativeRule(List.of("x", "W", "b"), "y = x · Wᵀ + b",
                List.of("g · W", "gᵀ · x", "Σ_rows g"), note, false);
    }
}
