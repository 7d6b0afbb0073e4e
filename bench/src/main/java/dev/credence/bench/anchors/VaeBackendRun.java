package dev.credence.bench.anchors;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;
import dev.credence.io.data.Dataset;
import dev.credence.io.data.Datasets;
import dev.credence.io.data.Split;
import dev.credence.models.vae.EpochMetrics;
import dev.credence.models.vae.VaeConfig;
import dev.credence.models.vae.VaeListener;
import dev.credence.models.vae.VaeResult;
import dev.credence.models.vae.VaeTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One side of {@link VaeVsTorch}: trains the reference VAE (784-400-20, Bernoulli, Adam 1e-3, batch
 * 128, FLOAT32) on Fashion-MNIST on one backend, in a JVM of its own so that its resident set is
 * its own, and prints one line per epoch:
 *
 * <pre>
 * credence[jvm] epoch 1 time_s 61.20 train_loss 290.12 test_loss 262.41 rss_mb 812 peak_rss_mb 840
 * </pre>
 *
 * then one line with the importance-sampled {@code -log p(x)} of the final model.
 *
 * <pre>
 * java -cp ... dev.credence.bench.anchors.VaeBackendRun BACKEND EPOCHS [DATA_DIR] [OUT_DIR]
 * </pre>
 */
public final class VaeBackendRun {
    private VaeBackendRun() {}

    /**
     * Runs one backend.
     *
     * @param args backend, epochs, optional data folder (else the {@code fashion-mnist} lookup of
     *     {@link Datasets}), optional output folder (else a temporary one)
     * @throws IOException if data cannot be read or outputs written
     */
    public static void main(String[] args) throws IOException {
        String name = args.length > 0 ? args[0] : "jvm";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path data = args.length > 2 && !args[2].isEmpty() ? Path.of(args[2]) : null;
        Path out = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("vae-" + name);
        Datasets sets = Datasets.builder().download(false).build();
        Dataset train = sets.load("fashion-mnist", Split.TRAIN, data);
        Dataset test = sets.load("fashion-mnist", Split.TEST, data);
        // The anchor's thread count (THREADS, default 2) for the jvm backend's kernels too; DJL and
        // ND4J read theirs from OMP_NUM_THREADS and the JVM options VaeVsTorch passes.
        String threads = System.getenv().getOrDefault("THREADS", "2");
        Backend b =
                name.equals("jvm")
                        ? Backends.discover()
                                .select(name, new BackendConfig(Map.of("threads", threads)))
                        : Backends.discover().select(name);
        VaeConfig config =
                VaeConfig.builder().epochs(epochs).evalSamples(100).evalExamples(500).build();
        VaeListener listener =
                new VaeListener() {
                    @Override
                    public void onEpoch(EpochMetrics m) {
                        long[] rss = residentMegabytes();
                        System.out.printf(
                                Locale.ROOT,
                                "credence[%s] epoch %d time_s %.2f train_loss %.2f test_loss %.2f"
                                        + " rss_mb %d peak_rss_mb %d%n",
                                name,
                                m.epoch(),
                                m.trainSeconds(),
                                m.trainLoss(),
                                m.testLoss(),
                                rss[0],
                                rss[1]);
                    }
                };
        VaeResult r =
                new VaeTrainer(b, Inferences.discover(), listener)
                        .train(config, train, test, out, false);
        System.out.printf(
                Locale.ROOT,
                "credence[%s] nll %.2f examples %d samples %d out %s%n",
                name,
                r.negLogLikelihood(),
                r.nllExamples(),
                config.evalSamples(),
                out);
    }

    /** The resident set and its peak, from {@code /proc/self/status} (-1 where unavailable). */
    static long[] residentMegabytes() {
        long[] out = {-1, -1};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    out[0] = kilobytes(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    out[1] = kilobytes(line) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: leave -1.
        }
        return out;
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
