package gradschool.examples.seeds;

import gradschool.core.Tensor;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;

/**
 * Seed lesson 1: matrix multiplication, element-wise multiplication and the dot product.
 *
 * <pre>
 * A = np.array([[2, 4, 1], [7, 2, 5]]);  B = np.array([[4, 5, 2], [6, 8, 5], [2, 2, 1]])
 * print(A @ B)            # [[34 44 25] [50 61 29]]
 * print(vec1 * vec2)      # [12  2 42 72  0]
 * print(vec1 @ vec2)      # 128
 * </pre>
 *
 * <p>gradschool's tensors hold doubles, so they print like a numpy float array: {@code 34.} where
 * the notebook's integer array printed {@code 34}.
 */
public final class MatrixBasics implements Lesson {

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new MatrixBasics());
    }

    @Override
    public String name() {
        return "matrix-basics";
    }

    @Override
    public String description() {
        return "Seed 1: A @ B, element-wise product and dot product";
    }

    @Override
    public void run(LessonContext context) {
        PrintStream out = context.out();
        Tensor a = Tensor.of(new double[][] {{2, 4, 1}, {7, 2, 5}});
        Tensor b = Tensor.of(new double[][] {{4, 5, 2}, {6, 8, 5}, {2, 2, 1}});
        out.println("A @ B:");
        out.println(a.matmul(b));            // c_ij = Σ_k a_ik · b_kj

        Tensor vec1 = Tensor.of(new double[] {3, 2, 7, 9, 0});
        Tensor vec2 = Tensor.of(new double[] {4, 1, 6, 8, 4});
        out.println("vec1 * vec2 (element-wise):");
        out.println(vec1.mul(vec2));
        out.println("vec1 @ vec2 (dot product):");
        out.println(vec1.dot(vec2));         // Σ_i vec1_i · vec2_i
    }
}
