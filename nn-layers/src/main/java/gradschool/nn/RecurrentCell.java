package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.random.RandomGenerator;

/**
 * One time step of a recurrent network: from an input {@code x_t} and the state {@code h_{t-1}} to the
 * next state {@code h_t}. {@link RNNCell}, {@link GRUCell} and {@link LSTMCell} are cells; {@link Recurrent}
 * applies a cell along a sequence.
 *
 * <p>Every cell has PyTorch's four parameters, named as PyTorch names them: {@code weight_ih}
 * {@code (gates·H, I)} and {@code weight_hh} {@code (gates·H, H)}, with the gates' rows stacked in
 * PyTorch's order, and {@code bias_ih}, {@code bias_hh} {@code (gates·H,)}. All four start from
 * U(−1/√H, 1/√H), drawn in that order, as PyTorch's {@code RNNCellBase.reset_parameters} does. Shapes:
 * the input is {@code (B, I)}, the state {@code (B, H)} (batch first; no unbatched {@code (I,)} form).
 * Both biases are kept although for RNN and LSTM only their sum matters, so that PyTorch's weights load
 * one to one.
 */
public abstract class RecurrentCell extends Layer {

    private final int inputSize;
    private final int hiddenSize;
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;

    /**
     * What a cell carries from one step to the next: the hidden state {@code h}, and for an LSTM also the
     * cell state {@code c} (null for the other cells).
     *
     * @param hidden {@code h}, shape {@code (B, H)}
     * @param cell {@code c}, shape {@code (B, H)}, or null for a cell without one
     */
    public record State(Variable hidden, Variable cell) {

        /**
         * Returns a state with only a hidden state, for {@link RNNCell} and {@link GRUCell}.
         *
         * @param hidden {@code h}, shape {@code (B, H)}
         * @return the state
         */
        public static State of(Variable hidden) {
            return new State(hidden, null);
        }
    }

    /**
     * Makes the cell's parameters.
     *
     * @param inputSize {@code I}, the features of one input
     * @param hiddenSize {@code H}, the size of the state
     * @param gates how many blocks of {@code H} rows the weights stack (1, 3 or 4)
     * @param random the generator for U(−1/√H, 1/√H)
     */
    protected RecurrentCell(int inputSize, int hiddenSize, int gates, RandomGenerator random) {
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": input and hidden sizes must be positive, got "
                    + "inputSize=" + inputSize + ", hiddenSize=" + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        int rows = gates * hiddenSize;
        // Init.linearDefault with fan-in H: U(−1/√H, 1/√H), PyTorch's stdv for every recurrent parameter
        this.weightIh = registerParameter("weight_ih", new Parameter(Init.linearDefault(random, hiddenSize, rows, inputSize)));
        this.weightHh = registerParameter("weight_hh", new Parameter(Init.linearDefault(random, hiddenSize, rows, hiddenSize)));
        this.biasIh = registerParameter("bias_ih", new Parameter(Init.linearDefault(random, hiddenSize, rows)));
        this.biasHh = registerParameter("bias_hh", new Parameter(Init.linearDefault(random, hiddenSize, rows)));
    }

    /**
     * Computes one step.
     *
     * @param input {@code x_t}, shape {@code (B, I)}
     * @param state the state after the previous step (its tensors of shape {@code (B, H)})
     * @return the state after this step
     * @throws IllegalArgumentException naming the shapes if the input or state does not fit
     */
    public abstract State step(Variable input, State state);

    /**
     * Returns the state a sequence starts from when none is given: zeros, as in PyTorch.
     *
     * @param batch {@code B}
     * @return zeros of shape {@code (B, H)} (and a zero cell state for an LSTM)
     */
    public State zeroState(int batch) {
        return State.of(Variable.of(Tensor.zeros(batch, hiddenSize)));
    }

    /**
     * Computes one step from the zero state and returns the new hidden state.
     *
     * @param input {@code x}, shape {@code (B, I)}
     * @return {@code h}, shape {@code (B, H)}
     */
    @Override
    public Variable forward(Variable input) {
        checkInput(input);
        return step(input, zeroState(input.shape().dim(0))).hidden();
    }

