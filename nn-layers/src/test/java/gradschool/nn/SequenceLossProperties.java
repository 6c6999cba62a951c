package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link CrossEntropyLoss} and {@link NLLLoss} on (B, T, C) scores with (B, T) targets, some of them the
 * ignore index: first and second derivatives against central differences under every reduction, with
 * and without label smoothing; the same numbers as the flattened (B·T, C) batch; zero gradient in
 * ignored rows.
 */
class SequenceLossProperties {

    private static final int IGNORE = -100;

    /** Random targets in 0..C-1, each ignored with probability 1/3 (all may be). */
    private static Tensor targets(Random random, int batch, int time, int classes) {
        double[] values = new double[batch * time];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(3) == 0 ? IGNORE : random.nextInt(classes);
        }
        return Tensor.of(Shape.of(batch, time), values);
    }

    private static Loss loss(int kind, Reduction reduction) {
        switch (kind) {
            case 0:
                return new CrossEntropyLoss(reduction);
            case 1:
                return new CrossEntropyLoss(reduction, 0.2);
            default:
                return new NLLLoss(reduction);
        }
    }

    @Property(tries = 60, seed = "20261201")
    void gradientsMatchFiniteDifferences(@ForAll @IntRange(min = 0, max = 2) int kind, @ForAll Reduction reduction,
                                         @ForAll @IntRange(min = 1, max = 3) int batch,
                                         @ForAll @IntRange(min = 1, max = 3) int time,
                                         @ForAll @IntRange(min = 1, max = 4) int classes, @ForAll long seed) {
        Random random = new Random(seed);
        Tensor scores = Tensor.randn(random, batch, time, classes).mul(2);
        Tensor target = targets(random, batch, time, classes);
        Loss loss = loss(kind, reduction);
        if (reduction == Reduction.MEAN && target.eq(IGNORE).sum().item() == target.size()) {
            return;   // the mean of no targets is NaN (checked in CrossEntropyLossTest)
        }
        GradCheck.check(xs -> loss.forward(xs.get(0), target), scores).assertPassed();
    }

    @Property(tries = 25, seed = "20261201")
    void secondDerivativesMatchFiniteDifferences(@ForAll @IntRange(min = 0, max = 1) int kind,
                                                 @ForAll Reduction reduction,
                                                 @ForAll @IntRange(min = 1, max = 2) int batch,
                                                 @ForAll @IntRange(min = 1, max = 3) int time,
                                                 @ForAll @IntRange(min = 1, max = 3) int classes, @ForAll long seed) {
        Random random = new Random(seed);
        Tensor scores = Tensor.randn(random, batch, time, classes);
        Tensor target = targets(random, batch, time, classes);
        Loss loss = loss(kind, reduction);
        if (reduction == Reduction.MEAN && target.eq(IGNORE).sum().item() == target.size()) {
            return;
        }
        GradCheck.checkSecondOrder(xs -> loss.forward(xs.get(0), target), scores).assertPassed();
    }

    @Property(tries = 60, seed = "20261201")
    void sequenceScoresAreTheFlattenedBatchAndIgnoredRowsGetNoGradient(
            @ForAll @IntRange(min = 0, max = 2) int kind, @ForAll Reduction reduction,
            @ForAll @IntRange(min = 1, max = 3) int batch, @ForAll @IntRange(min = 1, max = 4) int time,
            @ForAll @IntRange(min = 1, max = 5) int classes, @ForAll long seed) {
        Random random = new Random(seed);
        Tensor scores = Tensor.randn(random, batch, time, classes).mul(3);
        Tensor target = targets(random, batch, time, classes);
        Loss loss = loss(kind, reduction);
        Variable sequence = Variable.requiringGrad(scores);
        Variable flat = Variable.requiringGrad(scores.reshape(batch * time, classes));

        Variable bySequence = loss.forward(sequence, target);
        Variable byRow = loss.forward(flat, target.reshape(batch * time));
        Tensor seedGradient = Tensor.randn(random, bySequence.shape().toArray());
        bySequence.backward(seedGradient);
        byRow.backward(seedGradient.reshape(byRow.shape()));

        assertThat(bySequence.value().reshape(byRow.shape())).isEqualTo(byRow.value());
        assertThat(sequence.grad().reshape(batch * time, classes)).isEqualTo(flat.grad());
        double[] labels = target.toDoubleArray();
        for (int p = 0; p < labels.length; p++) {
            if (labels[p] == IGNORE) {
                Tensor row = flat.grad().select(0, p);
                assertThat(row).as("row %d, ignored", p).isEqualTo(Tensor.zeros(classes));
                if (reduction == Reduction.NONE) {
                    assertThat(byRow.value().get(p)).isEqualTo(0.0);
                }
            }
        }
    }
}
