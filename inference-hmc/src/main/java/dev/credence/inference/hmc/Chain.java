package dev.credence.inference.hmc;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.random.RandomKey;
import java.util.SplittableRandom;

/**
 * One chain from initialisation through Stan-style warm-up to its draws.
 *
 * <ol>
 *   <li>Initial point uniform on {@code [-r, r]^d}, retried (up to 100 times) until the density and
 *       gradient are finite.
 *   <li>Initial step size by {@link StepSizeSearch}; dual averaging toward the target acceptance
 *       throughout warm-up.
 *   <li>Metric (co)variance estimated in the slow windows of {@link WarmupSchedule}; after each
 *       window the metric is replaced, the step size searched again and the averaging restarted.
 *   <li>Sampling with the averaged step size and the final metric.
 * </ol>
 *
 * The chain's randomness comes only from its own key, so results do not depend on threads.
 */
final class Chain {
    private Chain() {}

    static ChainResult run(
            LogDensity f,
            SamplerSettings s,
            RandomKey key,
            int chainIndex,
            double[] init,
            ProgressListener listener) {
        int d = f.dimension();
        SplittableRandom rng = new SplittableRandom((long) (key.uniformDoubles(1)[0] * 0x1p53));
        PhasePoint z = new PhasePoint(d);
        initialise(z, f, s.initRadius(), init, rng);
        Metric metric =
                s.denseMetric()
                        ? new Metric.Dense(denseBackend(f), identity(d))
                        : Metric.Diagonal.unit(d);
        Transition kernel =
                s.algorithm() == SamplerSettings.Algorithm.NUTS
                        ? new NutsTransition(s.maxTreeDepth())
                        : new StaticHmcTransition(s.integrationTime());
        double eps = StepSizeSearch.find(z, 1.0, metric, f, rng);
        DualAveraging da = DualAveraging.start(eps, s.targetAccept());
        WarmupSchedule schedule = new WarmupSchedule(s.numWarmup());
        Welford welford = new Welford(d, s.denseMetric());
        int total = s.numWarmup() + s.numSamples();
        int every = Math.max(1, total / 20);
        int divergences = 0;
        for (int i = 0; i < s.numWarmup(); i++) {
            TransitionStats st = kernel.next(z, eps, metric, f, rng);
            da = da.update(st.acceptStat());
            eps = da.stepSize();
            if (schedule.inSlowWindow(i)) {
                welford.add(z.q);
            }
            if (schedule.endOfSlowWindow(i)) {
                metric =
                        s.denseMetric()
                                ? new Metric.Dense(denseBackend(f), welford.regularisedCovariance())
                                : new Metric.Diagonal(welford.regularisedVariance());
                welford.reset();
                eps = StepSizeSearch.find(z, eps, metric, f, rng);
                da = da.restart(eps);
            }
            if ((i + 1) % every == 0) {
                listener.onMcmc(new ProgressListener.Mcmc(chainIndex, i + 1, total, true, eps, 0));
            }
        }
        if (s.numWarmup() > 0) {
            eps = da.finalStepSize();
        }
        double[][] draws = new double[s.numSamples()][];
        TransitionStats[] stats = new TransitionStats[s.numSamples()];
        for (int i = 0; i < s.numSamples(); i++) {
            stats[i] = kernel.next(z, eps, metric, f, rng);
            draws[i] = z.q.clone();
            if (stats[i].divergent()) {
                divergences++;
            }
            int done = s.numWarmup() + i + 1;
            if (done % every == 0 || done == total) {
                listener.onMcmc(
                        new ProgressListener.Mcmc(
                                chainIndex, done, total, false, eps, divergences));
            }
        }
        return new ChainResult(draws, stats, eps, metric);
    }

    private static void initialise(
            PhasePoint z, LogDensity f, double radius, double[] init, SplittableRandom rng) {
        int d = z.q.length;
        for (int attempt = 0; attempt < 100; attempt++) {
            for (int i = 0; i < d; i++) {
                z.q[i] = init != null ? init[i] : radius * (2 * rng.nextDouble() - 1);
            }
            z.evaluate(f);
            if (Double.isFinite(z.logDensity) && allFinite(z.grad)) {
                return;
            }
            if (init != null) {
                throw new IllegalArgumentException(
                        "the given initial point has log density "
                                + z.logDensity
                                + " or a non-finite gradient; choose another");
            }
        }
        throw new ArithmeticException(
                "could not find a point with finite log density and gradient after 100 draws from"
                        + " uniform(-"
                        + radius
                        + ", "
                        + radius
                        + ") on the unconstrained space;"
                        + " check the model's support and priors, or give initial values");
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static double[][] identity(int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static Backend denseBackend(LogDensity f) {
        return f.backend()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "a dense metric factorises its mass matrix on the"
                                                + " density's backend, and this density has none;"
                                                + " use a diagonal metric or implement"
                                                + " LogDensity.backend()"));
    }
}
