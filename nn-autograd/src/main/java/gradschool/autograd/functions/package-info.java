/**
 * One class per differentiable op. Each class's javadoc states the forward formula, the derivative,
 * what is saved for backward, and the shape rule, and its {@code derivativeRule()} returns the
 * derivative as a {@link gradschool.autograd.DerivativeRule} — the text that
 * {@link gradschool.autograd.ExplainingListener} prints and {@code docs/derivatives.md} lists.
 * In the derivatives, {@code g} is the incoming gradient {@code dL/d(output)}.
 *
 * <p>Some ops share a name with a layer in {@code gradschool.nn} ({@code ReLU}, {@code Sigmoid},
 * {@code Softmax}, …): the class here is the op, a function of tensors with its derivative; the
 * layer of the same name is a {@code Layer} that applies it. The package tells them apart.
 */
package gradschool.autograd.functions;
