package dev.credence.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.infer.ProgressListener;
import dev.credence.api.infer.diagnostics.Convergence;
import dev.credence.api.random.RandomKey;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * NUTS and static HMC on densities with known moments: means within 4 Monte Carlo standard errors,
 * standard deviations within 4 of their own standard errors, R-hat below 1.01.
 */
class SamplerTest {

    static double[][] coordinate(List<ChainResult> chains, int j) {
        double[][] out = new double[chains.size()][];
        for (int c = 0; c < chains.size(); c++) {
            double[][] d = chains.get(c).draws();
            out[c] = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                out[c][i] = d[i][j];
            }
        }
        return out;
    }

    static void checkMoments(List<ChainResult> chains, double[] mean, double[] sd, String what) {
        for (int j = 0; j < mean.length; j++) {
            double[][] x = coordinate(chains, j);
            double[] all = flat(x);
            double m = avg(all);
            double mcse = Convergence.mcseMean(x);
            assertEquals(mean[j], m, 4 * mcse, what + " mean of coordinate " + j);
            double s = Math.sqrt(variance(all));
            // The sd of a normal sd estimate is about sd / sqrt(2 ESS).
            double sdErr = sd[j] / Math.sqrt(2 * Convergence.essBulk(x));
            assertEquals(sd[j], s, 4 * sdErr + 0.01 * sd[j], what + " sd of coordinate " + j);
            assertTrue(Convergence.rhat(x) < 1.01, what + " R-hat " + Convergence.rhat(x));
        }
    }

    static double[] flat(double[][] x) {
        return java.util.Arrays.stream(x).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static double avg(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    static double variance(double[] v) {
        double m = avg(v);
        return java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
    }

    @Test
    @DisplayName("NUTS: independent normals of very different scales (diagonal metric adapts)")
    void nutsScales() {
        double[] mean = {0, 3, -1, 10, 0.5};
        double[] sd = {1, 0.01, 5, 100, 0.3};
        var chains =
                Sampler.sample(
                        Densities.normal(mean, sd),
                        SamplerSettings.defaults(),
                        RandomKey.of(1),
                        ProgressListener.NONE);
        checkMoments(chains, mean, sd, "NUTS scales");
        for (ChainResult c : chains) {
            double[] inv = ((Metric.Diagonal) c.metric()).inverseMassDiagonal();
            assertEquals(1e4, inv[3], 0.4e4, "adapted inverse mass tracks the variance");
        }
    }

    @Test
    @DisplayName("NUTS with a dense metric on a 0.95-correlated normal")
    void nutsDense() {
        var s = SamplerSettings.defaults().withDenseMetric(true);
        var chains =
                Sampler.sample(
                        Densities.correlated(0.95), s, RandomKey.of(2), ProgressListener.NONE);
        checkMoments(chains, new double[] {0, 0}, new double[] {1, 1}, "NUTS dense");
        double[] a = flat(coordinate(chains, 0));
        double[] b = flat(coordinate(chains, 1));
        double cov = 0;
        for (int i = 0; i < a.length; i++) {
            cov += a[i] * b[i] / a.length;
        }
        // The estimate spreads widely from run to run (0.91 to 0.98 over keys 2, 3, 4 and 7,
        // measured); MetricTest checks the dense momenta themselves exactly.
        assertEquals(0.95, cov, 0.08);
    }

    @Test
    @DisplayName("static HMC recovers the same moments")
    void staticHmc() {
        double[] mean = {1, -2};
        double[] sd = {2, 0.5};
        var s = SamplerSettings.defaults().withAlgorithm(SamplerSettings.Algorithm.HMC);
        var chains =
                Sampler.sample(
                        Densities.normal(mean, sd), s, RandomKey.of(3), ProgressListener.NONE);
        checkMoments(chains, mean, sd, "static HMC");
    }

    @Test
    @DisplayName("the step size adapts to the target acceptance")
    void acceptance() {
        var s = SamplerSettings.defaults().withIterations(2, 1000, 1000).withTargetAccept(0.9);
        var chains =
                Sampler.sample(
                        Densities.normal(new double[5], new double[] {1, 2, 3, 4, 5}),
                        s,
                        RandomKey.of(4),
                        ProgressListener.NONE);
        for (ChainResult c : chains) {
            double mean =
                    java.util.Arrays.stream(c.stats())
                            .mapToDouble(TransitionStats::acceptStat)
                            .average()
                            .orElseThrow();
            assertEquals(0.9, mean, 0.05, "mean acceptance after warm-up");
        }
    }

    @Test
    @DisplayName("Neal's funnel: divergences are detected and reported, not thrown")
    void funnel() {
        var s = SamplerSettings.defaults().withIterations(2, 500, 500);
        var chains =
                Sampler.sample(Densities.funnel(10), s, RandomKey.of(5), ProgressListener.NONE);
        long divergent =
                chains.stream()
                        .flatMap(c -> java.util.Arrays.stream(c.stats()))
                        .filter(TransitionStats::divergent)
                        .count();
        assertTrue(divergent > 0, "expected divergences in the funnel, found none");
    }

    @Test
    @DisplayName("results do not depend on the number of threads")
    void threadIndependent() {
        var f = Densities.correlated(0.5);
        var s = SamplerSettings.defaults().withIterations(3, 200, 100);
        var one = Sampler.sample(f, s.withThreads(1), RandomKey.of(6), ProgressListener.NONE);
        var three = Sampler.sample(f, s.withThreads(3), RandomKey.of(6), ProgressListener.NONE);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 100; i++) {
                assertArrayEquals(one.get(c).draws()[i], three.get(c).draws()[i], 0);
            }
        }
    }

    @Test
    @DisplayName("progress arrives per chain, ending at the total")
    void progress() {
        var last = new java.util.concurrent.ConcurrentHashMap<Integer, Integer>();
        ProgressListener l =
                new ProgressListener() {
                    @Override
                    public void onMcmc(Mcmc p) {
                        last.merge(p.chain(), p.iteration(), Math::max);
                    }
                };
        Sampler.sample(
                Densities.normal(new double[2], new double[] {1, 1}),
                SamplerSettings.defaults().withIterations(2, 100, 100),
                RandomKey.of(7),
                l);
        assertEquals(java.util.Map.of(0, 200, 1, 200), last);
    }
}
