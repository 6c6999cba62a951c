package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.random.RandomGenerator;

/**
 * The long short-term memory cell (Hochreiter &amp; Schmidhuber, 1997) in PyTorch's form:
 * <pre>
 * i  = σ(W_ii x + b_ii + W_hi h + b_hi)       input gate
 * f  = σ(W_if x + b_if + W_hf h + b_hf)       forget gate
 * g  = tanh(W_ig x + b_ig + W_hg h + b_hg)    candidate
 * o  = σ(W_io x + b_io + W_ho h + b_ho)       output gate
 * c' = f ⊙ c + i ⊙ g
 * h' = o ⊙ tanh(c')
 * </pre>
 *
 * <pre>{@code
 * LSTMCell cell = new LSTMCell(10, 64);
 * RecurrentCell.State next = cell.forward(x, cell.zeroState(32));   // next.hidden(), next.cell(): (32, 64)
 * }</pre>
 *
 * <p>The gates' weights are stacked in the order i, f, g, o: {@code weight_ih (4H, I)},
 * {@code weight_hh (4H, H)}, biases {@code (4H,)}; all from U(−1/√H, 1/√H), so the forget gate's bias
 * starts near 0 (not at 1, as some papers advise) — PyTorch's default. Derivative: from the ops it is
 * built of. Reference: {@code torch.nn.LSTMCell}.
 */
public class LSTMCell extends RecurrentCell {

    /**
     * Makes the cell, initialised from the current thread's generator ({@link Init#generator()}).
     *
     * @param inputSize {@code I}
     * @param hiddenSize {@code H}
     */
    public LSTMCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, Init.generator());
    }

    /**
     * Makes the cell, initialised from the given generator.
     *
     * @param inputSize {@code I}
     * @param hiddenSize {@code H}
     * @param random the generator for U(−1/√H, 1/√H)
     */
    public LSTMCell(int inputSize, int hiddenSize, RandomGenerator random) {
        super(inputSize, hiddenSize, 4, random);
    }

    /**
     * Computes {@code (h', c')} from {@code x} and {@code (h, c)} (see the class comment), like PyTorch's
     * {@code cell(x, (h, c))}.
     *
     * @param input {@code x}, shape {@code (B, I)}
     * @param state {@code h} and {@code c}, each of shape {@code (B, H)}
     * @return {@code h'} and {@code c'}, each of shape {@code (B, H)}
     * @throws IllegalArgumentException naming the shapes if they do not fit, or if the cell state is missing
     */
    public State forward(Variable input, State state) {
        checkInput(input);
        checkState(input, state.hidden(), "hidden state");
        checkState(input, state.cell(), "cell state");
        Variable gates = inputGates(input).add(hiddenGates(state.hidden()));   // (B, 4H): i, f, g, o
        Variable inputGate = gate(gates, 0).sigmoid();
        Variable forgetGate = gate(gates, 1).sigmoid();
        Variable candidate = gate(gates, 2).tanh();
        Variable outputGate = gate(gates, 3).sigmoid();
        Variable cell = forgetGate.mul(state.cell()).add(inputGate.mul(candidate));
        return new State(outputGate.mul(cell.tanh()), cell);
    }

    @Override
    public State step(Variable input, State state) {
        return forward(input, state);
    }

    /**
     * Returns zeros for both the hidden and the cell state, as PyTorch starts.
     *
     * @param batch {@code B}
     * @return zeros of shape {@code (B, H)} for {@code h} and {@code c}
     */
    @Override
    public State zeroState(int batch) {
        return new State(Variable.of(Tensor.zeros(batch, hiddenSize())), Variable.of(Tensor.zeros(batch, hiddenSize())));
    }
}
