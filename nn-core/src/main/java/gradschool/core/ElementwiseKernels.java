package gradschool.core;

/**
 * Fast loops for the most common element-wise ops on contiguous data.
 *
 * <p>{@link Tensor}'s general element-wise code takes the op as a {@code DoubleBinaryOperator} and
 * calls it once per element. That call site is shared by every op, so the JIT cannot inline it, and
 * each element pays for a virtual call. Here each op has its own loop — {@code out[i] = a[i] + b[i]} —
 * which the JIT compiles to vector instructions. The general code stays the reference: the tests
 * compare every op on contiguous tensors (which come here) with the same op on strided views (which
 * do not).
 */
final class ElementwiseKernels {

    private ElementwiseKernels() {
    }

    /** {@code out[outOffset + i] = a[aOffset + i] ∘ b[bOffset + i]} for {@code i < n}. */
    @FunctionalInterface
    interface Binary {
        void apply(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n);
    }

    static void add(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] + b[bOffset + i];
        }
    }

    static void sub(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] - b[bOffset + i];
        }
    }

    static void mul(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] * b[bOffset + i];
        }
    }

    static void div(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] / b[bOffset + i];
        }
    }

    static void maximum(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = Math.max(a[aOffset + i], b[bOffset + i]);
        }
    }

    static void minimum(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = Math.min(a[aOffset + i], b[bOffset + i]);
        }
    }

    /** {@code out[i] = max(a[aOffset + i], 0)}: ReLU. {@code Math.max} vectorises; a {@code ?:} would not. */
    static void relu(double[] a, int aOffset, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(a[aOffset + i], 0.0);
        }
    }

    /** {@code out[i] = a[aOffset + i] > threshold ? 1 : 0}: a 0/1 mask. */
    static void greaterThan(double[] a, int aOffset, double threshold, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[aOffset + i] > threshold ? 1.0 : 0.0;
        }
    }

    /** {@code out[i] = a[aOffset + i] · factor}. */
    static void scale(double[] a, int aOffset, double factor, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[aOffset + i] * factor;
        }
    }
}