    /**
     * Returns {@code x·W_ihᵀ + b_ih}: the input's contribution to every gate, shape {@code (B, gates·H)}.
     *
     * @param input shape {@code (B, I)}
     * @return the stacked pre-activations
     */
    protected final Variable inputGates(Variable input) {
        return input.affine(weightIh, biasIh);
    }

    /**
     * Returns {@code h·W_hhᵀ + b_hh}: the state's contribution to every gate, shape {@code (B, gates·H)}.
     *
     * @param hidden shape {@code (B, H)}
     * @return the stacked pre-activations
     */
    protected final Variable hiddenGates(Variable hidden) {
        return hidden.affine(weightHh, biasHh);
    }

    /**
     * Returns gate block {@code k} (columns {@code k·H … (k+1)·H − 1}) of stacked pre-activations.
     *
     * @param stacked shape {@code (B, gates·H)}
     * @param k the gate's position in PyTorch's order
     * @return shape {@code (B, H)}
     */
    protected final Variable gate(Variable stacked, int k) {
        return stacked.slice(1, k * hiddenSize, (k + 1) * hiddenSize);
    }

    /**
     * Checks that the input is {@code (B, I)}.
     *
     * @param input the input
     * @throws IllegalArgumentException naming the expected and actual shapes
     */
    protected final void checkInput(Variable input) {
        if (input.rank() != 2 || input.shape().dim(1) != inputSize) {
            throw new IllegalArgumentException(label() + ": the input must have shape (B, " + inputSize
                    + ") — a batch of inputs of " + inputSize + " features — but has shape " + input.shape());
        }
    }

    /**
     * Checks that a state tensor is {@code (B, H)} for the input's batch size {@code B}.
     *
     * @param input the input, already checked
     * @param state the hidden or cell state
     * @param what {@code "hidden state"} or {@code "cell state"}, for the message
     * @throws IllegalArgumentException naming the expected and actual shapes
     */
    protected final void checkState(Variable input, Variable state, String what) {
        int batch = input.shape().dim(0);
        if (state == null) {
            throw new IllegalArgumentException(label() + ": the " + what + " is missing; pass zeroState(" + batch + ")");
        }
        if (state.rank() != 2 || state.shape().dim(0) != batch || state.shape().dim(1) != hiddenSize) {
            throw new IllegalArgumentException(label() + ": the " + what + " must have shape (" + batch + ", "
                    + hiddenSize + ") — (B, H) for the input of shape " + input.shape() + " — but has shape "
                    + state.shape());
        }
    }

    /** {@code GRUCell(3, 4)}: the name and sizes, for error messages (toString prints the layer tree). */
    final String label() {
        return getClass().getSimpleName() + "(" + describeSettings() + ")";
    }

    /**
     * Returns {@code I}, the features of one input.
     *
     * @return the input size
     */
    public int inputSize() {
        return inputSize;
    }

    /**
     * Returns {@code H}, the size of the hidden state.
     *
     * @return the hidden size
     */
    public int hiddenSize() {
        return hiddenSize;
    }

    /**
     * Returns {@code W_ih}, the input-to-gates weights, shape {@code (gates·H, I)}.
     *
     * @return the parameter
     */
    public Parameter weightIh() {
        return weightIh;
    }

    /**
     * Returns {@code W_hh}, the state-to-gates weights, shape {@code (gates·H, H)}.
     *
     * @return the parameter
     */
    public Parameter weightHh() {
        return weightHh;
    }

    /**
     * Returns {@code b_ih}, shape {@code (gates·H,)}.
     *
     * @return the parameter
     */
    public Parameter biasIh() {
        return biasIh;
    }

    /**
     * Returns {@code b_hh}, shape {@code (gates·H,)}.
     *
     * @return the parameter
     */
    public Parameter biasHh() {
        return biasHh;
    }

    @Override
    protected String describeSettings() {
        return inputSize + ", " + hiddenSize;
    }
}
