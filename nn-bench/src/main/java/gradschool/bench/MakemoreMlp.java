package gradschool.bench;

import java.util.List;
import java.util.Map;

import gradschool.autograd.Autograd;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.Parameter;
import gradschool.optim.SGD;

/**
 * The makemore MLP of Bengio et al. (2003) as Karpathy's makemore lessons train it, one training step
 * at a time: a character embedding {@code C} (27×10), the embeddings of 3 context characters joined into
 * 30 numbers, a tanh layer of 200 units, 27 logits, softmax cross-entropy, backward, and plain SGD.
 *
 * <pre>{@code
 * MakemoreMlp mlp = MakemoreMlp.seeded(1);
 * double loss = mlp.step();          // forward, loss, zero the gradients, backward, SGD
 * }</pre>
 *
 * <p>The step, in the lessons' notation ({@code X}: 32×3 character indices, {@code Y}: 32 targets):
 * <pre>
 *   emb    = C[X].view(32, 30)
 *   h      = tanh(emb @ W1 + b1)          W1: 30×200, b1: 200
 *   logits = h @ W2 + b2                  W2: 200×27, b2: 27
 *   loss   = cross_entropy(logits, Y)
 *   p     -= lr · dloss/dp                for p in C, W1, b1, W2, b2
 * </pre>
 * The same step with a hand-written backward in numpy is {@code nn-bench/scripts/makemore_numpy.py};
 * {@link MakemoreStepBenchmark} times this one, {@link MakemoreLosses} prints its losses from the weights
 * the script writes.
 */
public final class MakemoreMlp {

    /** Characters: 26 letters and the end-of-word mark. */
    public static final int VOCABULARY = 27;
    /** Numbers per character embedding. */
    public static final int EMBEDDING = 10;
    /** Characters of context. */
    public static final int CONTEXT = 3;
    /** Units of the tanh layer. */
    public static final int HIDDEN = 200;
    /** Examples per step. */
    public static final int BATCH = 32;

    private final Parameter embedding;
    private final Parameter w1;
    private final Parameter b1;
    private final Parameter w2;
    private final Parameter b2;
    private final int[] contextRows;
    private final Tensor targets;
    private final SGD optimizer;
    private final CrossEntropyLoss loss = new CrossEntropyLoss();

    /**
     * Makes the network from given weights and one batch.
     *
     * @param weights {@code C} (27, 10), {@code W1} (30, 200), {@code b1} (200), {@code W2} (200, 27),
     *     {@code b2} (27), {@code X} (32, 3) character indices and {@code Y} (32) targets, as doubles
     * @param learningRate the SGD step size
     */
    public MakemoreMlp(Map<String, Tensor> weights, double learningRate) {
        embedding = new Parameter(weights.get("C"));
        w1 = new Parameter(weights.get("W1"));
        b1 = new Parameter(weights.get("b1"));
        w2 = new Parameter(weights.get("W2"));
        b2 = new Parameter(weights.get("b2"));
        double[] x = weights.get("X").toDoubleArray();
        contextRows = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            contextRows[i] = (int) x[i];
        }
        targets = weights.get("Y");
        optimizer = new SGD(List.of(embedding, w1, b1, w2, b2), learningRate);
    }

    /**
     * Makes the network with weights and a batch from a seed, initialised as in makemore part 3
     * ({@code W1} scaled by {@code (5/3)/√30}, small {@code W2}).
     *
     * @param seed the seed
     * @return the network, learning rate 0.1
     */
    public static MakemoreMlp seeded(long seed) {
        Tensor x = Tensor.randint(Shape.of(BATCH, CONTEXT), 0, VOCABULARY, seed + 5);
        return new MakemoreMlp(Map.of(
                "C", Tensor.randn(Shape.of(VOCABULARY, EMBEDDING), seed),
                "W1", Tensor.randn(Shape.of(CONTEXT * EMBEDDING, HIDDEN), seed + 1).mul(5.0 / 3 / Math.sqrt(30)),
                "b1", Tensor.randn(Shape.of(HIDDEN), seed + 2).mul(0.01),
                "W2", Tensor.randn(Shape.of(HIDDEN, VOCABULARY), seed + 3).mul(0.01),
                "b2", Tensor.zeros(Shape.of(VOCABULARY)),
                "X", x,
                "Y", Tensor.randint(Shape.of(BATCH), 0, VOCABULARY, seed + 6)), 0.1);
    }

    /**
     * The forward pass and the loss, building the graph.
     *
     * @return the mean cross-entropy of the batch
     */
    public Variable forward() {
        Variable emb = embedding.indexSelect(contextRows).reshape(BATCH, CONTEXT * EMBEDDING);
        Variable h = emb.matmul(w1).add(b1).tanh();
        Variable logits = h.matmul(w2).add(b2);
        return loss.forward(logits, targets);
    }

    /**
     * One training step: forward, loss, zero the gradients, backward, SGD.
     *
     * @return the loss before the update
     */
    public double step() {
        Variable lossValue = forward();
        optimizer.zeroGrad();
        lossValue.backward();
        optimizer.step();
        return lossValue.item();
    }

    /**
     * Counts the ops of one step's graph: the variables backward visits that are not parameters
     * (each is one op forward and one backward).
     *
     * @return the number of ops
     */
    public int opsPerStep() {
        int ops = 0;
        for (Variable v : Autograd.topologicalOrder(forward())) {
            if (!(v instanceof Parameter)) {
                ops++;
            }
        }
        return ops;
    }
}
