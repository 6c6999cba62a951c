package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.autograd.functions.IndexSelect;
import gradschool.core.Shape;
import java.util.Arrays;

/**
 * Class-index targets for {@link CrossEntropyLoss} and {@link NLLLoss}, checked against the scores once,
 * with the positions whose target is the ignore index set aside.
 *
 * <p>The shape rule (a choice; see {@link CrossEntropyLoss}): the class scores are the prediction's
 * <em>last</em> dimension, and the target has the prediction's shape without it — {@code (N, C)} with
 * {@code (N,)}, or {@code (B, T, C)} with {@code (B, T)}. Internally the prediction is read as an
 * {@code (M, C)} matrix of {@code M} positions (M = N, or B·T), row-major, and position {@code p}'s
 * target is the {@code p}-th element of the target.
 */
final class ClassTargets {

    private final Shape targetShape;
    private final int classes;
    /** The positions (rows of the (M, C) view) whose target is not ignored, in increasing order. */
    private final int[] keptPositions;
    /** For each kept position, the element of the flattened prediction at its target class: p·C + y_p. */
    private final int[] keptFlatIndices;

    private ClassTargets(Shape targetShape, int classes, int[] keptPositions, int[] keptFlatIndices) {
        this.targetShape = targetShape;
        this.classes = classes;
        this.keptPositions = keptPositions;
        this.keptFlatIndices = keptFlatIndices;
    }

    /**
     * Checks the prediction's and the target's shapes and every class index.
     *
     * @param loss the loss's name, for messages
     * @param prediction scores with the classes in the last dimension: {@code (N, C)} or {@code (B, T, C)}
     * @param target class indices stored as doubles, the prediction's shape without its last dimension
     * @param ignoreIndex a target value that marks a position to skip
     * @return the checked targets
     * @throws IllegalArgumentException if the shapes do not fit or a target is neither a whole number in
     *     {@code 0..C-1} nor the ignore index
     */
    static ClassTargets check(String loss, Variable prediction, Variable target, int ignoreIndex) {
        return check(loss, prediction, target, (double) ignoreIndex);
    }

    /**
     * Checks the shapes and class indices of a loss that has no ignore index (every target must be a
     * class).
     *
     * @param loss the loss's name, for messages
     * @param prediction scores with the classes in the last dimension
     * @param target class indices stored as doubles, the prediction's shape without its last dimension
     * @return the checked targets, none ignored
     * @throws IllegalArgumentException if the shapes do not fit or a target is not a whole number in
     *     {@code 0..C-1}
     */
    static ClassTargets checkWithoutIgnoreIndex(String loss, Variable prediction, Variable target) {
        return check(loss, prediction, target, Double.NaN);   // no label equals NaN, so none is ignored
    }

    private static ClassTargets check(String loss, Variable prediction, Variable target, double ignoreIndex) {
        Shape shape = prediction.shape();
        if (shape.rank() < 2 || shape.dim(shape.rank() - 1) < 1) {
            throw new IllegalArgumentException(loss + ": prediction must have shape (N, C) or (B, T, C) — C >= 1 "
                    + "class scores in the last dimension for each position — but has shape " + shape);
        }
        int classes = shape.dim(shape.rank() - 1);
        Shape targetShape = Shape.of(Arrays.copyOf(shape.toArray(), shape.rank() - 1));
        if (!target.shape().equals(targetShape)) {
            throw new IllegalArgumentException(loss + ": target must have shape " + targetShape + " — one class "
                    + "index per position of the prediction, whose shape is " + shape + " with the C = " + classes
                    + " class scores in its last dimension — but has shape " + target.shape()
                    + (shape.rank() > 2 ? " (PyTorch puts the classes in dimension 1, (N, C, L); here they come "
                    + "last, so permute such scores to (N, L, C) first)" : ""));
        }
        double[] labels = target.value().toDoubleArray();
        int[] keptPositions = new int[labels.length];
        int[] keptFlatIndices = new int[labels.length];
        int kept = 0;
        for (int p = 0; p < labels.length; p++) {
            double label = labels[p];
            if (label == ignoreIndex) {
                continue;
            }
            if (label != Math.rint(label) || label < 0 || label >= classes) {
                throw new IllegalArgumentException(loss + ": target" + position(targetShape, p) + " = " + label
                        + " is not a class index; class indices must be whole numbers in 0.." + (classes - 1)
                        + " because the prediction has shape " + shape + " (C = " + classes + " classes)"
                        + (Double.isNaN(ignoreIndex) ? "" : ", or ignoreIndex = " + (int) ignoreIndex
                        + " to skip the position"));
            }
            keptPositions[kept] = p;
            keptFlatIndices[kept] = p * classes + (int) label;   // row p, column y_p of the (M, C) view
            kept++;
        }
        return new ClassTargets(targetShape, classes, Arrays.copyOf(keptPositions, kept),
                Arrays.copyOf(keptFlatIndices, kept));
    }

