package dev.credence.bench.anchors;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.infer.DrawsPosterior;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.model.CompiledPotential;
import dev.credence.api.model.Potential;
import dev.credence.api.model.examples.LogisticRegression;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Locale;
import java.util.Map;

/**
 * NUTS on a logistic regression with 10,000 rows and 20 features (simulated, seed 7): time per
 * gradient (compiled replay and direct), and ESS per second for 4 chains x (1000 + 1000).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.credence.bench.anchors.LogisticNuts [--gradients-only] [backend...]
 * </pre>
 */
public final class LogisticNuts {
    private LogisticNuts() {}

    /**
     * Runs the benchmark for each named backend.
     *
     * @param args backend names (default: jvm)
     */
    public static void main(String[] args) {
        boolean gradientsOnly = java.util.Arrays.asList(args).contains("--gradients-only");
        String[] names =
                java.util.Arrays.stream(args)
                        .filter(a -> !a.startsWith("--"))
                        .toArray(String[]::new);
        for (String name : names.length == 0 ? new String[] {"jvm"} : names) {
            run(Backends.discover().select(name), gradientsOnly);
        }
    }

    static void run(Backend b, boolean gradientsOnly) {
        RandomKey k = RandomKey.of(7);
        Tensor x = k.fold(1).normal(b, DType.FLOAT64, 10_000, 20);
        Tensor w = k.fold(2).normal(b, DType.FLOAT64, 20).mul(0.5);
        Tensor y =
                k.fold(3)
                        .uniform(b, DType.FLOAT64, 10_000)
                        .lt(x.matmul(w).sigmoid())
                        .cast(DType.FLOAT64);
        LogisticRegression model = new LogisticRegression(x, y);
        Potential p = Potential.of(model, k.fold(4));
        CompiledPotential cp = CompiledPotential.of(p, k.fold(5));
        double[] q = p.initialPoint(k.fold(6)).toDoubleArray();
        double[] g = new double[q.length];
        double compiledUs = time(() -> cp.valueAndGradient(q, g));
        double directUs = time(() -> p.valueAndGradient(Tensor.of(b, q, q.length)).value());
        if (gradientsOnly) {
            System.out.printf(
                    Locale.ROOT,
                    "logistic 10000x20 [%s] gradient %.1f us compiled (%s), %.1f us direct%n",
                    b.name(),
                    compiledUs,
                    cp.isCompiled() ? "yes" : cp.reason(),
                    directUs);
            return;
        }
        long t0 = System.nanoTime();
        var post =
                (DrawsPosterior)
                        Inferences.discover()
                                .create(
                                        "nuts",
                                        new InferenceConfig(Map.of(), RandomKey.of(8), null))
                                .fit(model);
        double wall = (System.nanoTime() - t0) / 1e9;
        double minEss =
                post.summary().stream().mapToDouble(ParameterSummary::essBulk).min().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "logistic 10000x20 [%s] gradient %.1f us compiled (%s), %.1f us direct; NUTS 4x2000"
                        + " wall %.2f s, min bulk ESS %.0f, ESS/s %.1f%n",
                b.name(),
                compiledUs,
                cp.isCompiled() ? "yes" : cp.reason(),
                directUs,
                wall,
                minEss,
                minEss / wall);
    }

    private static double time(Runnable r) {
        for (int i = 0; i < 200; i++) {
            r.run();
        }
        int n = 1000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            r.run();
        }
        return (System.nanoTime() - t0) / 1e3 / n;
    }
}
