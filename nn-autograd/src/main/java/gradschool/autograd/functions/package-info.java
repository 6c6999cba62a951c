/**
 * One class per differentiable op. Each class's javadoc states the forward formula, the derivative,
 * what is saved for backward, and the shape rule; {@code docs/derivatives.md} collects them in a table.
 * In the derivatives, {@code g} is the incoming gradient {@code dL/d(output)}.
 */
package gradschool.autograd.functions;
