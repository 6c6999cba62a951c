package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** GradMode: no history while off, scopes that nest and survive exceptions, detach, per-thread state. */
class GradModeTest {

    @Test
    void recordingIsOnByDefault() {
        assertThat(GradMode.isEnabled()).isTrue();
    }

    @Test
    void resultsMadeWhileOffHaveNoHistory() {
        Variable w = Variable.requiringGrad(Tensor.of(new double[] {1, 2}));
        Variable y;
        try (var off = GradMode.off()) {
            y = w.mul(3).sum();
        }

        assertThat(y.requiresGrad()).isFalse();
        assertThat(y.function()).isNull();
        assertThat(y.isLeaf()).isTrue();
        assertThat(y.item()).isEqualTo(9.0);
        assertThatThrownBy(y::backward).hasMessageContaining("GradMode was off");
    }

    @Test
    void scopesNestAndEachRestoresThePreviousMode() {
        try (var off = GradMode.off()) {
            assertThat(GradMode.isEnabled()).isFalse();
            try (var on = GradMode.on()) {
                assertThat(GradMode.isEnabled()).isTrue();
                try (var offAgain = GradMode.off()) {
                    assertThat(GradMode.isEnabled()).isFalse();
                }
                assertThat(GradMode.isEnabled()).isTrue();
            }
            assertThat(GradMode.isEnabled()).isFalse();
        }
        assertThat(GradMode.isEnabled()).isTrue();
    }

    @Test
    void anExceptionInsideTheScopeStillRestoresTheMode() {
        Variable a = Variable.requiringGrad(Tensor.ones(2, 3));
        Variable b = Variable.requiringGrad(Tensor.ones(4, 5));

        assertThatThrownBy(() -> {
            try (var off = GradMode.off()) {
                a.matmul(b); // (2, 3)·(4, 5): shapes do not fit
            }
        }).isInstanceOf(IllegalArgumentException.class);
        assertThat(GradMode.isEnabled()).isTrue();
    }

    @Test
    void aGraphCanBeBuiltInsideAnOnScopeWithinAnOffScope() {
        Variable x = Variable.requiringGrad(2.0);
        Variable y;
        try (var off = GradMode.off(); var on = GradMode.on()) {
            y = x.mul(x);
        }
        y.backward();

        assertThat(x.grad().item()).isEqualTo(4.0);
    }

    @Test
    void detachCutsTheGraph() {
        Variable x = Variable.requiringGrad(3.0);
        Variable square = x.mul(x);
        Variable frozen = square.detach();
        Variable y = square.add(frozen.mul(x)); // x² + (x²)·x with the second x² held constant
        y.backward();

        assertThat(frozen.isLeaf()).isTrue();
        assertThat(frozen.requiresGrad()).isFalse();
        assertThat(frozen.value()).isEqualTo(square.value());
        assertThat(x.grad().item()).isEqualTo(2 * 3.0 + 9.0); // 2x + frozen
    }

    @Test
    void theModeBelongsToOneThread() throws InterruptedException {
        AtomicBoolean otherThreadRecords = new AtomicBoolean();
        AtomicBoolean otherThreadResultRequiresGrad = new AtomicBoolean();
        Variable x = Variable.requiringGrad(2.0);
        try (var off = GradMode.off()) {
            Thread other = new Thread(() -> {
                otherThreadRecords.set(GradMode.isEnabled());
                otherThreadResultRequiresGrad.set(x.mul(x).requiresGrad());
            });
            other.start();
            other.join();
            assertThat(x.mul(x).requiresGrad()).isFalse();
        }

        assertThat(otherThreadRecords).isTrue();
        assertThat(otherThreadResultRequiresGrad).isTrue();
    }
}
