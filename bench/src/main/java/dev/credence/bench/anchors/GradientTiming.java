package dev.credence.bench.anchors;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.model.CompiledPotential;
import dev.credence.api.model.Model;
import dev.credence.api.model.Potential;
import dev.credence.api.model.examples.EightSchools;
import dev.credence.api.random.RandomKey;
import dev.credence.models.posteriordb.CorrelatedRegression;
import dev.credence.models.posteriordb.Garch11;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Milliseconds per gradient of the log density, as NUTS evaluates it (the compiled potential when
 * the model can be replayed), for the three before/after models: eight schools
 * (non-centred), GARCH(1,1) on 100 simulated points, and the 5,000-row regression with 24
 * correlated predictors (26 parameters). Each is warmed up for 3 s of this thread's CPU time (so
 * that the JIT has compiled the path even on a loaded machine), then timed over at least 1.5 s of
 * CPU time of calls at random unconstrained points. Both the wall time and the CPU time per call
 * are printed: on a loaded machine the CPU time is the steadier figure. Each line also says whether
 * the potential runs host-compiled (the {@code credence-compiler} module on the class path) and, if
 * not, why.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.credence.bench.anchors.GradientTiming [backend]
 * </pre>
 */
public final class GradientTiming {
    private GradientTiming() {}

    /**
     * Prints one line per model.
     *
     * @param args backend name (default jvm)
     */
    public static void main(String[] args) {
        Backend b = Backends.discover().select(args.length > 0 ? args[0] : "jvm");
        Map<String, Model> models = new LinkedHashMap<>();
        models.put("eight-schools", EightSchools.nonCentered(b));
        models.put("garch11-T100", Garch11.simulated(b, 100, RandomKey.of(11)));
        models.put(
                "regression-5000x24",
                CorrelatedRegression.simulated(b, 5000, 24, RandomKey.of(12)));
        for (var e : models.entrySet()) {
            Potential p = Potential.of(e.getValue(), RandomKey.of(1));
            CompiledPotential cp = CompiledPotential.of(p, RandomKey.of(0x5eed));
            double[][] points = new double[64][];
            for (int i = 0; i < points.length; i++) {
                points[i] = p.initialPoint(RandomKey.of(100 + i)).toDoubleArray();
            }
            double[] g = new double[p.dimension()];
            run(cp, points, g, 3.0);
            double[] r = run(cp, points, g, 1.5);
            System.out.printf(
                    Locale.ROOT,
                    "gradient %-20s [%s] %.3f us/gradient wall, %.3f us cpu (%d calls) dimension %d"
                            + " compiled %s kernel_calls %d host %s%n",
                    e.getKey(),
                    b.name(),
                    r[0] * 1e3,
                    r[2] * 1e3,
                    (long) r[1],
                    p.dimension(),
                    cp.isCompiled() ? "yes" : "no (" + cp.reason() + ")",
                    cp.kernelCalls(),
                    cp.isHostCompiled() ? "yes" : "no (" + cp.hostReason() + ")");
        }
    }

    /**
     * Calls the gradient for at least {@code s} seconds of this thread's CPU time; returns wall ms
     * per call, the count and CPU ms per call.
     */
    private static double[] run(CompiledPotential cp, double[][] points, double[] g, double s) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long n = 0;
        long limit = (long) (s * 1e9);
        while (mx.getCurrentThreadCpuTime() - c0 < limit) {
            for (double[] q : points) {
                cp.valueAndGradient(q, g);
            }
            n += points.length;
        }
        double wall = (System.nanoTime() - t0) / 1e6 / n;
        return new double[] {wall, n, (mx.getCurrentThreadCpuTime() - c0) / 1e6 / n};
    }
}
