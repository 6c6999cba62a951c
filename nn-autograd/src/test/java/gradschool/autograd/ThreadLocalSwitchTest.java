package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * ThreadLocalSwitch answers its initial state without a thread-local lookup while no scope is open
 * anywhere; these tests pin down that the shortcut never answers wrongly.
 */
class ThreadLocalSwitchTest {

    @Test
    void aScopeOpenOnAnotherThreadChangesOnlyThatThread() throws InterruptedException {
        ThreadLocalSwitch sw = new ThreadLocalSwitch(false);
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        AtomicBoolean otherSees = new AtomicBoolean();
        Thread other = new Thread(() -> {
            try (Scope on = new Scope(sw, true)) {
                otherSees.set(sw.isOn());
                opened.countDown();
                checked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        opened.await();

        assertThat(sw.isOn()).as("this thread, while another thread's scope is open").isFalse();
        checked.countDown();
        other.join();
        assertThat(otherSees).as("the thread that opened the scope").isTrue();
        assertThat(sw.isOn()).isFalse();
    }

    @Test
    void closingAScopeTwiceDoesNotEndTheScopeAroundIt() {
        ThreadLocalSwitch sw = new ThreadLocalSwitch(true);
        try (Scope outer = new Scope(sw, false)) {
            Scope inner = new Scope(sw, false);
            inner.close();
            inner.close(); // a second close must not count as closing the outer scope too

            assertThat(sw.isOn()).isFalse();
        }
        assertThat(sw.isOn()).isTrue();
    }

    @Test
    void aScopeThatSetsTheInitialStateInsideOneThatChangedItRestoresTheChange() {
        ThreadLocalSwitch sw = new ThreadLocalSwitch(true);
        try (Scope off = new Scope(sw, false)) {
            try (Scope on = new Scope(sw, true)) {
                assertThat(sw.isOn()).isTrue();
            }
            assertThat(sw.isOn()).isFalse();
        }
        assertThat(sw.isOn()).isTrue();
    }

    /** A scope of the switch under test. */
    private static final class Scope extends ThreadLocalSwitch.Scope {
        Scope(ThreadLocalSwitch target, boolean on) {
            super(target, on);
        }
    }
}
