package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two threads that build models at the same time each get the numbers their seed promises. */
class InitThreadsTest {

    private static final int LAYERS = 20;

    /** Builds {@link #LAYERS} layers from {@code seed}, waiting at the barrier between layers so that threads interleave. */
    private static List<Tensor> buildLayers(long seed, CyclicBarrier barrier) throws Exception {
        Init.manualSeed(seed);
        List<Tensor> weights = new ArrayList<>();
        for (int i = 0; i < LAYERS; i++) {
            if (barrier != null) {
                barrier.await();
            }
            weights.add(new Linear(8, 8).weight().value());
        }
        return weights;
    }

    @Test
    void concurrentModelBuildingIsDeterministic() throws Exception {
        List<Tensor> expectedA = buildLayers(1, null);
        List<Tensor> expectedB = buildLayers(2, null);
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Tensor>> a = pool.submit(() -> buildLayers(1, barrier));
            Future<List<Tensor>> b = pool.submit(() -> buildLayers(2, barrier));
            assertThat(a.get()).isEqualTo(expectedA);
            assertThat(b.get()).isEqualTo(expectedB);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manualSeedOnOneThreadDoesNotReseedAnother() throws Exception {
        Init.manualSeed(5);
        Tensor expected = new Linear(3, 3).weight().value();
        Init.manualSeed(5);
        Thread other = new Thread(() -> Init.manualSeed(99));
        other.start();
        other.join();
        assertThat(new Linear(3, 3).weight().value()).isEqualTo(expected);
    }
}
