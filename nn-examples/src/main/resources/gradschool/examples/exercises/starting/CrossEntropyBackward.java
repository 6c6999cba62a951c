package gradschool.exercises;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.examples.exercises.BackwardExercise;
import gradschool.examples.exercises.NotDoneYet;

/**
 * Exercise {@code cross-entropy}: the backward rule of the mean cross-entropy of logits {@code x}
 * (shape (N, C)) against class targets {@code t}: {@code L = −(1/N) Σ_i log softmax(x_i)[t_i]}, the
 * loss of {@code gradschool.nn.CrossEntropyLoss}.
 *
 * <p>Check it with {@code ./gradschool exercise check cross-entropy}. Docs: docs/training.md (losses),
 * docs/derivatives.md and docs/exercises.md.
 *
 * <p>Hints:
 * <ul>
 *   <li>For one sample, {@code d(−log softmax(x)[t])/dx_c = softmax(x)_c − [c = t]}: the predicted
 *       probabilities minus the one-hot target.</li>
 *   <li>The loss is a mean over N samples, and {@code gradOutput} is a scalar {@code g}: scale by both.</li>
 *   <li>{@code oneHot()} below builds the one-hot targets; compute softmax from the input with
 *       {@code input(0).softmax(1)} (stable for large logits).</li>
 * </ul>
 */
public final class CrossEntropyBackward extends BackwardExercise {

    private final int[] targets;

    /**
     * Makes the loss for one batch of targets.
     *
     * @param targets the class of each sample, in 0..C−1
     */
    public CrossEntropyBackward(int[] targets) {
        this.targets = targets.clone();
    }

    @Override
    protected Tensor forward(Tensor... x) {
        Tensor logProbabilities = x[0].logSoftmax(1);
        double total = 0;
        for (int i = 0; i < targets.length; i++) {
            total -= logProbabilities.get(i, targets[i]);
        }
        return Tensor.of(total / targets.length);   // L = −(1/N) Σ_i log softmax(x_i)[t_i]
    }

    /** The targets as rows of zeros with a 1 at the target class, shape (N, C). */
    private Tensor oneHot(int classes) {
        Tensor result = Tensor.zeros(targets.length, classes);
        for (int i = 0; i < targets.length; i++) {
            result.setInPlace(1.0, i, targets[i]);
        }
        return result;
    }

    @Override
    protected Variable[] backward(Variable gradOutput) {
        // Return grads(dL/dx), of shape (N, C). oneHot(C) gives the targets as a tensor.
        throw new NotDoneYet();
    }
}
