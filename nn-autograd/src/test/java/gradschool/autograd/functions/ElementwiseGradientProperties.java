package gradschool.autograd.functions;

import static gradschool.autograd.VariableArbitraries.any;
import static gradschool.autograd.VariableArbitraries.avoiding;
import static gradschool.autograd.VariableArbitraries.awayFromZero;
import static gradschool.autograd.VariableArbitraries.positive;
import static gradschool.autograd.VariableArbitraries.tensors;

import gradschool.autograd.GradCheck;
import gradschool.core.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Gradient checks of the one-input element-wise ops ({@link Neg}, {@link Exp}, {@link Log},
 * {@link Sqrt}, {@link Abs}, {@link Tanh}, {@link Sin}, {@link Cos}, {@link Sigmoid}, {@link ReLU},
 * {@link LeakyReLU}, {@link PowScalar}, {@link Clip}) and of the scalar overloads ({@code add(double)},
 * {@code rsub}, {@code rdiv}, …), at random small shapes and in random, often non-contiguous, layouts.
 *
 * <p>Inputs stay where the op is smooth: {@code |x| >= 0.1} for the ops with a kink at 0, positive
 * for log and sqrt, away from the bounds for clip.
 */
class ElementwiseGradientProperties {

    private static final int TRIES = 40;

    @Property(tries = TRIES)
    void negGradient(@ForAll("anyValues") Tensor x) {
        GradCheck.check(xs -> xs.get(0).neg(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void expGradient(@ForAll("anyValues") Tensor x) {
        GradCheck.check(xs -> xs.get(0).exp(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void logGradient(@ForAll("positiveValues") Tensor x) {
        GradCheck.check(xs -> xs.get(0).log(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void sqrtGradient(@ForAll("positiveValues") Tensor x) {
        GradCheck.check(xs -> xs.get(0).sqrt(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void absGradient(@ForAll("valuesAwayFromZero") Tensor x) {
        GradCheck.check(xs -> xs.get(0).abs(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void tanhGradient(@ForAll("anyValues") Tensor x) {
        GradCheck.check(xs -> xs.get(0).tanh(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void sinGradient(@ForAll("anyValues") Tensor x) {
        GradCheck.check(xs -> xs.get(0).sin(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void cosGradient(@ForAll("anyValues") Tensor x) {
        GradCheck.check(xs -> xs.get(0).cos(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void sigmoidGradient(@ForAll("anyValues") Tensor x) {
        GradCheck.check(xs -> xs.get(0).sigmoid(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void reluGradient(@ForAll("valuesAwayFromZero") Tensor x) {
        GradCheck.check(xs -> xs.get(0).relu(), x).assertPassed();
    }

    @Property(tries = TRIES)
    void leakyReluGradient(@ForAll("valuesAwayFromZero") Tensor x,
                           @ForAll @DoubleRange(min = 0.0, max = 0.5) double slope) {
        GradCheck.check(xs -> xs.get(0).leakyRelu(slope), x).assertPassed();
    }

    @Property(tries = TRIES)
    void powScalarGradientOnPositiveBases(@ForAll("positiveValues") Tensor x,
                                          @ForAll("realExponents") double exponent) {
        GradCheck.check(xs -> xs.get(0).pow(exponent), x).assertPassed();
    }

    @Property(tries = TRIES)
    void powScalarGradientWithWholeExponentsOnAnyBase(@ForAll("anyValues") Tensor x,
                                                      @ForAll("wholeExponents") double exponent) {
        GradCheck.check(xs -> xs.get(0).pow(exponent), x).assertPassed();
    }

    @Property(tries = TRIES)
    void clipGradient(@ForAll("valuesAwayFromClipBounds") Tensor x) {
        GradCheck.check(xs -> xs.get(0).clip(-1.0, 1.0), x).assertPassed();
    }

    @Property(tries = TRIES)
    void addScalarGradient(@ForAll("anyValues") Tensor x, @ForAll @DoubleRange(min = -3, max = 3) double c) {
        GradCheck.check(xs -> xs.get(0).add(c), x).assertPassed();
    }

    @Property(tries = TRIES)
    void subScalarGradient(@ForAll("anyValues") Tensor x, @ForAll @DoubleRange(min = -3, max = 3) double c) {
        GradCheck.check(xs -> xs.get(0).sub(c), x).assertPassed();
    }

    @Property(tries = TRIES)
    void rsubGradient(@ForAll("anyValues") Tensor x, @ForAll @DoubleRange(min = -3, max = 3) double c) {
        GradCheck.check(xs -> xs.get(0).rsub(c), x).assertPassed();
    }

    @Property(tries = TRIES)
    void mulScalarGradient(@ForAll("anyValues") Tensor x, @ForAll @DoubleRange(min = -3, max = 3) double c) {
        GradCheck.check(xs -> xs.get(0).mul(c), x).assertPassed();
    }

    @Property(tries = TRIES)
    void divScalarGradient(@ForAll("anyValues") Tensor x, @ForAll @DoubleRange(min = 0.5, max = 3) double c) {
        GradCheck.check(xs -> xs.get(0).div(c), x).assertPassed();
        GradCheck.check(xs -> xs.get(0).div(-c), x).assertPassed();
    }

    @Property(tries = TRIES)
    void rdivGradient(@ForAll("denominators") Tensor x, @ForAll @DoubleRange(min = -3, max = 3) double c) {
        GradCheck.check(xs -> xs.get(0).rdiv(c), x).assertPassed();
    }

    @Property(tries = TRIES)
    void maximumAndMinimumWithScalarGradient(@ForAll("valuesAwayFromZero") Tensor x) {
        GradCheck.check(xs -> xs.get(0).maximum(0.0), x).assertPassed();
        GradCheck.check(xs -> xs.get(0).minimum(0.0), x).assertPassed();
    }

    @Provide
    Arbitrary<Tensor> anyValues() {
        return tensors(any());
    }

    @Provide
    Arbitrary<Tensor> positiveValues() {
        return tensors(positive());
    }

    @Provide
    Arbitrary<Tensor> valuesAwayFromZero() {
        return tensors(awayFromZero());
    }

    @Provide
    Arbitrary<Tensor> valuesAwayFromClipBounds() {
        return tensors(avoiding(-2, 2, 0.1, -1.0, 1.0));
    }

    /** Values with {@code |x| >= 0.5}, so that {@code 1/x²} stays small. */
    @Provide
    Arbitrary<Tensor> denominators() {
        return tensors(avoiding(-2, 2, 0.5, 0.0));
    }

    @Provide
    Arbitrary<Double> realExponents() {
        return Arbitraries.of(-1.5, -1.0, 0.0, 0.5, 1.0, 2.0, 2.5, 3.0);
    }

    @Provide
    Arbitrary<Double> wholeExponents() {
        return Arbitraries.of(0.0, 1.0, 2.0, 3.0);
    }
}
