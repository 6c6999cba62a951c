package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.GradCheck;
import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of every loss at small random shapes: autograd agrees with central differences
 * ({@link GradCheck}) for first and second derivatives under every {@link Reduction};
 * cross-entropy is NLL of log-softmax; BCE with logits is BCE of sigmoid, and stays right for logits
 * of ±1000; the reductions agree with each other.
 */
class LossProperties {

    /** The element-wise losses, each with the inputs it is defined on. */
    enum Elementwise {
        MSE, HALF_SQUARED_ERROR, L1, BCE, BCE_WITH_LOGITS;

        Loss make(Reduction reduction) {
            switch (this) {
                case MSE:
                    return new MSELoss(reduction);
                case HALF_SQUARED_ERROR:
                    return new HalfSquaredErrorLoss(reduction);
                case L1:
                    return new L1Loss(reduction);
                case BCE:
                    return new BCELoss(reduction);
                case BCE_WITH_LOGITS:
                    return new BCEWithLogitsLoss(reduction);
                default:
                    throw new AssertionError(this);
            }
        }

        /** Returns {prediction, target}: probabilities away from 0 and 1 for BCE, labels in [0, 1] for both BCEs. */
        Tensor[] inputs(long seed, int rows, int cols) {
            Random random = new Random(seed);
            switch (this) {
                case BCE:
                    return new Tensor[] {Tensor.uniform(random, 0.05, 0.95, rows, cols), Tensor.rand(random, rows, cols)};
                case BCE_WITH_LOGITS:
                    return new Tensor[] {Tensor.randn(random, rows, cols).mul(3), Tensor.rand(random, rows, cols)};
                default:
                    return new Tensor[] {Tensor.randn(random, rows, cols), Tensor.randn(random, rows, cols)};
            }
        }
    }

    /** The classification losses, on scores of shape (N, C) and class indices of shape (N,). */
    enum Classification {
        CROSS_ENTROPY, CROSS_ENTROPY_SMOOTHED, NLL, HINGE;

        Loss make(Reduction reduction) {
            switch (this) {
                case CROSS_ENTROPY:
                    return new CrossEntropyLoss(reduction);
                case CROSS_ENTROPY_SMOOTHED:
                    return new CrossEntropyLoss(reduction, 0.2);
                case NLL:
                    return new NLLLoss(reduction);
                case HINGE:
                    return new HingeLoss(reduction);
                default:
                    throw new AssertionError(this);
            }
        }
    }

    @Property(tries = 60)
    void elementwiseLossesPassGradCheck(@ForAll Elementwise kind, @ForAll Reduction reduction,
                                        @ForAll @IntRange(min = 1, max = 3) int rows,
                                        @ForAll @IntRange(min = 1, max = 4) int cols, @ForAll long seed) {
        Loss loss = kind.make(reduction);
        GradCheck.check(xs -> loss.forward(xs.get(0), xs.get(1)), kind.inputs(seed, rows, cols)).assertPassed();
    }

    @Property(tries = 30)
    void elementwiseLossesPassSecondOrderGradCheck(@ForAll Elementwise kind, @ForAll Reduction reduction,
                                                   @ForAll @IntRange(min = 1, max = 3) int rows,
                                                   @ForAll @IntRange(min = 1, max = 3) int cols, @ForAll long seed) {
        Loss loss = kind.make(reduction);
        GradCheck.checkSecondOrder(xs -> loss.forward(xs.get(0), xs.get(1)), kind.inputs(seed, rows, cols))
                .assertPassed();
    }

    @Property(tries = 60)
    void classificationLossesPassGradCheck(@ForAll Classification kind, @ForAll Reduction reduction,
                                           @ForAll @IntRange(min = 1, max = 4) int samples,
                                           @ForAll @IntRange(min = 1, max = 4) int classes, @ForAll long seed) {
        Loss loss = kind.make(reduction);
        Tensor target = Tensor.randint(Shape.of(samples), 0, classes, seed);
        GradCheck.check(xs -> loss.forward(xs.get(0), target), scores(kind, seed, samples, classes)).assertPassed();
    }

    @Property(tries = 30)
    void classificationLossesPassSecondOrderGradCheck(@ForAll Classification kind, @ForAll Reduction reduction,
                                                      @ForAll @IntRange(min = 1, max = 3) int samples,
                                                      @ForAll @IntRange(min = 1, max = 3) int classes,
                                                      @ForAll long seed) {
        Loss loss = kind.make(reduction);
        Tensor target = Tensor.randint(Shape.of(samples), 0, classes, seed);
        GradCheck.checkSecondOrder(xs -> loss.forward(xs.get(0), target), scores(kind, seed, samples, classes))
                .assertPassed();
    }