    /** Writes position {@code p} of a row-major shape as an index, e.g. {@code [1, 3]}. */
    private static String position(Shape shape, int p) {
        int[] index = new int[shape.rank()];
        for (int axis = shape.rank() - 1; axis >= 0; axis--) {
            index[axis] = p % shape.dim(axis);
            p /= shape.dim(axis);
        }
        return Arrays.toString(index);
    }

    /**
     * Returns the class of each kept position, in order.
     *
     * @return {@code y_p} for the kept positions {@code p}
     */
    int[] keptClasses() {
        int[] result = new int[keptFlatIndices.length];
        for (int k = 0; k < result.length; k++) {
            result[k] = keptFlatIndices[k] - keptPositions[k] * classes;
        }
        return result;
    }

    /** Returns the number of classes C. */
    int classes() {
        return classes;
    }

    /** Returns how many positions have a target that is not ignored. */
    int keptCount() {
        return keptPositions.length;
    }

    /** Returns whether some position's target is the ignore index. */
    boolean anyIgnored() {
        return keptPositions.length < targetShape.size();
    }

    /**
     * Returns {@code scores[p, y_p]} for each kept position {@code p}, selected (not masked: see
     * {@link NLLLoss}), so entries that are not selected get a zero gradient even if they are ±∞.
     *
     * @param scores the prediction or its log-softmax, shape {@code (…, C)}
     * @return shape {@code (K,)}, K = {@link #keptCount()}
     */
    Variable atTargetClasses(Variable scores) {
        return scores.flatten().indexSelect(keptFlatIndices);
    }

    /**
     * Returns the entries of a per-position variable at the kept positions.
     *
     * @param perPosition the target's shape
     * @return shape {@code (K,)}
     */
    Variable atKeptPositions(Variable perPosition) {
        Variable flat = perPosition.rank() == 1 ? perPosition : perPosition.flatten();
        return anyIgnored() ? flat.indexSelect(keptPositions) : flat;
    }

    /**
     * Puts the losses of the kept positions back at their places in the target's shape, with 0 at the
     * ignored positions (which therefore pass no gradient back).
     *
     * @param keptLosses shape {@code (K,)}
     * @return the target's shape
     */
    Variable toTargetShape(Variable keptLosses) {
        Variable all = anyIgnored()
                ? new IndexSelect.IndexAdd(Shape.of(targetShape.size()), keptPositions).apply(keptLosses)
                : keptLosses;
        return all.shape().equals(targetShape) ? all : all.reshape(targetShape.toArray());
    }

    /**
     * Applies a reduction as PyTorch does with an ignore index: the mean divides by the number of
     * positions whose target is not ignored (NaN when all are, as {@code 0/0}; the gradient is then
     * zero); the sum adds the losses, which are 0 at ignored positions.
     *
     * @param reduction the loss's reduction
     * @param losses the per-position losses from {@link #toTargetShape}, 0 at ignored positions
     * @param target the (already checked) class indices, the same shape as {@code losses}
     * @param ignoreIndex the target value that marks a position to skip
     * @return the reduced loss
     */
    static Variable reduce(Reduction reduction, Variable losses, Variable target, int ignoreIndex) {
        if (reduction != Reduction.MEAN) {
            return reduction.reduce(losses);
        }
        int kept = 0;
        for (double label : target.value().toDoubleArray()) {
            if (label != ignoreIndex) {
                kept++;
            }
        }
        if (kept == losses.shape().size()) {
            return losses.mean();
        }
        return losses.sum().div(kept);
    }
}
