package dev.credence.bench.profile;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.GuidedModel;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.optim.Adam;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.inference.vi.Svi;
import dev.credence.inference.vi.SviResult;
import dev.credence.inference.vi.SviSettings;
import dev.credence.inference.vi.TraceMeanFieldElbo;
import dev.credence.io.data.Dataset;
import dev.credence.io.data.Datasets;
import dev.credence.io.data.Split;
import dev.credence.models.vae.Vae;
import dev.credence.models.vae.VaeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one training step of the reference VAE (784-400-20, Bernoulli, Adam 1e-3, batch 128,
 * FLOAT32, analytic KL) spends its time on one backend: the step's wall time, the share spent
 * inside backend calls, and a table of those calls by primitive and shapes.
 *
 * <pre>
 * java -cp ... dev.credence.bench.profile.VaeStepProfile BACKEND [STEPS] [OUT.md]
 * </pre>
 *
 * <p>It runs {@link Svi#run} itself, on the same model, guide, ELBO and optimizer as {@code
 * credence vae train}, for three windows of {@code STEPS} steps (default 100): the first to compile
 * and settle, the second timed without instrumentation, the third timed through a {@link
 * TimedBackend}, which adds a clock read per call. "Outside the backend" is the third window's time
 * less the time inside backend calls: the tensor API, the tape, the model and its effect handlers,
 * the optimizer's bookkeeping (or, for a compiled step, the replay loop). {@code
 * -Dcredence.svi.compile=false} profiles the step without compilation. Kernel threads: the {@code
 * THREADS} environment variable (default 1) for {@code jvm}; DJL and ND4J read {@code
 * OMP_NUM_THREADS} and {@code ai.djl.pytorch.num_threads}.
 */
public final class VaeStepProfile {
    private VaeStepProfile() {}

    /**
     * Profiles one backend.
     *
     * @param args backend, steps per window, optional Markdown output file
     * @throws IOException if the data cannot be read or the report written
     */
    public static void main(String[] args) throws IOException {
        String name = args.length > 0 ? args[0] : "jvm";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path out = args.length > 2 ? Path.of(args[2]) : null;
        String threads = System.getenv().getOrDefault("THREADS", "1");
        Backend raw =
                name.equals("jvm")
                        ? Backends.discover()
                                .select(name, new BackendConfig(Map.of("threads", threads)))
                        : Backends.discover().select(name);
        TimedBackend b = new TimedBackend(raw);
        Dataset train =
                Datasets.builder().download(false).build().load("fashion-mnist", Split.TRAIN, null);
        VaeConfig config = VaeConfig.defaults();
        int n = train.size();
        Tensor images = train.features().toTensor(b, config.dtype()).reshape(n, 784);
        Vae vae = new Vae(config, 784);
        RandomKey root = RandomKey.of(config.seed());
        GuidedModel g = vae.guided(images, config.batchSize(), vae.initialParams(b, root.fold(0)));
        Svi svi =
                new Svi(
                        g.model(),
                        g.guide(),
                        Adam.of(config.learningRate()),
                        new TraceMeanFieldElbo(1));
        boolean compile = !"false".equals(System.getProperty("credence.svi.compile"));
        double[] ms = new double[3];
        ProgressListener windows =
                new ProgressListener() {
                    private int window;

                    @Override
                    public void onSvi(ProgressListener.Svi p) {
                        ms[Math.min(window, 2)] = 1e3 / p.stepsPerSecond();
                        window++;
                        if (window == 2) {
                            b.start();
                        } else if (window == 3) {
                            b.stop();
                        }
                    }
                };
        SviResult result =
                svi.compiled(compile)
                        .run(
                                root.fold(1),
                                new SviSettings(3L * steps, steps, 0, null, false),
                                windows);
        double plain = ms[1];
        double timed = ms[2];
        List<TimedBackend.Row> rows = b.rows();
        String report = report(name, threads, steps, result.steps(), plain, timed, rows);
        System.out.print(report);
        if (out != null) {
            Files.writeString(out, report);
        }
    }

    private static String report(
            String name,
            String threads,
            int steps,
            String mode,
            double plain,
            double timed,
            List<TimedBackend.Row> rows) {
        long inside = 0;
        long calls = 0;
        for (TimedBackend.Row r : rows) {
            inside += r.nanos();
            calls += r.calls();
        }
        double insideMs = inside / 1e6 / steps;
        StringBuilder sb = new StringBuilder();
        sb.append(
                String.format(
                        Locale.ROOT,
                        "## VAE step on `%s` (threads %s; windows of %d steps)%n%n"
                                + "Steps: %s.%n%n",
                        name,
                        threads,
                        steps,
                        mode));
        sb.append("| measure | ms per step |\n|---|---:|\n");
        sb.append(String.format(Locale.ROOT, "| step, uninstrumented | %.2f |%n", plain));
        sb.append(String.format(Locale.ROOT, "| step, instrumented | %.2f |%n", timed));
        sb.append(
                String.format(
                        Locale.ROOT,
                        "| inside backend calls (%d calls per step) | %.2f |%n",
                        calls / steps,
                        insideMs));
        sb.append(
                String.format(
                        Locale.ROOT,
                        "| outside the backend (API, tape, model, optimizer) | %.2f |%n%n",
                        timed - insideMs));
        sb.append("| backend call | calls/step | ms/step | us/call | share |\n");
        sb.append("|---|---:|---:|---:|---:|\n");
        double other = 0;
        long otherCalls = 0;
        for (TimedBackend.Row r : rows) {
            double ms = r.nanos() / 1e6 / steps;
            if (ms < 0.02) {
                other += ms;
                otherCalls += r.calls();
                continue;
            }
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "| `%s` | %.1f | %.3f | %.1f | %.1f%% |%n",
                            r.key(),
                            r.calls() / (double) steps,
                            ms,
                            r.nanos() / 1e3 / r.calls(),
                            100 * ms / timed));
        }
        sb.append(
                String.format(
                        Locale.ROOT,
                        "| (other calls) | %.1f | %.3f | | %.1f%% |%n%n",
                        otherCalls / (double) steps,
                        other,
                        100 * other / timed));
        return sb.toString();
    }
}