    @Property(tries = 50)
    void crossEntropyIsNllOfLogSoftmax(@ForAll Reduction reduction, @ForAll @IntRange(min = 1, max = 5) int samples,
                                       @ForAll @IntRange(min = 1, max = 5) int classes, @ForAll long seed) {
        Tensor logits = Tensor.randn(Shape.of(samples, classes), seed).mul(10);
        Tensor target = Tensor.randint(Shape.of(samples), 0, classes, seed + 1);
        Variable viaCrossEntropy = Variable.requiringGrad(logits);
        Variable viaNll = Variable.requiringGrad(logits);
        Variable ce = new CrossEntropyLoss(reduction).forward(viaCrossEntropy, target);
        Variable nll = new NLLLoss(reduction).forward(viaNll.logSoftmax(1), target);
        assertThat(ce.value().allClose(nll.value(), 0, 1e-12)).as("%s vs %s", ce.value(), nll.value()).isTrue();
        Tensor seedGradient = Tensor.randn(ce.shape(), seed + 2);
        ce.backward(seedGradient);
        nll.backward(seedGradient);
        assertThat(viaCrossEntropy.grad().allClose(viaNll.grad(), 0, 1e-12)).isTrue();
    }

    /**
     * A class ruled out — a log-probability (NLL) or logit (cross-entropy) of {@code -∞} in a wrong class —
     * leaves the loss finite and equal to the loss over the finite entries only (each row without its
     * {@code -∞} columns), and its gradient finite: the same gradient at the finite entries, 0 at the
     * {@code -∞} ones. (A one-hot mask would make it NaN: {@code 0·(-∞)}.)
     */
    @Property(tries = 60, seed = "20261201")
    void aMinusInfinityInAWrongClassGivesTheLossOfTheFiniteEntries(
            @ForAll boolean crossEntropy, @ForAll Reduction reduction,
            @ForAll @IntRange(min = 1, max = 4) int samples, @ForAll @IntRange(min = 2, max = 5) int classes,
            @ForAll long seed) {
        Random random = new Random(seed);
        Tensor finite = Tensor.randn(random, samples, classes).mul(3);
        double[][] scores = (crossEntropy ? finite : finite.logSoftmax(1)).to2DArray();
        double[] target = new double[samples];
        boolean[][] ruledOut = new boolean[samples][classes];
        for (int i = 0; i < samples; i++) {
            int y = random.nextInt(classes);
            target[i] = y;
            for (int c = 0; c < classes; c++) {
                // every wrong class of row 0 (so there is at least one), about half of them elsewhere
                ruledOut[i][c] = c != y && (i == 0 || random.nextBoolean());
                if (ruledOut[i][c]) {
                    scores[i][c] = Double.NEGATIVE_INFINITY;
                }
            }
        }
        Function<Reduction, Loss> make = r -> crossEntropy ? new CrossEntropyLoss(r) : new NLLLoss(r);

        Variable x = Variable.requiringGrad(Tensor.of(scores));
        Variable perSample = make.apply(Reduction.NONE).forward(x, Tensor.of(target));
        Variable loss = make.apply(reduction).forward(x, Tensor.of(target));
        loss.backward(Tensor.ones(loss.shape()));

        // The expected values: each row on its own, without its -∞ columns.
        double[][] expectedGradient = new double[samples][classes];
        double scale = reduction == Reduction.MEAN ? 1.0 / samples : 1.0;
        for (int i = 0; i < samples; i++) {
            boolean[] out = ruledOut[i];
            double[] all = scores[i];
            int[] kept = IntStream.range(0, classes).filter(c -> !out[c]).toArray();
            double[] row = Arrays.stream(kept).mapToDouble(c -> all[c]).toArray();
            int keptTarget = Arrays.binarySearch(kept, (int) target[i]);
            Variable alone = Variable.requiringGrad(Tensor.of(new double[][] {row}));
            Variable rowLoss = make.apply(Reduction.SUM).forward(alone, Tensor.of(new double[] {keptTarget}));
            rowLoss.backward();
            assertThat(perSample.value().get(i)).as("loss of row %d", i).isCloseTo(rowLoss.item(), within(1e-12));
            for (int k = 0; k < kept.length; k++) {
                expectedGradient[i][kept[k]] = alone.grad().get(0, k) * scale;
            }
        }
        assertThat(Arrays.stream(loss.value().toDoubleArray()).allMatch(Double::isFinite))
                .as("the loss %s is finite", loss.value()).isTrue();
        assertThat(Arrays.stream(x.grad().toDoubleArray()).allMatch(Double::isFinite))
                .as("the gradient %s is finite", x.grad()).isTrue();
        assertThat(x.grad().allClose(Tensor.of(expectedGradient), 0, 1e-12))
                .as("gradient %s, expected %s", x.grad(), Tensor.of(expectedGradient)).isTrue();
    }

