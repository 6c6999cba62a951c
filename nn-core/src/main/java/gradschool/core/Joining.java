package gradschool.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * Joining tensors, for {@link Tensor}'s {@code concat}, {@code stack}, {@code hstack}, {@code vstack}
 * and the nested-array factories: one rule, {@link #concatenate}, that the others reshape their
 * inputs for.
 */
final class Joining {

    private Joining() {
    }

    /** Stacks equal-shaped parts along a new dimension 0; {@code emptyShape} if there are none. */
    static Tensor stackNested(String op, Tensor[] parts, Shape emptyShape) {
        if (parts.length == 0) {
            return Tensor.zeros(emptyShape);
        }
        for (int i = 1; i < parts.length; i++) {
            checkArgument(parts[i].shape().equals(parts[0].shape()),
                    "%s: ragged array: element 0 has shape %s but element %s has shape %s",
                    op, parts[0].shape(), i, parts[i].shape());
        }
        return stack(parts, 0);
    }

    /** Joins along an existing dimension: all sizes but the one along {@code axis} must match. */
    static Tensor concatenate(Tensor[] tensors, int axis) {
        checkArgument(tensors.length > 0, "concat: needs at least one tensor");
        Shape first = tensors[0].shape();
        checkArgument(first.rank() != 0, "concat: cannot concatenate scalars (shape ()), use stack");
        int a = Axes.normalize("concat", first, axis);
        int total = 0;
        for (int t = 0; t < tensors.length; t++) {
            Shape s = tensors[t].shape();
            boolean fits = s.rank() == first.rank();
            for (int d = 0; fits && d < s.rank(); d++) {
                fits = d == a || s.dim(d) == first.dim(d);
            }
            if (!fits) {
                throw new IllegalArgumentException("concat: tensor " + t + " has shape " + s
                        + " but tensor 0 has shape " + first + "; all dimensions except axis " + a
                        + " must match");
            }
            total += s.dim(a);
        }
        int[] dims = first.toArray();
        dims[a] = total;
        Tensor result = Tensor.zeros(Shape.of(dims));
        int position = 0;
        for (Tensor t : tensors) {
            int length = t.dim(a);
            result.slice(a, position, position + length).copyFrom(t);
            position += length;
        }
        return result;
    }

    /** Joins equal-shaped tensors along a new dimension: each gets a size-1 dimension, then they are concatenated. */
    static Tensor stack(Tensor[] tensors, int axis) {
        checkArgument(tensors.length > 0, "stack: needs at least one tensor");
        int rank = tensors[0].rank() + 1;
        if (axis < -rank || axis >= rank) {
            throw new IndexOutOfBoundsException("stack: axis " + axis + " is out of range for stacking tensors"
                    + " of shape " + tensors[0].shape() + " (valid: " + -rank + " to " + (rank - 1) + ")");
        }
        Tensor[] expanded = new Tensor[tensors.length];
        for (int t = 0; t < tensors.length; t++) {
            checkArgument(tensors[t].shape().equals(tensors[0].shape()),
                    "stack: tensor %s has shape %s but tensor 0 has shape %s; all must be equal",
                    t, tensors[t].shape(), tensors[0].shape());
            expanded[t] = tensors[t].unsqueeze(axis);
        }
        return concatenate(expanded, axis < 0 ? axis + rank : axis);
    }

    /** The list as an array, rejecting a null list or a null element by its position. */
    static Tensor[] checkedArray(String op, List<Tensor> tensors) {
        checkArgument(tensors != null, "%s: the list of tensors is null", op);
        Tensor[] array = tensors.toArray(new Tensor[0]);
        for (int t = 0; t < array.length; t++) {
            checkArgument(array[t] != null, "%s: tensor %s of %s is null", op, t, array.length);
        }
        return array;
    }

    /** numpy's {@code hstack}: along dimension 1, or 0 for 1-D tensors; scalars count as 1-D. */
    static Tensor hstack(Tensor... tensors) {
        Tensor[] parts = new Tensor[tensors.length];
        for (int t = 0; t < tensors.length; t++) {
            parts[t] = tensors[t].rank() == 0 ? tensors[t].reshape(1) : tensors[t];
        }
        if (parts.length > 0 && parts[0].rank() == 1) {
            return concatenate(parts, 0);
        }
        return concatenate(parts, 1);
    }

    /** numpy's {@code vstack}: 1-D tensors become rows, scalars {@code (1, 1)} matrices. */
    static Tensor vstack(Tensor... tensors) {
        Tensor[] rows = new Tensor[tensors.length];
        for (int t = 0; t < tensors.length; t++) {
            Tensor part = tensors[t];
            rows[t] = part.rank() == 0 ? part.reshape(1, 1) : part.rank() == 1 ? part.unsqueeze(0) : part;
        }
        return concatenate(rows, 0);
    }
}
