package gradschool.optim;

import static gradschool.optim.Fixtures.parameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    private static Optimizer sgd(double learningRate) {
        return new SGD(List.of(parameter(1, 2)), learningRate);
    }

    /** The optimizer's learning rate during epochs 0, 1, …, epochs − 1, stepping the schedule once per epoch. */
    private static List<Double> ratesOverEpochs(LearningRateSchedule schedule, int epochs) {
        List<Double> rates = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            assertThat(schedule.epoch()).isEqualTo(epoch);
            rates.add(schedule.optimizer().learningRate());
            assertThat(schedule.learningRateAt(epoch)).isEqualTo(schedule.optimizer().learningRate());
            schedule.step();
        }
        return rates;
    }

    private static void assertRates(List<Double> actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i)).as("epoch %d", i).isCloseTo(expected[i], within(1e-15));
        }
    }

    @Test
    void stepDecayMultipliesByGammaEveryStepSizeEpochs() {
        StepDecay schedule = new StepDecay(sgd(0.1), 3, 0.5);
        assertRates(ratesOverEpochs(schedule, 10), 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125);
        assertThat(schedule).hasToString("StepDecay(baseLr=0.1, stepSize=3, gamma=0.5)");
    }

    @Test
    void exponentialDecayMultipliesByGammaEveryEpoch() {
        assertRates(ratesOverEpochs(new ExponentialDecay(sgd(0.8), 0.5), 5), 0.8, 0.4, 0.2, 0.1, 0.05);
    }

    @Test
    void exponentialDecayIsClosedFormWithoutDrift() {
        ExponentialDecay schedule = new ExponentialDecay(sgd(0.1), 0.99);
        List<Double> rates = ratesOverEpochs(schedule, 1000);
        for (int epoch = 0; epoch < 1000; epoch++) {
            assertThat(rates.get(epoch)).isEqualTo(0.1 * Math.pow(0.99, epoch));   // exactly, not just close
        }
    }

    @Test
    void cosineAnnealingFollowsHalfACosineThenHolds() {
        CosineAnnealing schedule = new CosineAnnealing(sgd(1.0), 4, 0.2);
        double halfRoot2 = Math.sqrt(2) / 2;                   // cos(π/4)
        assertRates(ratesOverEpochs(schedule, 7),
                1.0,
                0.2 + 0.8 * (1 + halfRoot2) / 2,
                0.6,                                          // halfway: the average of 1.0 and 0.2
                0.2 + 0.8 * (1 - halfRoot2) / 2,
                0.2, 0.2, 0.2);
    }

    @Test
    void linearWarmupRampsUpThenHoldsTheBaseRate() {
        Optimizer optimizer = sgd(0.1);
        LinearWarmup warmup = new LinearWarmup(optimizer, 0.25, 3);
        assertThat(optimizer.learningRate()).as("epoch 0 is already warmed-up-from").isCloseTo(0.025, within(1e-15));
        assertRates(ratesOverEpochs(warmup, 6), 0.025, 0.05, 0.075, 0.1, 0.1, 0.1);
    }

    @Test
    void linearWarmupHandsOverToTheFollowingSchedule() {
        Optimizer optimizer = sgd(1.0);
        StepDecay decay = new StepDecay(optimizer, 2, 0.1);
        LinearWarmup warmup = new LinearWarmup(decay, 0.5, 2);
        assertThat(warmup.baseLearningRate()).isEqualTo(1.0);
        assertRates(ratesOverEpochs(warmup, 7), 0.5, 0.75, 1.0, 1.0, 0.1, 0.1, 0.01);
        assertThat(decay.epoch()).as("the following schedule is not stepped itself").isZero();
        assertThat(warmup).hasToString(
                "LinearWarmup(baseLr=1.0, startFactor=0.5, warmupEpochs=2, then StepDecay(baseLr=1.0, stepSize=2, gamma=0.1))");
    }

    @Test
    void warmupThenCosine() {
        Optimizer optimizer = sgd(0.1);
        LinearWarmup schedule = new LinearWarmup(new CosineAnnealing(optimizer, 2, 0.01), 0.1, 1);
        assertRates(ratesOverEpochs(schedule, 5), 0.01, 0.1, 0.055, 0.01, 0.01);
    }

    @Test
    void invalidSettingsAreRejectedWithTheRule() {
        assertThatThrownBy(() -> new StepDecay(sgd(0.1), 0, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StepDecay: stepSize must be >= 1, got 0");
        assertThatThrownBy(() -> new StepDecay(sgd(0.1), 5, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StepDecay: gamma must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> new ExponentialDecay(sgd(0.1), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ExponentialDecay: gamma must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new CosineAnnealing(sgd(0.1), 10, 0.2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CosineAnnealing: minLr must be in (0, baseLr] = (0, 0.1], got 0.2");
        assertThatThrownBy(() -> new CosineAnnealing(sgd(0.1), 10, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minLr must be in (0, baseLr]");
        assertThatThrownBy(() -> new CosineAnnealing(sgd(0.1), 0, 0.01)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CosineAnnealing: tMax must be >= 1, got 0");
        assertThatThrownBy(() -> new LinearWarmup(sgd(0.1), 0, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearWarmup: startFactor must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new LinearWarmup(sgd(0.1), 0.5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearWarmup: warmupEpochs must be >= 1, got 0");
        assertThatThrownBy(() -> new ExponentialDecay(sgd(0.1), 0.5).learningRateAt(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ExponentialDecay: the epoch must be >= 0, got -1");
    }
}
