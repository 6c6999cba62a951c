package gradschool.nn;

/**
 * Batch normalization of (N, C) or (N, C, L) input: each channel {@code c} is normalized with the
 * mean and biased variance of its values over N (and L), then scaled by γ_c and shifted by β_c.
 *
 * <pre>{@code
 * BatchNorm1d bn = new BatchNorm1d(16);
 * Variable y = bn.forward(x);      // x (32, 16): per column, mean 0 and variance ≈ 1 over the batch
 * bn.eval();                        // from now on: the running statistics
 * }</pre>
 *
 * <p>Formulas, running statistics, train and eval modes: see {@link BatchNorm}. Defaults as PyTorch's
 * {@code torch.nn.BatchNorm1d}: ε = 1e-5, momentum 0.1, affine γ/β.
 */
public class BatchNorm1d extends BatchNorm {

    /**
     * Makes the layer with ε = 1e-5 and momentum 0.1.
     *
     * @param channels C, the size of dimension 1 of the input
     */
    public BatchNorm1d(int channels) {
        this(channels, DEFAULT_EPS, DEFAULT_MOMENTUM);
    }

    /**
     * Makes the layer with a given ε and momentum.
     *
     * @param channels C, the size of dimension 1 of the input
     * @param eps the ε added to the variance, positive
     * @param momentum the weight of the newest batch in the running statistics, in [0, 1]
     */
    public BatchNorm1d(int channels, double eps, double momentum) {
        super(channels, eps, momentum);
    }

    @Override
    protected boolean acceptsRank(int rank) {
        return rank == 2 || rank == 3;
    }

    @Override
    protected String expectedShapes() {
        return "(N, " + channels() + ") or (N, " + channels() + ", L)";
    }
}
