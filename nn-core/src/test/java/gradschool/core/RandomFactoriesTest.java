package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The random factories cannot be called with a seed where a dimension belongs.
 *
 * <p>A former {@code randn(long seed, int... dims)} read {@code Tensor.randn(200, 1)} as seed 200 and
 * shape {@code (1,)}: a student trained on one sample without any error.
 */
class RandomFactoriesTest {

    @Test
    void noFactoryTakesBothASeedAndDimensions() {
        List<String> confusable = Arrays.stream(Tensor.class.getMethods())
                .filter(method -> Modifier.isStatic(method.getModifiers()))
                .filter(method -> method.getReturnType() == Tensor.class)
                .filter(RandomFactoriesTest::takesDimensionsAsInts)
                .filter(method -> Arrays.stream(method.getParameterTypes())
                        .anyMatch(type -> type == long.class || type == int.class || type == double.class))
                .filter(method -> List.of("randn", "rand", "uniform", "randint").contains(method.getName()))
                .filter(method -> !drawsFromAGenerator(method))
                .map(Method::toString)
                .collect(Collectors.toList());
        assertThat(confusable).isEmpty();
    }

    @Test
    void aShapeAndASeedGiveTheWholeShape() {
        Tensor column = Tensor.randn(Shape.of(200, 1), 42);
        assertThat(column.shape()).isEqualTo(Shape.of(200, 1));
        assertThat(column).isEqualTo(Tensor.randn(new Random(42), 200, 1));
        assertThat(Tensor.rand(Shape.of(3, 2), 7).shape()).isEqualTo(Shape.of(3, 2));
        assertThat(Tensor.uniform(Shape.of(4), -1, 1, 7).shape()).isEqualTo(Shape.of(4));
        assertThat(Tensor.randint(Shape.of(2, 5), 0, 3, 7).shape()).isEqualTo(Shape.of(2, 5));
    }

    private static boolean takesDimensionsAsInts(Method method) {
        Class<?>[] types = method.getParameterTypes();
        return types.length > 0 && types[types.length - 1] == int[].class;
    }

    private static boolean drawsFromAGenerator(Method method) {
        return method.getParameterTypes()[0] == java.util.random.RandomGenerator.class;
    }
}
