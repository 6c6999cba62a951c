package gradschool.nn;

import gradschool.autograd.Variable;
import java.util.random.RandomGenerator;

/**
 * The gated recurrent unit (Cho et al., 2014) in PyTorch's form:
 * <pre>
 * r  = σ(W_ir x + b_ir + W_hr h + b_hr)           reset gate
 * z  = σ(W_iz x + b_iz + W_hz h + b_hz)           update gate
 * n  = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))  candidate
 * h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 *
 * <pre>{@code
 * GRUCell cell = new GRUCell(10, 64);
 * Variable h = cell.forward(x, h);           // x (B, 10), h (B, 64) → h' (B, 64)
 * }</pre>
 *
 * <p>The gates' weights are stacked in the order r, z, n: {@code weight_ih (3H, I)} is
 * {@code [W_ir; W_iz; W_in]} and {@code weight_hh (3H, H)} is {@code [W_hr; W_hz; W_hn]}, biases
 * {@code (3H,)} likewise. Two of PyTorch's choices matter for matching its numbers: {@code b_hn} sits
 * inside the reset gate's product (the original paper resets {@code h} before the matrix product), and
 * {@code z} keeps the old state ({@code z = 1} copies {@code h}). Derivative: from the ops it is built of.
 * Reference: {@code torch.nn.GRUCell}.
 */
public class GRUCell extends RecurrentCell {

    /**
     * Makes the cell, initialised from the current thread's generator ({@link Init#generator()}).
     *
     * @param inputSize {@code I}
     * @param hiddenSize {@code H}
     */
    public GRUCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, Init.generator());
    }

    /**
     * Makes the cell, initialised from the given generator.
     *
     * @param inputSize {@code I}
     * @param hiddenSize {@code H}
     * @param random the generator for U(−1/√H, 1/√H)
     */
    public GRUCell(int inputSize, int hiddenSize, RandomGenerator random) {
        super(inputSize, hiddenSize, 3, random);
    }

    /**
     * Computes {@code h'} from {@code x} and {@code h} (see the class comment).
     *
     * @param input {@code x}, shape {@code (B, I)}
     * @param hidden {@code h}, shape {@code (B, H)}
     * @return {@code h'}, shape {@code (B, H)}
     * @throws IllegalArgumentException naming the shapes if they do not fit
     */
    public Variable forward(Variable input, Variable hidden) {
        checkInput(input);
        checkState(input, hidden, "hidden state");
        Variable fromInput = inputGates(input);      // (B, 3H): [W_ir x + b_ir, W_iz x + b_iz, W_in x + b_in]
        Variable fromHidden = hiddenGates(hidden);   // (B, 3H): [W_hr h + b_hr, W_hz h + b_hz, W_hn h + b_hn]
        Variable reset = gate(fromInput, 0).add(gate(fromHidden, 0)).sigmoid();
        Variable update = gate(fromInput, 1).add(gate(fromHidden, 1)).sigmoid();
        Variable candidate = gate(fromInput, 2).add(reset.mul(gate(fromHidden, 2))).tanh();
        return update.rsub(1.0).mul(candidate).add(update.mul(hidden));     // (1 − z) ⊙ n + z ⊙ h
    }

    @Override
    public State step(Variable input, State state) {
        if (state.cell() != null) {
            throw new IllegalArgumentException(label() + ": has no cell state, but the state carries one");
        }
        return State.of(forward(input, state.hidden()));
    }
}
