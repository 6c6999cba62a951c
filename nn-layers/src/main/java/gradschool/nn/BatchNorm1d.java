package gradschool.nn;

/**
 * Batch normalization of (N, C) or (N, C, L) input — or, made with {@link #channelsLast}, of (N, C)
 * or (N, L, C) input: each channel {@code c} is normalized with the mean and biased variance of its
 * values over N (and L), then scaled by γ_c and shifted by β_c.
 *
 * <pre>{@code
 * BatchNorm1d bn = new BatchNorm1d(16);
 * Variable y = bn.forward(x);      // x (32, 16): per column, mean 0 and variance ≈ 1 over the batch
 * bn.eval();                        // from now on: the running statistics
 *
 * BatchNorm1d wavenet = BatchNorm1d.channelsLast(68);
 * Variable h = wavenet.forward(z); // z (32, 4, 68): statistics per channel over dimensions 0 and 1
 * }</pre>
 *
 * <p>Where the channels are (a choice, with PyTorch's as the default): {@code new BatchNorm1d(C)} is
 * PyTorch's {@code torch.nn.BatchNorm1d}, which takes (N, C, L) — channels in dimension 1, as a
 * {@link Conv1d} produces them. {@link #channelsLast BatchNorm1d.channelsLast(C)} takes (N, L, C) — the
 * channels in the last dimension, as a sequence model's (B, T, C) activations and the makemore lectures'
 * hand-written BatchNorm1d (statistics over {@code dim=(0, 1)}) have them. In PyTorch the same thing is
 * {@code bn(x.transpose(1, 2)).transpose(1, 2)}. On (N, C) input the two agree. Running statistics,
 * evaluation mode, parameters and their saved names are the same for both.
 *
 * <p>One difference from the lectures' own class, which gradschool does not copy: it normalized with
 * {@code x.var(dim)}, PyTorch's <em>unbiased</em> variance, where {@code torch.nn.BatchNorm1d} (and
 * this layer) normalizes with the biased one and keeps the unbiased one for {@code running_var}.
 *
 * <p>Formulas, running statistics, train and eval modes: see {@link BatchNorm}. Defaults as PyTorch's
 * {@code torch.nn.BatchNorm1d}: ε = 1e-5, momentum 0.1, affine γ/β.
 */
public class BatchNorm1d extends BatchNorm {

    /** Where the input keeps its channels. */
    private enum Layout { CHANNELS_FIRST, CHANNELS_LAST }

    private final Layout layout;

    /**
     * Makes the layer with ε = 1e-5 and momentum 0.1, for (N, C) or (N, C, L) input.
     *
     * @param channels C, the size of dimension 1 of the input
     */
    public BatchNorm1d(int channels) {
        this(channels, DEFAULT_EPS, DEFAULT_MOMENTUM);
    }

    /**
     * Makes the layer with a given ε and momentum, for (N, C) or (N, C, L) input.
     *
     * @param channels C, the size of dimension 1 of the input
     * @param eps the ε added to the variance, positive
     * @param momentum the weight of the newest batch in the running statistics, in [0, 1]
     */
    public BatchNorm1d(int channels, double eps, double momentum) {
        this(channels, eps, momentum, Layout.CHANNELS_FIRST);
    }

    private BatchNorm1d(int channels, double eps, double momentum, Layout layout) {
        super(channels, eps, momentum);
        this.layout = layout;
    }

    /**
     * Makes a layer for (N, C) or (N, L, C) input — channels last, statistics over dimensions 0 and 1 —
     * with ε = 1e-5 and momentum 0.1.
     *
     * @param channels C, the size of the input's last dimension
     * @return the layer
     */
    public static BatchNorm1d channelsLast(int channels) {
        return channelsLast(channels, DEFAULT_EPS, DEFAULT_MOMENTUM);
    }

    /**
     * Makes a layer for (N, C) or (N, L, C) input, channels last, with a given ε and momentum.
     *
     * @param channels C, the size of the input's last dimension
     * @param eps the ε added to the variance, positive
     * @param momentum the weight of the newest batch in the running statistics, in [0, 1]
     * @return the layer
     */
    public static BatchNorm1d channelsLast(int channels, double eps, double momentum) {
        return new BatchNorm1d(channels, eps, momentum, Layout.CHANNELS_LAST);
    }

    /**
     * Returns whether this layer takes its channels in the last dimension, (N, L, C).
     *
     * @return true if made by {@link #channelsLast}
     */
    public boolean isChannelsLast() {
        return layout == Layout.CHANNELS_LAST;
    }

    @Override
    protected boolean acceptsRank(int rank) {
        return rank == 2 || rank == 3;
    }

    @Override
    protected int channelAxis(int rank) {
        return isChannelsLast() ? rank - 1 : 1;
    }

    @Override
    protected String expectedShapes() {
        return isChannelsLast()
                ? "(N, " + channels() + ") or (N, L, " + channels() + ") (channels last)"
                : "(N, " + channels() + ") or (N, " + channels() + ", L)";
    }

    @Override
    protected String describeSettings() {
        return super.describeSettings() + (isChannelsLast() ? ", channelsLast" : "");
    }
}
