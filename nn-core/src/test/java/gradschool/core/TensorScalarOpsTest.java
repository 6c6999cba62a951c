package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Two rank-0 tensors take a shortcut through the element-wise entry; it must give, bit for bit, what
 * the general path gives for the same numbers as one-element vectors, also for scalars that are views
 * into a larger storage.
 */
class TensorScalarOpsTest {

    private static final Map<String, BinaryOperator<Tensor>> OPS = Map.ofEntries(
            Map.entry("add", Tensor::add), Map.entry("sub", Tensor::sub), Map.entry("mul", Tensor::mul),
            Map.entry("div", Tensor::div), Map.entry("pow", Tensor::pow), Map.entry("maximum", Tensor::maximum),
            Map.entry("minimum", Tensor::minimum), Map.entry("eq", Tensor::eq), Map.entry("ne", Tensor::ne),
            Map.entry("lt", Tensor::lt), Map.entry("le", Tensor::le), Map.entry("gt", Tensor::gt),
            Map.entry("ge", Tensor::ge));

    @Test
    void scalarsGiveWhatOneElementVectorsGiveBitForBit() {
        double[] values = {0.1, -2.5, 3.0, 0.0, -0.0, 1e-300, 7.25, Double.NaN, Double.POSITIVE_INFINITY};
        Tensor row = Tensor.of(values);
        for (Map.Entry<String, BinaryOperator<Tensor>> op : OPS.entrySet()) {
            for (int i = 0; i < values.length; i++) {
                for (int j = 0; j < values.length; j++) {
                    Tensor viewA = row.select(0, i);             // rank 0, offset i into the row's storage
                    Tensor viewB = row.select(0, j);
                    Tensor expected = op.getValue().apply(Tensor.of(new double[] {values[i]}),
                            Tensor.of(new double[] {values[j]}));
                    Tensor scalars = op.getValue().apply(Tensor.of(values[i]), Tensor.of(values[j]));
                    Tensor views = op.getValue().apply(viewA, viewB);

                    for (Tensor actual : new Tensor[] {scalars, views}) {
                        assertThat(actual.shape()).isEqualTo(Shape.scalar());
                        assertThat(Double.doubleToRawLongBits(actual.item()))
                                .as("%s(%s, %s)", op.getKey(), values[i], values[j])
                                .isEqualTo(Double.doubleToRawLongBits(expected.get(0)));
                    }
                }
            }
        }
    }
}
