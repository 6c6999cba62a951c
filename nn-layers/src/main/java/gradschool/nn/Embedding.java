package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A lookup table: row {@code i} of a learned matrix is the vector of token {@code i} — the lecture's
 * {@code C[X]}.
 *
 * <pre>{@code
 * Embedding embedding = new Embedding(27, 10);       // 27 characters, 10 numbers each
 * Variable emb = embedding.forward(xs);              // xs (32, 3) of character indices → (32, 3, 10)
 * }</pre>
 *
 * <p>Formula: {@code y[…, :] = W[idx[…], :]}. Shapes: weight {@code (numEmbeddings, dim)}; indices of any
 * shape {@code (…)}, whole numbers in {@code 0..numEmbeddings-1}; output {@code (…, dim)}.
 *
 * <p>Derivative: {@code dL/dW[i] = Σ_{positions p with idx[p] = i} g[p]} — the rows of the gradient are
 * added into the rows they were read from, so a token used twice in a batch receives the sum of both
 * gradients and a token not used receives zeros. It is {@link Variable#indexSelect} followed by a
 * reshape, so the accumulation is {@code IndexSelect}'s backward ({@code IndexAdd}). The indices are
 * data and get no gradient.
 *
 * <p>Initialisation is PyTorch's: every weight from N(0, 1), drawn from {@link Init#generator()} (or the
 * generator given). Unlike PyTorch, the indices are given as a tensor of doubles holding whole numbers
 * (gradschool tensors hold doubles), or as an {@code int[]} with a shape; PyTorch's negative-index
 * rejection is kept (no counting from the end). No {@code padding_idx} or {@code max_norm}.
 * Reference: {@code torch.nn.Embedding}.
 */
public class Embedding extends Layer {

    private final int numEmbeddings;
    private final int embeddingDim;
    private final Parameter weight;

    /**
     * Makes the table, initialised from the current thread's generator ({@link Init#generator()}).
     *
     * @param numEmbeddings the number of rows (the vocabulary size)
     * @param embeddingDim the length of each row
     */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, Init.generator());
    }

    /**
     * Makes the table, initialised from the given generator.
     *
     * @param numEmbeddings the number of rows (the vocabulary size)
     * @param embeddingDim the length of each row
     * @param random the generator for the initial N(0, 1) values
     */
    public Embedding(int numEmbeddings, int embeddingDim, RandomGenerator random) {
        if (numEmbeddings <= 0 || embeddingDim <= 0) {
            throw new IllegalArgumentException("Embedding: the number of embeddings and their dimension must be "
                    + "positive, got numEmbeddings=" + numEmbeddings + ", embeddingDim=" + embeddingDim);
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.weight = registerParameter("weight", new Parameter(Init.normal(random, 0, 1, numEmbeddings, embeddingDim)));
    }

    /**
     * Makes a table holding the given rows (copied), e.g. weights from the lecture or a test.
     *
     * @param weight the table, shape {@code (numEmbeddings, dim)}
     * @return the layer
     */
    public static Embedding of(Tensor weight) {
        if (weight.rank() != 2) {
            throw new IllegalArgumentException("Embedding.of: needs a weight of shape (numEmbeddings, dim), got "
                    + weight.shape());
        }
        Embedding layer = new Embedding(weight.dim(0), weight.dim(1));
        layer.weight.value().copyFrom(weight);
        return layer;
    }

    /**
     * Looks up the rows for a tensor of indices.
     *
     * @param indices whole numbers in {@code 0..numEmbeddings-1}, any shape {@code (…)}
     * @return shape {@code (…, dim)}
     * @throws IllegalArgumentException naming the index and its position if one is not a whole number in range
     */
    @Override
    public Variable forward(Variable indices) {
        Shape shape = indices.shape();
        double[] values = indices.value().toDoubleArray();
        int[] rows = new int[values.length];
        for (int p = 0; p < values.length; p++) {
            double index = values[p];
            if (index != Math.rint(index) || index < 0 || index >= numEmbeddings) {
                throw new IllegalArgumentException(label() + ": index " + index + " at position "
                        + Arrays.toString(position(shape, p)) + " of the indices of shape " + shape
                        + " is not a row; indices must be whole numbers in 0.." + (numEmbeddings - 1));
            }
            rows[p] = (int) index;
        }
        return lookup(rows, shape);
    }

    /**
     * Looks up the rows for indices given as integers in row-major order with their shape.
     *
     * @param indices the indices, each in {@code 0..numEmbeddings-1}
     * @param shape the shape of the indices (its size must be {@code indices.length}); none for a flat list
     * @return shape {@code (shape…, dim)}
     * @throws IllegalArgumentException if the shape does not hold the indices, or an index is out of range
     */
    public Variable forward(int[] indices, int... shape) {
        Shape indexShape = shape.length == 0 ? Shape.of(indices.length) : Shape.of(shape);
        if (indexShape.size() != indices.length) {
            throw new IllegalArgumentException(label() + ": " + indices.length + " indices do not fill the shape "
                    + indexShape);
        }
        for (int p = 0; p < indices.length; p++) {
            if (indices[p] < 0 || indices[p] >= numEmbeddings) {
                throw new IllegalArgumentException(label() + ": index " + indices[p] + " at position "
                        + Arrays.toString(position(indexShape, p)) + " of the indices of shape " + indexShape
                        + " is not a row; indices must be in 0.." + (numEmbeddings - 1));
            }
        }
        return lookup(indices, indexShape);
    }

    /** Gathers the rows (IndexSelect: its backward adds repeated rows) and gives them the indices' shape. */
    private Variable lookup(int[] rows, Shape indexShape) {
        int[] outputDims = Arrays.copyOf(indexShape.toArray(), indexShape.rank() + 1);
        outputDims[indexShape.rank()] = embeddingDim;
        return weight.indexSelect(rows).reshape(outputDims);
    }

    /** The multi-index of the flat row-major position p in a shape: where a bad index sits. */
    private static int[] position(Shape shape, int p) {
        int[] index = new int[shape.rank()];
        int rest = p;
        for (int axis = shape.rank() - 1; axis >= 0; axis--) {
            index[axis] = rest % shape.dim(axis);
            rest /= shape.dim(axis);
        }
        return index;
    }

    /**
     * Returns the table, shape {@code (numEmbeddings, dim)}.
     *
     * @return the weight parameter
     */
    public Parameter weight() {
        return weight;
    }

    /**
     * Returns the number of rows.
     *
     * @return {@code numEmbeddings}
     */
    public int numEmbeddings() {
        return numEmbeddings;
    }

    /**
     * Returns the length of each row.
     *
     * @return {@code dim}
     */
    public int embeddingDim() {
        return embeddingDim;
    }

    @Override
    protected String describeSettings() {
        return numEmbeddings + ", " + embeddingDim;
    }

    /** {@code Embedding(27, 10)}: the name and sizes, for error messages (toString prints the layer tree). */
    private String label() {
        return "Embedding(" + describeSettings() + ")";
    }
}
