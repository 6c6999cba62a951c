/**
 * gradschool's tensor library: numbers only, no gradients.
 *
 * <p>{@link gradschool.core.Tensor} is an n-dimensional array of doubles with numpy broadcasting,
 * reductions, matrix multiplication and views; {@link gradschool.core.Shape} describes its dimensions.
 * The Vector API kernel for matmul is used only when {@code jdk.incubator.vector} is present at run time.
 */
module gradschool.core {
    requires com.google.common;
    requires static jdk.incubator.vector;

    exports gradschool.core;
}
