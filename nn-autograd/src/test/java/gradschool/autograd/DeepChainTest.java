package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A chain of a million ops: the backward pass is a loop, not a recursion, so the stack cannot overflow. */
class DeepChainTest {

    private static final int LENGTH = 1_000_000;

    @Test
    void aMillionOpChainRunsBackwardWithoutOverflowingTheStack() throws InterruptedException {
        // Run on a thread with a deliberately small stack (256 KiB, less than the JVM's default),
        // so that any recursion over the chain's length would fail here.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Double> value = new AtomicReference<>();
        AtomicReference<Double> gradient = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                Variable x = Variable.requiringGrad(2.0);
                Variable step = Variable.of(1e-6); // one shared constant keeps the graph small
                Variable y = x;
                for (int i = 0; i < LENGTH; i++) {
                    y = y.add(step);
                }
                Variable loss = y.mul(y); // dL/dx = 2y: every Add passes the gradient through
                loss.backward();
                value.set(y.item());
                gradient.set(x.grad().item());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();

        assertThat(failure.get()).isNull();
        assertThat(value.get()).isCloseTo(3.0, within(1e-6));
        assertThat(gradient.get()).isCloseTo(2 * value.get(), within(1e-12));
    }
}
