package dev.credence.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.ScalarMath;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.infer.Sbc;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.model.Potential;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari and Gelman 2018): draw
 * parameters from the prior, data from the likelihood, run the sampler on that data, and record the
 * rank of the true parameter among thinned posterior draws. A correct sampler makes ranks uniform;
 * a chi-squared test over 10 bins must give p > 0.001. A deliberately wrong sampler (the posterior
 * tempered by 0.5) must fail the same test.
 */
class SbcTest {
    private static final int REPLICATIONS = 200;
    private static final int DRAWS = 99;
    private static final int THIN = 3;
    private final Backend b = Backends.discover().select("jvm");

    /** A model family: a prior draw to simulate from, and the model conditioned on data. */
    private interface Family {
        Map<String, double[]> prior(RandomKey key);

        double[] simulate(Map<String, double[]> truth, RandomKey key);

        Model model(double[] data);

        List<String> ranked();
    }

    /** y_i ~ N(mu, sigma), i = 1..10; mu ~ N(0, 1), sigma ~ HalfNormal(1). */
    private final Family normal =
            new Family() {
                public Map<String, double[]> prior(RandomKey key) {
                    double[] z = key.normalDoubles(2);
                    return Map.of(
                            "mu", new double[] {z[0]}, "sigma", new double[] {Math.abs(z[1])});
                }

                public double[] simulate(Map<String, double[]> t, RandomKey key) {
                    double[] e = key.normalDoubles(10);
                    double[] y = new double[10];
                    for (int i = 0; i < 10; i++) {
                        y[i] = t.get("mu")[0] + t.get("sigma")[0] * e[i];
                    }
                    return y;
                }

                public Model model(double[] y) {
                    Tensor data = Tensor.of(b, y, y.length);
                    return ctx -> {
                        Tensor mu = ctx.sample("mu", Normal.of(b, 0, 1));
                        Tensor sigma = ctx.sample("sigma", HalfNormal.of(b, 1));
                        try (Plate p = ctx.plate("data", y.length)) {
                            ctx.observe("y", new Normal(mu, sigma), data);
                        }
                    };
                }

                public List<String> ranked() {
                    return List.of("mu", "sigma");
                }
            };

    /**
     * A small hierarchical model, non-centred: mu ~ N(0, 1), tau ~ HalfNormal(1), eta_j ~ N(0, 1),
     * y_j ~ N(mu + tau eta_j, 1) for 4 groups.
     */
    private final Family hierarchical =
            new Family() {
                public Map<String, double[]> prior(RandomKey key) {
                    double[] z = key.normalDoubles(6);
                    return Map.of(
                            "mu", new double[] {z[0]},
                            "tau", new double[] {Math.abs(z[1])},
                            "eta", new double[] {z[2], z[3], z[4], z[5]});
                }

                public double[] simulate(Map<String, double[]> t, RandomKey key) {
                    double[] e = key.normalDoubles(4);
                    double[] y = new double[4];
                    for (int j = 0; j < 4; j++) {
                        y[j] = t.get("mu")[0] + t.get("tau")[0] * t.get("eta")[j] + e[j];
                    }
                    return y;
                }

                public Model model(double[] y) {
                    Tensor data = Tensor.of(b, y, y.length);
                    return ctx -> {
                        Tensor mu = ctx.sample("mu", Normal.of(b, 0, 1));
                        Tensor tau = ctx.sample("tau", HalfNormal.of(b, 1));
                        Tensor eta =
                                ctx.sample("eta", new Independent(Normal.of(b, 0, 1).expand(4), 1));
                        ctx.observe(
                                "y",
                                new Independent(
                                        new Normal(mu.add(tau.mul(eta)), mu.scalarLike(1))
                                                .expand(4),
                                        1),
                                data);
                    };
                }

                public List<String> ranked() {
                    return List.of("mu", "tau", "eta");
                }
            };

