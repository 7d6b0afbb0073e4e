package dev.credence.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.DrawsPosterior;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.diagnostics.Convergence;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.model.examples.EightSchools;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** NUTS on models written with the model API: known posteriors and eight schools. */
class ModelSamplingTest {
    private final Backend b = Backends.discover().select("jvm");

    private Posterior nuts(Model m, long seed, Map<String, String> options) {
        return Inferences.discover()
                .create("nuts", InferenceConfig.of(options, RandomKey.of(seed), null))
                .fit(m);
    }

    @Test
    @DisplayName("conjugate normal-normal: mean and sd within 4 MCSE of the exact posterior")
    void conjugateNormal() {
        double[] y = {1.2, 0.4, 2.5, 1.9, 0.8, 1.5};
        double prior = 10;
        double noise = 2;
        Tensor data = Tensor.of(b, y, y.length);
        Model m =
                ctx -> {
                    Tensor mu = ctx.sample("mu", Normal.of(b, 0, prior));
                    try (Plate p = ctx.plate("data", y.length)) {
                        ctx.observe("y", new Normal(mu, mu.scalarLike(noise)), data);
                    }
                };
        double precision = 1 / (prior * prior) + y.length / (noise * noise);
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        double postMean = sum / (noise * noise) / precision;
        double postSd = Math.sqrt(1 / precision);
        Draws d = ((DrawsPosterior) nuts(m, 11, Map.of())).draws();
        double[][] mu = d.parameter("mu");
        ParameterSummary s = ParameterSummary.of("mu", mu);
        assertEquals(postMean, s.mean(), 4 * s.mcseMean(), "posterior mean");
        double sdErr = postSd / Math.sqrt(2 * s.essBulk());
        assertEquals(postSd, s.sd(), 4 * sdErr, "posterior sd");
    }

    @Test
    @DisplayName("Bayesian linear regression with a conjugate prior: exact posterior moments")
    void linearRegression() {
        // y = X w + noise, w ~ N(0, tau^2 I), known noise sd: posterior N(S X^T y / s^2, S)
        // with S = (X^T X / s^2 + I / tau^2)^-1.
        int n = 30;
        RandomKey k = RandomKey.of(12);
        double[] x1 = k.fold(1).normalDoubles(n);
        double[] noiseDraws = k.fold(2).normalDoubles(n);
        double[] xs = new double[2 * n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[2 * i] = 1;
            xs[2 * i + 1] = x1[i];
            ys[i] = 0.7 - 1.3 * x1[i] + 0.5 * noiseDraws[i];
        }
        double s2 = 0.25;
        double tau2 = 4;
        Tensor x = Tensor.of(b, xs, n, 2);
        Tensor yT = Tensor.of(b, ys, n);
        Model m =
                ctx -> {
                    Tensor w = ctx.sample("w", new Independent(Normal.of(b, 0, 2).expand(2), 1));
                    try (Plate p = ctx.plate("data", n)) {
                        ctx.observe("y", new Normal(x.matmul(w), w.scalarLike(0.5)), yT);
                    }
                };
        double a = 0, bb = 0, c = 0, r0 = 0, r1 = 0;
        for (int i = 0; i < n; i++) {
            a += xs[2 * i] * xs[2 * i] / s2;
            bb += xs[2 * i] * xs[2 * i + 1] / s2;
            c += xs[2 * i + 1] * xs[2 * i + 1] / s2;
            r0 += xs[2 * i] * ys[i] / s2;
            r1 += xs[2 * i + 1] * ys[i] / s2;
        }
        a += 1 / tau2;
        c += 1 / tau2;
        double det = a * c - bb * bb;
        double[][] cov = {{c / det, -bb / det}, {-bb / det, a / det}};
        double[] mean = {cov[0][0] * r0 + cov[0][1] * r1, cov[1][0] * r0 + cov[1][1] * r1};
        Draws d = ((DrawsPosterior) nuts(m, 13, Map.of())).draws();
        for (int j = 0; j < 2; j++) {
            ParameterSummary s = ParameterSummary.of("w", d.parameter("w[" + (j + 1) + "]"));
            assertEquals(mean[j], s.mean(), 4 * s.mcseMean(), "w[" + j + "] mean");
            double sd = Math.sqrt(cov[j][j]);
            assertEquals(sd, s.sd(), 4 * sd / Math.sqrt(2 * s.essBulk()), "w[" + j + "] sd");
        }
    }

    @Test
    @DisplayName("eight schools, non-centred at adapt_delta 0.9: R-hat < 1.01, no divergences")
    void eightSchoolsNonCentred() {
        Posterior post = nuts(EightSchools.nonCentered(b), 14, Map.of("adapt-delta", "0.9"));
        Draws d = ((DrawsPosterior) post).draws();
        assertEquals(0, d.divergences(), "divergences");
        for (ParameterSummary s : post.summary()) {
            assertTrue(s.rhat() < 1.01, s.name() + " R-hat " + s.rhat());
        }
        for (double e : d.ebfmi()) {
            assertTrue(e > 0.3, "E-BFMI " + e);
        }
        ParameterSummary mu =
                post.summary().stream()
                        .filter(s -> s.name().equals("mu"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(4.4, mu.mean(), 0.5, "mu posterior mean (Stan reports about 4.4)");
    }

    @Test
    @DisplayName("eight schools, centred: the sampler reports divergences")
    void eightSchoolsCentred() {
        Posterior post = nuts(EightSchools.centered(b), 15, Map.of());
        assertTrue(((DrawsPosterior) post).draws().divergences() > 0, "expected divergences");
    }

    @Test
    @DisplayName("posterior predictive draws have the model's shapes")
    void predictive() {
        Posterior post =
                nuts(
                        EightSchools.nonCentered(b),
                        16,
                        Map.of("chains", "1", "num-warmup", "200", "num-samples", "100"));
        Map<String, Tensor> sample = post.sample(RandomKey.of(1), 50);
        assertEquals(50, sample.get("mu").dim(0));
        Map<String, Tensor> pred =
                post.predictive(EightSchools.nonCentered(b), RandomKey.of(2), 20);
        assertEquals(20, pred.get("mu").dim(0));
        assertTrue(pred.containsKey("obs"), "observed site present: " + pred.keySet());
        assertEquals(DType.FLOAT64, pred.get("mu").dtype());
        double[] rhats = post.summary().stream().mapToDouble(ParameterSummary::rhat).toArray();
        assertTrue(rhats.length > 0);
        assertTrue(Convergence.essBulk(((DrawsPosterior) post).draws().parameter("mu")) > 10);
    }
}
