package gradschool.nn;

import gradschool.autograd.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * A recurrent layer: applies one {@link RecurrentCell} at every time step of a batch-first sequence,
 * feeding each step's state to the next.
 *
 * <pre>{@code
 * Recurrent gru = new Recurrent(new GRUCell(10, 64));     // like nn.GRU(10, 64, batch_first=True)
 * Variable hs = gru.forward(x);                           // x (B, T, 10) → every h_t, (B, T, 64)
 * Recurrent.Result result = gru.run(x, null);             // result.outputs(), result.last().hidden()
 * }</pre>
 *
 * <p>Formula: {@code state_0} given (zeros by default), {@code state_t = cell(x[:, t-1], state_{t-1})} for
 * {@code t = 1 … T}, outputs {@code [h_1 … h_T]} stacked along dimension 1. Shapes: input
 * {@code (B, T, I)}, outputs {@code (B, T, H)}. Derivative: the loop builds one graph through all the
 * steps (the cell's parameters are used {@code T} times, so their gradients add up over the steps), and
 * backward walks it — backpropagation through time, with no truncation.
 *
 * <p>One layer, one direction; the cell's parameters are named {@code cell.weight_ih} etc. (PyTorch's
 * {@code nn.RNN}/{@code nn.GRU}/{@code nn.LSTM} name them {@code weight_ih_l0}; the numbers are the same).
 */
public class Recurrent extends Layer {

    private final RecurrentCell cell;

    /**
     * What a run over a sequence gives back, like PyTorch's {@code output, h_n = rnn(x)}.
     *
     * @param outputs every step's hidden state, shape {@code (B, T, H)}
     * @param last the state after the last step
     */
    public record Result(Variable outputs, RecurrentCell.State last) {
    }

    /**
     * Makes the layer around a cell.
     *
     * @param cell the cell applied at every step
     */
    public Recurrent(RecurrentCell cell) {
        this.cell = registerLayer("cell", cell);
    }

    /**
     * Runs over the sequence from the zero state and returns every step's hidden state.
     *
     * @param input shape {@code (B, T, I)}
     * @return shape {@code (B, T, H)}
     */
    @Override
    public Variable forward(Variable input) {
        return run(input, null).outputs();
    }

    /**
     * Runs over the sequence from a given state.
     *
     * @param input shape {@code (B, T, I)}, with {@code T ≥ 1}
     * @param initial the state before the first step, or null for zeros
     * @return every step's hidden state, {@code (B, T, H)}, and the last state
     * @throws IllegalArgumentException naming the shapes if the input is not {@code (B, T, I)} or the
     *     state does not fit
     */
    public Result run(Variable input, RecurrentCell.State initial) {
        if (input.rank() != 3 || input.shape().dim(1) == 0 || input.shape().dim(2) != cell.inputSize()) {
            throw new IllegalArgumentException("Recurrent(" + cell.label() + "): the input must have shape (B, T, "
                    + cell.inputSize() + ") — batch first, T ≥ 1 steps of " + cell.inputSize()
                    + " features — but has shape " + input.shape());
        }
        int steps = input.shape().dim(1);
        RecurrentCell.State state = initial != null ? initial : cell.zeroState(input.shape().dim(0));
        List<Variable> hiddens = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            state = cell.step(input.select(1, t), state);     // x[:, t] is (B, I)
            hiddens.add(state.hidden());
        }
        return new Result(Variable.stack(hiddens, 1), state);
    }

    /**
     * Returns the cell applied at every step.
     *
     * @return the cell
     */
    public RecurrentCell cell() {
        return cell;
    }
}
