package gradschool.core;

/**
 * Formats tensors the way numpy prints arrays.
 */
final class TensorFormat {

    private TensorFormat() {
    }

    static String format(Tensor tensor) {
        return java.util.Arrays.toString(tensor.toDoubleArray());
    }
}