    @Property(tries = 50)
    void bceWithLogitsIsBceOfSigmoidForModerateLogits(@ForAll Reduction reduction,
                                                      @ForAll @IntRange(min = 1, max = 6) int size,
                                                      @ForAll long seed) {
        Random random = new Random(seed);
        Tensor logits = Tensor.uniform(random, -10, 10, size);
        Tensor target = Tensor.rand(random, size);
        Variable viaLogits = Variable.requiringGrad(logits);
        Variable viaSigmoid = Variable.requiringGrad(logits);
        Variable withLogits = new BCEWithLogitsLoss(reduction).forward(viaLogits, target);
        Variable ofSigmoid = new BCELoss(reduction).forward(viaSigmoid.sigmoid(), target);
        assertThat(withLogits.value().allClose(ofSigmoid.value(), 1e-9, 1e-9))
                .as("%s vs %s", withLogits.value(), ofSigmoid.value()).isTrue();
        Tensor seedGradient = Tensor.ones(withLogits.shape());
        withLogits.backward(seedGradient);
        ofSigmoid.backward(seedGradient);
        assertThat(viaLogits.grad().allClose(viaSigmoid.grad(), 1e-9, 1e-9)).isTrue();
    }

    @Property(tries = 50)
    void bceWithLogitsIsExactForLogitsOfPlusMinusThousand(@ForAll @IntRange(min = 1, max = 6) int size,
                                                          @ForAll long seed) {
        Random random = new Random(seed);
        double[] x = new double[size];
        double[] t = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextBoolean() ? 1000 : -1000;
            t[i] = random.nextInt(3) / 2.0;   // 0, ½ or 1
        }
        Variable logits = Variable.requiringGrad(Tensor.of(x));
        Variable losses = new BCEWithLogitsLoss(Reduction.NONE).forward(logits, Tensor.of(t));
        losses.sum().backward();
        for (int i = 0; i < size; i++) {
            // e^-1000 is 0 in double: the loss is max(x, 0) - x·t exactly, and σ(x) is exactly 0 or 1
            double sigmoid = x[i] > 0 ? 1 : 0;
            assertThat(losses.value().get(i)).isCloseTo(Math.max(x[i], 0) - x[i] * t[i], within(1e-12));
            assertThat(logits.grad().get(i)).isCloseTo(sigmoid - t[i], within(1e-12));
        }
    }

    @Property(tries = 40)
    void meanAndSumAreReductionsOfNone(@ForAll Elementwise elementwise, @ForAll Classification classification,
                                       @ForAll @IntRange(min = 1, max = 4) int rows,
                                       @ForAll @IntRange(min = 1, max = 4) int cols, @ForAll long seed) {
        Tensor[] inputs = elementwise.inputs(seed, rows, cols);
        assertReductionsAgree(elementwise::make, inputs[0], inputs[1]);
        assertReductionsAgree(classification::make, scores(classification, seed, rows, cols),
                Tensor.randint(Shape.of(rows), 0, cols, seed));
    }

    private static void assertReductionsAgree(Function<Reduction, Loss> make,
                                              Tensor prediction, Tensor target) {
        Variable none = make.apply(Reduction.NONE).forward(Variable.of(prediction), target);
        double sum = make.apply(Reduction.SUM).forward(Variable.of(prediction), target).item();
        double mean = make.apply(Reduction.MEAN).forward(Variable.of(prediction), target).item();
        assertThat(sum).isCloseTo(none.value().sum().item(), within(1e-12));
        assertThat(mean).isCloseTo(none.value().mean().item(), within(1e-12));
    }

    /** Scores for a classification loss; for NLL, log-probabilities (as a model would give it). */
    private static Tensor scores(Classification kind, long seed, int samples, int classes) {
        Tensor logits = Tensor.randn(Shape.of(samples, classes), seed);
        return kind == Classification.NLL ? logits.logSoftmax(1) : logits;
    }
}
