package dev.credence.inference.sgmcmc;

import static dev.credence.inference.sgmcmc.LinearRegressionFixture.D;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.infer.Draws;
import dev.credence.api.infer.DrawsPosterior;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.Site;
import dev.credence.api.model.SiteKind;
import dev.credence.api.model.Trace;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The model-level pieces: minibatch gradients of a model, the providers, their options. */
class SgmcmcProviderTest {
    static final LinearRegressionFixture F = StationaryMomentsTest.F;

    @Test
    @DisplayName("P1 a model's minibatch gradient is the estimator on the plate's subsample")
    void minibatchGradientOfAModel() {
        Model model = F.model();
        MinibatchPotential p = MinibatchPotential.of(model, RandomKey.of(1));
        assertEquals(D, p.dimension());
        assertEquals(4, p.stepsPerEpoch());
        double[] q = {0.3, -0.7};
        for (int i = 0; i < 5; i++) {
            RandomKey key = RandomKey.of(100 + i);
            // The same seeded run, traced, shows which rows the plate drew.
            Trace t = Handlers.trace(Handlers.seed(model, key));
            int[] rows = null;
            for (Site s : t.sites()) {
                if (s.kind() == SiteKind.PLATE) {
                    rows = s.plates().get(0).indices();
                }
            }
            assertEquals(F.batch, rows.length);
            double[] expected = new double[D];
            F.valueAndGradient(q, expected, rows);
            double[] grad = new double[D];
            p.valueAndGradient(q, grad, key);
            assertArrayEquals(expected, grad, 1e-10, "minibatch " + i);
            // A prior start is the latent value of a seeded run (w has real support).
            assertArrayEquals(t.get("w").value().toDoubleArray(), p.priorPoint(key), 0);
        }
    }

    static Posterior fit(String algorithm, Map<String, String> options) {
        InferenceConfig c = InferenceConfig.of(options, RandomKey.of(5), ProgressListener.NONE);
        return Inferences.discover().create(algorithm, c).fit(F.model());
    }

    @Test
    @DisplayName("P2 sghmc through the registry: draws of the site, statistics, posterior mean")
    void sghmcProvider() {
        Map<String, String> o = new HashMap<>();
        o.put("step-size", "3e-5");
        o.put("friction", "0.1");
        o.put("num-warmup", "500");
        o.put("num-samples", "400");
        o.put("thin", "5");
        o.put("chains", "2");
        o.put("init", "prior");
        DrawsPosterior post = (DrawsPosterior) fit("sghmc", o);
        Draws d = post.draws();
        assertEquals(2, d.chains());
        assertEquals(400, d.drawsPerChain());
        assertEquals(List.of("w"), d.sites());
        assertTrue(d.stats().keySet().containsAll(List.of("lp", "stepsize", "divergent")));
        assertEquals(0, d.divergences());
        // 800 draws about 5 autocorrelation times apart: the mean's standard error is about
        // sd / sqrt(800 / 2) ~ 0.004; allow 0.02 (5 standard errors and the warm-up's residue).
        double[] mean = new double[D];
        for (double[][] chain : d.values()) {
            for (double[] draw : chain) {
                for (int a = 0; a < D; a++) {
                    mean[a] += draw[a] / (d.chains() * d.drawsPerChain());
                }
            }
        }
        assertArrayEquals(F.mean, mean, 0.02);
        Map<String, Tensor> s = post.sample(RandomKey.of(3), 7);
        assertArrayEquals(new int[] {7, D}, s.get("w").shape().dims());
    }

    @Test
    @DisplayName("P3 csgmcmc with cycle-epochs keeps samples-per-cycle draws of each cycle")
    void csgmcmcProvider() {
        Map<String, String> o = new HashMap<>();
        o.put("sampler", "sgld");
        o.put("step-size", "2e-3");
        o.put("cycles", "3");
        o.put("cycle-epochs", "100");
        o.put("samples-per-cycle", "2");
        DrawsPosterior post = (DrawsPosterior) fit("csgmcmc", o);
        assertEquals(6, post.draws().drawsPerChain());
        double[][] steps = post.draws().stats().get("stepsize");
        for (double s : steps[0]) {
            assertTrue(s < 2e-3 * 0.05, "kept draws sit at the end of cycles: step " + s);
        }
    }

    @Test
    @DisplayName("P4 the three providers are registered with their options")
    void registered() {
        Inferences reg = Inferences.discover();
        for (String name : List.of("sgld", "sghmc", "csgmcmc")) {
            var p = reg.find(name).orElseThrow();
            assertTrue(
                    p.options().stream().anyMatch(s -> s.name().equals("step-size")),
                    name + " has a step-size option");
        }
    }

    @Test
    @DisplayName("P5 bad options are refused before sampling, naming the option")
    void badOptions() {
        Inferences reg = Inferences.discover();
        Map<String, String[]> bad =
                Map.of(
                        "sgld", new String[] {"step-size", "-1"},
                        "sghmc", new String[] {"friction", "1.5"},
                        "csgmcmc", new String[] {"exploration", "1"});
        for (var e : bad.entrySet()) {
            InferenceConfig c =
                    InferenceConfig.of(RandomKey.of(1)).with(e.getValue()[0], e.getValue()[1]);
            IllegalArgumentException ex =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> reg.create(e.getKey(), c),
                            e.getKey());
            assertTrue(ex.getMessage().contains(e.getValue()[0]), ex.getMessage());
        }
        InferenceConfig unknown = InferenceConfig.of(RandomKey.of(1)).with("lr", "0.1");
        assertThrows(IllegalArgumentException.class, () -> reg.create("sgld", unknown));
        InferenceConfig tooShort =
                InferenceConfig.of(RandomKey.of(1))
                        .with("cycle-length", "10")
                        .with("samples-per-cycle", "5");
        assertThrows(IllegalArgumentException.class, () -> reg.create("csgmcmc", tooShort));
    }

    @Test
    @DisplayName("P6 a step size that blows up stops the chain with a clear numerical error")
    void divergence() {
        Map<String, String> o = new HashMap<>();
        o.put("step-size", "1");
        o.put("num-warmup", "500");
        o.put("num-samples", "10");
        SgmcmcDivergedException e =
                assertThrows(SgmcmcDivergedException.class, () -> fit("sgld", o));
        assertTrue(e.getMessage().contains("step-size"), e.getMessage());
    }

    @Test
    @DisplayName("P7 a run is reproducible and independent of the number of threads")
    void reproducible() {
        Map<String, String> o = new HashMap<>();
        o.put("num-warmup", "20");
        o.put("num-samples", "10");
        o.put("chains", "3");
        o.put("threads", "1");
        double[][][] one = ((DrawsPosterior) fit("sgld", o)).draws().values();
        o.put("threads", "3");
        double[][][] three = ((DrawsPosterior) fit("sgld", o)).draws().values();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 10; i++) {
                assertArrayEquals(one[c][i], three[c][i]);
            }
        }
    }
}
