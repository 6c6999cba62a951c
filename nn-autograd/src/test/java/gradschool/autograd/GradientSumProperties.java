package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Without {@code createGraph} the backward pass adds gradients up as tensors, in place once a
 * variable's total belongs to the pass ({@link Gradients#addInto}); with it, through the {@code Add}
 * op. On random graphs where variables are used many times — and rules such as {@code Add} hand one
 * gradient tensor to several inputs — both must give the same gradients, bit for bit.
 */
class GradientSumProperties {

    @Property(tries = 60, seed = "20261201")
    void gradientsAddedInPlaceEqualTheOnesAddedThroughTheAddOp(@ForAll @IntRange(min = 1, max = 40) int ops,
                                                                @ForAll long graphSeed) {
        Random random = new Random(graphSeed);
        List<Variable> leaves = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leaves.add(Variable.requiringGrad(Tensor.randn(Shape.of(2), random.nextLong())));
        }
        Variable output = randomGraph(leaves, ops, random);

        output.backward(Tensor.ones(Shape.of(2)));                                   // tensors, in place
        List<Variable> viaAddOp = Autograd.grad(List.of(output), leaves, null, true);  // the Add op

        for (int i = 0; i < leaves.size(); i++) {
            Tensor inPlace = leaves.get(i).gradOrZeros();
            assertThat(inPlace.toDoubleArray()).as("leaf %s", i).containsExactly(viaAddOp.get(i).value().toDoubleArray());
        }
    }

    /** {@code ops} random additions, products and differences of earlier variables (leaves included): a graph full of reuse. */
    private static Variable randomGraph(List<Variable> leaves, int ops, Random random) {
        List<Variable> pool = new ArrayList<>(leaves);
        Variable last = leaves.get(0);
        for (int k = 0; k < ops; k++) {
            Variable a = pool.get(random.nextInt(pool.size()));
            Variable b = pool.get(random.nextInt(pool.size()));
            last = switch (random.nextInt(3)) {
                case 0 -> a.add(b);
                case 1 -> a.mul(b).mul(0.5);
                default -> a.sub(b);
            };
            pool.add(last);
        }
        for (Variable v : pool) {
            last = last.add(v); // every variable reaches the output, most of them along several paths
        }
        return last;
    }
}