    /** Runs SBC and returns the p-value of each ranked site's first coordinate. */
    private Map<String, Double> sbc(Family family, long seed, UnaryOperator<LogDensity> sampler) {
        SamplerSettings s =
                SamplerSettings.defaults().withIterations(1, 200, DRAWS * THIN).withThreads(1);
        Map<String, int[]> histograms = new LinkedHashMap<>();
        for (String n : family.ranked()) {
            histograms.put(n, new int[10]);
        }
        RandomKey root = RandomKey.of(seed);
        for (int r = 0; r < REPLICATIONS; r++) {
            RandomKey[] k = root.fold(r).split(3);
            Map<String, double[]> truth = family.prior(k[0]);
            Model m = family.model(family.simulate(truth, k[1]));
            Potential pot = Potential.of(m, k[2]);
            Map<String, Tensor> truthTensors = new LinkedHashMap<>();
            for (var site : pot.sites()) {
                double[] v = truth.get(site.name());
                truthTensors.put(
                        site.name(),
                        Tensor.of(
                                        b,
                                        v,
                                        site.shape().dims().length == 0
                                                ? new int[] {1}
                                                : site.shape().dims())
                                .reshape(site.shape().dims()));
            }
            double[] trueU = pot.unconstrain(truthTensors).toDoubleArray();
            ChainResult chain =
                    Sampler.sample(
                                    sampler.apply(new PotentialDensity(pot)),
                                    s,
                                    k[2],
                                    ProgressListener.NONE)
                            .get(0);
            for (String name : family.ranked()) {
                int j =
                        pot.sites().stream()
                                .filter(x -> x.name().equals(name))
                                .findFirst()
                                .orElseThrow()
                                .offset();
                // Ranks in the unconstrained space equal ranks in the constrained one: the
                // bijections
                // of real and positive supports are increasing.
                int rank = 0;
                for (int i = THIN - 1; i < chain.draws().length; i += THIN) {
                    if (chain.draws()[i][j] < trueU[j]) {
                        rank++;
                    }
                }
                histograms.get(name)[Math.min(9, rank / 10)]++;
            }
        }
        Map<String, Double> p = new LinkedHashMap<>();
        histograms.forEach((k, v) -> p.put(k, Sbc.chiSquarePValue(v)));
        return p;
    }

    @Test
    @DisplayName("the chi-squared p-value matches a known value")
    void chiSquare() {
        // scipy.stats.chi2.sf(20, 9) and chi2.sf(4, 3)
        assertEquals(0.017912404529843298, ScalarMath.gammaQ(4.5, 10), 1e-12);
        assertEquals(0.26146412994911117, ScalarMath.gammaQ(1.5, 2), 1e-12);
    }

    @Test
    @DisplayName("SBC: normal model with unknown mean and scale is calibrated")
    void normalModel() {
        Map<String, Double> p = sbc(normal, 101, f -> f);
        p.forEach((k, v) -> assertTrue(v > 0.001, "SBC rank p-value for " + k + " is " + v));
    }

    @Test
    @DisplayName("SBC: a small hierarchical model is calibrated")
    void hierarchicalModel() {
        Map<String, Double> p = sbc(hierarchical, 202, f -> f);
        p.forEach((k, v) -> assertTrue(v > 0.001, "SBC rank p-value for " + k + " is " + v));
    }

    @Test
    @DisplayName("SBC negative control: a sampler of the tempered posterior fails")
    void negativeControl() {
        UnaryOperator<LogDensity> tempered =
                f ->
                        new LogDensity() {
                            public int dimension() {
                                return f.dimension();
                            }

                            public double logDensity(double[] q, double[] grad) {
                                double v = f.logDensity(q, grad);
                                for (int i = 0; i < grad.length; i++) {
                                    grad[i] *= 0.5;
                                }
                                return 0.5 * v;
                            }
                        };
        Map<String, Double> p = sbc(normal, 101, tempered);
        double min = p.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertTrue(min < 0.001, "the wrong sampler should fail SBC, p-values " + p);
    }
}
