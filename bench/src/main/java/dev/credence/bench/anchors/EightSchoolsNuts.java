package dev.credence.bench.anchors;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.DrawsPosterior;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.model.examples.EightSchools;
import dev.credence.api.random.RandomKey;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/**
 * The Credence side of the eight-schools comparison with {@code anchors/stan_nuts.R}: NUTS on the
 * non-centred model, 4 chains x (1000 warm-up + 1000 draws), on one backend. Prints one line in the
 * anchor's format plus the time from JVM start to the last draw.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.credence.bench.anchors.EightSchoolsNuts [backend] [threads] [runs]
 * </pre>
 */
public final class EightSchoolsNuts {
    private EightSchoolsNuts() {}

    /**
     * Runs the comparison.
     *
     * @param args backend name (default jvm), threads (default 1, as the anchor uses one core),
     *     runs in this JVM (default 1; later runs show the speed once the JIT has compiled)
     */
    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : "jvm";
        String threads = args.length > 1 ? args[1] : "1";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        for (int r = 1; r <= runs; r++) {
            run(backend, threads, r);
        }
    }

    private static void run(String backend, String threads, int run) {
        Backend b = Backends.discover().select(backend);
        EightSchools model = EightSchools.nonCentered(b);
        long t0 = System.nanoTime();
        var post =
                (DrawsPosterior)
                        Inferences.discover()
                                .create(
                                        "nuts",
                                        new InferenceConfig(
                                                Map.of("threads", threads),
                                                RandomKey.of(4711),
                                                null))
                                .fit(model);
        double wall = (System.nanoTime() - t0) / 1e9;
        double sinceStart =
                (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                        / 1e3;
        Draws d = post.draws();
        double minEss = Double.POSITIVE_INFINITY;
        double maxRhat = 0;
        for (ParameterSummary s : d.summary()) {
            minEss = Math.min(minEss, s.essBulk());
            maxRhat = Math.max(maxRhat, s.rhat());
        }
        long leapfrogs = 0;
        for (double[] c : d.stats().get("n_leapfrog")) {
            for (double v : c) {
                leapfrogs += (long) v;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "credence[%s] run %d wall_s %.2f min_bulk_ess %.0f ess_per_s %.1f max_rhat %.3f divergent %d"
                        + " jvm_start_to_draws_s %.2f sampling_leapfrogs %d%n",
                backend,
                run,
                wall,
                minEss,
                minEss / wall,
                maxRhat,
                d.divergences(),
                sinceStart,
                leapfrogs);
    }
}
