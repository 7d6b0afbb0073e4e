package dev.credence.bench.anchors;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.DrawsPosterior;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.models.posteriordb.Agreement;
import dev.credence.models.posteriordb.Panel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The Credence side of {@code bench/anchors/posteriordb.sh}: NUTS, 4 chains x (1000 warm-up + 1000
 * draws) at default settings, on one posterior of the panel, in this (fresh) JVM. Prints one line
 * in the same {@code key=value} form as {@code posteriordb_stan.R}, then a line per parameter that
 * disagrees with the reference:
 *
 * <pre>
 * credence name=... agree=K/N divergent=D max_rhat=R min_ess_bulk=E fit_s=F jvm_start_to_draws_s=S
 * </pre>
 *
 * {@code min_ess_bulk} and {@code max_rhat} are over the reference's parameters, as on the Stan
 * side. Usage:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.credence.bench.anchors.PosteriordbNuts PANEL_DIR NAME [threads] [backend] [seed]
 * </pre>
 */
public final class PosteriordbNuts {
    private PosteriordbNuts() {}

    /**
     * Runs one posterior.
     *
     * @param args the panel folder, the posterior's name, threads (default 1), backend (default
     *     jvm), the run's seed (default 4711)
     * @throws Exception if the data cannot be read
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PosteriordbNuts PANEL_DIR NAME [threads] [backend] [seed]");
            System.exit(2);
        }
        Path panel = Path.of(args[0]);
        String name = args[1];
        String threads = args.length > 2 ? args[2] : "1";
        Backend b = Backends.discover().select(args.length > 3 ? args[3] : "jvm");
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 4711;
        Model model = Panel.load(name, b, panel);
        long t0 = System.nanoTime();
        var post =
                (DrawsPosterior)
                        Inferences.discover()
                                .create(
                                        "nuts",
                                        InferenceConfig.of(
                                                Map.of("threads", threads),
                                                RandomKey.of(seed),
                                                null))
                                .fit(model);
        double fit = (System.nanoTime() - t0) / 1e9;
        double sinceStart =
                (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                        / 1e3;
        Draws d = post.draws();
        Agreement a = Agreement.check(d, Panel.reference(name, panel));
        System.out.printf(
                Locale.ROOT,
                "credence name=%s agree=%d/%d divergent=%d max_rhat=%.3f min_ess_bulk=%.0f"
                        + " fit_s=%.2f jvm_start_to_draws_s=%.2f%n",
                name,
                a.rows().size() - a.failures().size(),
                a.rows().size(),
                d.divergences(),
                a.maxRhat(),
                a.minEssBulk(),
                fit,
                sinceStart);
        for (Agreement.Verdict v : a.failures()) {
            System.out.println("  " + v);
        }
        if (!a.allAgree() || d.divergences() > 0) {
            printChains(d, a);
        }
    }

    /** Per chain: divergences, mean step size and tree depth, and the failing parameters' means. */
    private static void printChains(Draws d, Agreement a) {
        for (int c = 0; c < d.chains(); c++) {
            StringBuilder sb = new StringBuilder();
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "  chain %d: divergent %d stepsize %.3g treedepth %.2f",
                            c + 1,
                            (int) sum(d.stats().get("divergent")[c]),
                            mean(d.stats().get("stepsize")[c]),
                            mean(d.stats().get("treedepth")[c])));
            for (Agreement.Verdict v : a.failures()) {
                sb.append(
                        String.format(
                                Locale.ROOT,
                                " %s %.4g",
                                v.param(),
                                mean(d.parameter(v.param())[c])));
            }
            System.out.println(sb);
        }
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private static double mean(double[] x) {
        return sum(x) / x.length;
    }
}
