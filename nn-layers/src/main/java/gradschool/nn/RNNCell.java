package gradschool.nn;

import gradschool.autograd.Variable;
import java.util.random.RandomGenerator;

/**
 * The Elman recurrent cell with tanh: {@code h' = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)}.
 *
 * <pre>{@code
 * RNNCell cell = new RNNCell(10, 64);
 * Variable h = cell.forward(x, h);           // x (B, 10), h (B, 64) → h' (B, 64)
 * }</pre>
 *
 * <p>Weights {@code weight_ih (H, I)}, {@code weight_hh (H, H)}, biases {@code (H,)}, all from
 * U(−1/√H, 1/√H) ({@link RecurrentCell}). Derivative: from the ops it is built of ({@code Affine},
 * {@code Add}, {@code Tanh}); through time, {@link Recurrent} unrolls it and autograd walks the unrolled
 * graph (backpropagation through time). Reference: {@code torch.nn.RNNCell(nonlinearity='tanh')}.
 */
public class RNNCell extends RecurrentCell {

    /**
     * Makes the cell, initialised from the current thread's generator ({@link Init#generator()}).
     *
     * @param inputSize {@code I}
     * @param hiddenSize {@code H}
     */
    public RNNCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, Init.generator());
    }

    /**
     * Makes the cell, initialised from the given generator.
     *
     * @param inputSize {@code I}
     * @param hiddenSize {@code H}
     * @param random the generator for U(−1/√H, 1/√H)
     */
    public RNNCell(int inputSize, int hiddenSize, RandomGenerator random) {
        super(inputSize, hiddenSize, 1, random);
    }

    /**
     * Computes {@code h' = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)}.
     *
     * @param input {@code x}, shape {@code (B, I)}
     * @param hidden {@code h}, shape {@code (B, H)}
     * @return {@code h'}, shape {@code (B, H)}
     * @throws IllegalArgumentException naming the shapes if they do not fit
     */
    public Variable forward(Variable input, Variable hidden) {
        checkInput(input);
        checkState(input, hidden, "hidden state");
        return inputGates(input).add(hiddenGates(hidden)).tanh();
    }

    @Override
    public State step(Variable input, State state) {
        if (state.cell() != null) {
            throw new IllegalArgumentException(label() + ": has no cell state, but the state carries one");
        }
        return State.of(forward(input, state.hidden()));
    }
}
