/**
 * gradschool's tensor library: numbers only, no gradients.
 *
 * <p>{@link gradschool.core.Tensor} is an n-dimensional array of doubles with numpy broadcasting,
 * reductions, matrix multiplication and views; {@link gradschool.core.Shape} describes its dimensions.
 * {@link gradschool.core.io.Npy} and {@link gradschool.core.io.Npz} read and write numpy's files.
 *
 * <p>The loops behind the tensor API live in {@code gradschool.core.kernels}, which is not exported:
 * no other module can call a kernel or depend on its signature. The Vector API kernel for matmul is
 * used only when {@code jdk.incubator.vector} is present at run time.
 */
module gradschool.core {
    requires com.google.common;
    requires static jdk.incubator.vector;

    exports gradschool.core;
    exports gradschool.core.io;
}
