package gradschool.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

import com.google.common.base.Stopwatch;
import gradschool.data.DataLoader;
import gradschool.data.LabeledData;
import gradschool.data.Mnist;
import gradschool.data.TensorDataset;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.History;
import gradschool.nn.Sequential;
import gradschool.nn.Trainer;
import gradschool.optim.Adam;

/**
 * Trains the {@code 784 → 128 → 64 → 10} network of {@link MlpStepBenchmark} on the full MNIST training
 * set (60,000 images) for a few epochs with {@link Trainer}, batch 64, Adam (lr 1e-3), shuffled, and
 * reports per epoch: the wall time, images per second, the time spent in garbage collection, and the
 * heap in use after a full collection. Not a JMH benchmark (an epoch takes seconds and the first one
 * includes the JIT's warm-up, which is part of what a student sees), so the figures are single runs:
 * repeat the command and compare.
 *
 * <pre>
 * mvn -B -q -ntp -pl nn-bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -Xmx1g -cp nn-bench/target/benchmarks.jar \
 *     gradschool.bench.MnistEpochHarness data/mnist 3
 * </pre>
 *
 * <p>GC share = the increase of every {@link GarbageCollectorMXBean}'s total collection time during the
 * epoch divided by the epoch's wall time (with concurrent collectors this counts pauses and concurrent
 * cycles alike; with the default G1 it is the pause and young/mixed collection time). The heap figure
 * is {@code totalMemory − freeMemory} after {@code System.gc()}, measured between epochs, outside the
 * timed region; the forced collection's own time is not counted in any epoch.
 */
public final class MnistEpochHarness {

    private MnistEpochHarness() {}

    /**
     * Runs the epochs and prints one line per epoch.
     *
     * @param args the MNIST directory (default {@code data/mnist}) and the number of epochs (default 3)
     * @throws IOException if the data cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "data/mnist");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int batchSize = 64;

        Stopwatch loading = Stopwatch.createStarted();
        LabeledData train = Mnist.read(directory, Mnist.TRAIN, 60_000);
        double loadSeconds = loading.elapsed().toNanos() / 1e9;
        DataLoader loader = DataLoader.of(TensorDataset.of(train)).batchSize(batchSize).shuffle(42);
        Sequential model = MlpStepBenchmark.newModel();
        Adam optimizer = new Adam(model.parameters(), 1e-3);
        CrossEntropyLoss loss = new CrossEntropyLoss();

        System.out.printf(Locale.ROOT, "java %s (%s), %d processors, max heap %d MiB; read %d images in %.2f s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                train.size(), loadSeconds);
        System.out.printf(Locale.ROOT, "heap in use after loading and a full GC: %.1f MiB%n", usedHeapAfterGc());
        System.out.println("epoch  seconds  images/s  GC ms  GC share  heap after GC (MiB)  train loss  accuracy");
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Trainer trainer = Trainer.of(model, loss, optimizer).epochs(1).progress(Trainer.Progress.QUIET);
            long gcBefore = totalGcMillis();
            Stopwatch epochTime = Stopwatch.createStarted();
            History history = trainer.fit(loader);
            double seconds = epochTime.elapsed().toNanos() / 1e9;
            long gcMillis = totalGcMillis() - gcBefore;
            double heap = usedHeapAfterGc();
            History.Epoch record = history.epochs().get(0);
            System.out.printf(Locale.ROOT, "%5d  %7.2f  %8.0f  %5d  %7.1f%%  %19.1f  %10.4f  %8.4f%n",
                    epoch, seconds, train.size() / seconds, gcMillis, 100.0 * gcMillis / (seconds * 1000),
                    heap, record.trainLoss(), record.trainAccuracy());
        }
    }

    private static long totalGcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, bean.getCollectionTime());
        }
        return total;
    }

    private static double usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
    }
}
