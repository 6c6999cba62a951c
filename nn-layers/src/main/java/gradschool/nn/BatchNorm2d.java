package gradschool.nn;

/**
 * Batch normalization of (N, C, H, W) input: each channel {@code c} is normalized with the mean and
 * biased variance of its N·H·W values, then scaled by γ_c and shifted by β_c.
 *
 * <pre>{@code
 * BatchNorm2d bn = new BatchNorm2d(6);
 * Variable y = bn.forward(features);   // features (N, 6, 28, 28) → the same shape
 * }</pre>
 *
 * <p>Formulas, running statistics, train and eval modes: see {@link BatchNorm}. Defaults as PyTorch's
 * {@code torch.nn.BatchNorm2d}: ε = 1e-5, momentum 0.1, affine γ/β.
 */
public class BatchNorm2d extends BatchNorm {

    /**
     * Makes the layer with ε = 1e-5 and momentum 0.1.
     *
     * @param channels C, the size of dimension 1 of the input
     */
    public BatchNorm2d(int channels) {
        this(channels, DEFAULT_EPS, DEFAULT_MOMENTUM);
    }

    /**
     * Makes the layer with a given ε and momentum.
     *
     * @param channels C, the size of dimension 1 of the input
     * @param eps the ε added to the variance, positive
     * @param momentum the weight of the newest batch in the running statistics, in [0, 1]
     */
    public BatchNorm2d(int channels, double eps, double momentum) {
        super(channels, eps, momentum);
    }

    @Override
    protected boolean acceptsRank(int rank) {
        return rank == 4;
    }

    @Override
    protected String expectedShapes() {
        return "(N, " + channels() + ", H, W)";
    }
}
