package gradschool.examples.seeds;

import gradschool.core.Tensor;

/**
 * Seed lesson 1: matrix multiplication, element-wise multiplication and the dot product — the
 * first cells of the first seed notebook, in Java.
 *
 * <pre>
 * A = np.array([[2, 4, 1], [7, 2, 5]])
 * B = np.array([[4, 5, 2], [6, 8, 5], [2, 2, 1]])
 * print(A @ B)            # [[34 44 25] [50 61 29]]
 * print(vec1 * vec2)      # [12  2 42 72  0]
 * print(vec1 @ vec2)      # 128
 * </pre>
 */
public final class MatrixBasics {

    private MatrixBasics() {
    }

    /**
     * Runs the lesson, printing what the notebook printed.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Tensor a = Tensor.of(new double[][] {{2, 4, 1}, {7, 2, 5}});
        Tensor b = Tensor.of(new double[][] {{4, 5, 2}, {6, 8, 5}, {2, 2, 1}});
        System.out.println("A @ B =");
        System.out.println(a.matmul(b));

        Tensor vec1 = Tensor.of(new double[] {3, 2, 7, 9, 0});
        Tensor vec2 = Tensor.of(new double[] {4, 1, 6, 8, 4});
        System.out.println("vec1 * vec2 (element-wise) =");
        System.out.println(vec1.mul(vec2));
        System.out.println("vec1 @ vec2 (dot product) =");
        System.out.println(vec1.dot(vec2));
    }
}
