package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.dist.LogNormal;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.optim.Adam;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Automatic guides on models whose posterior is known exactly.
 *
 * <p>Tolerances. The runs use ClippedAdam with the rate decaying from 0.05 to 0.05 * 0.005 and 4
 * particles; what is left at the end is optimisation noise. Over seeds 2-4 and 1 or 8 particles,
 * the full-rank guide's mean errors were at most 0.015 and its covariance errors at most 0.02
 * (posterior sds are about 0.47, variances 0.22), so the bounds below are 0.03 for means (about
 * 1/15 of a posterior sd) and 0.03 for covariance entries (about 1/7 of a variance). Point
 * estimates (MAP, Laplace) have exact gradients and get tight bounds.
 */
class GuideRecoveryTest {
    static final Backend B = Backends.discover().select("jvm");
    static final ConjugateModels C = new ConjugateModels(B, 20, 2, 1);

    static SviResult fit(Model model, Model guide, int steps, int particles, long seed) {
        double lrd = Math.pow(0.005, 1.0 / steps);
        Svi svi = new Svi(model, guide, Adam.clipped(0.05, 10, lrd), new TraceElbo(particles));
        return svi.run(RandomKey.of(seed), SviSettings.of(steps), ProgressListener.NONE);
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    static double[] flat(double[][] m) {
        double[] out = new double[m.length * m.length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * m.length, m.length);
        }
        return out;
    }

    static double[] covarianceOf(Tensor scaleTril) {
        return scaleTril.matmul(scaleTril.transpose()).toDoubleArray();
    }

    @Test
    @DisplayName("AutoMultivariateNormal recovers the exact posterior mean and covariance")
    void fullRankRecoversPosterior() {
        Model model = C.model(C.n);
        AutoMultivariateNormal guide = new AutoMultivariateNormal(model, RandomKey.of(1));
        Map<String, Tensor> p = fit(model, guide, 8000, 4, 3).params();
        double meanErr = maxAbsDiff(p.get("auto.loc").toDoubleArray(), C.posteriorMean());
        double covErr =
                maxAbsDiff(covarianceOf(p.get("auto.scale_tril")), flat(C.posteriorCovariance()));
        System.out.printf(
                "AutoMultivariateNormal: max |mean error| %.4f, max |cov error| %.4f%n",
                meanErr, covErr);
        assertTrue(meanErr < 0.03, "mean error " + meanErr);
        assertTrue(covErr < 0.03, "covariance error " + covErr);
    }

    @Test
    @DisplayName("AutoNormal recovers the exact means and the mean-field variances 1/P_ii")
    void meanFieldRecoversMeans() {
        Model model = C.model(C.n);
        AutoNormal guide = new AutoNormal(model, RandomKey.of(1));
        Map<String, Tensor> p = fit(model, guide, 8000, 4, 3).params();
        double meanErr = maxAbsDiff(p.get("auto.w.loc").toDoubleArray(), C.posteriorMean());
        double[][] prec = C.posteriorPrecision();
        double[] sd = p.get("auto.w.scale").toDoubleArray();
        double varErr =
                Math.max(
                        Math.abs(sd[0] * sd[0] - 1 / prec[0][0]),
                        Math.abs(sd[1] * sd[1] - 1 / prec[1][1]));
        System.out.printf(
                "AutoNormal: max |mean error| %.4f, max |variance error| %.4f%n", meanErr, varErr);
        assertTrue(meanErr < 0.03, "mean error " + meanErr);
        assertTrue(varErr < 0.03, "variance error " + varErr);
    }

    @Test
    @DisplayName("AutoDiagonalNormal and AutoLowRankMultivariateNormal fit the same model")
    void flatGuidesFit() {
        Model model = C.model(C.n);
        var diag = new AutoDiagonalNormal(model, RandomKey.of(1));
        Map<String, Tensor> p = fit(model, diag, 4000, 2, 4).params();
        double meanErr = maxAbsDiff(p.get("auto.loc").toDoubleArray(), C.posteriorMean());
        assertTrue(meanErr < 0.05, "AutoDiagonalNormal mean error " + meanErr);

        var lowRank = new AutoLowRankMultivariateNormal(model, RandomKey.of(1), "auto", 0.1, 1);
        Map<String, Tensor> q = fit(model, lowRank, 8000, 4, 4).params();
        Tensor w = q.get("auto.cov_factor");
        Tensor d = q.get("auto.scale").square();
        Tensor cov = new LowRankMultivariateNormal(q.get("auto.loc"), w, d).covariance();
        double covErr = maxAbsDiff(cov.toDoubleArray(), flat(C.posteriorCovariance()));
        double lrMeanErr = maxAbsDiff(q.get("auto.loc").toDoubleArray(), C.posteriorMean());
        System.out.printf(
                "AutoLowRankMultivariateNormal (rank 1): max |mean error| %.4f, max |cov error|"
                        + " %.4f; AutoDiagonalNormal: max |mean error| %.4f%n",
                lrMeanErr, covErr, meanErr);
        assertTrue(lrMeanErr < 0.03, "low-rank mean error " + lrMeanErr);
        assertTrue(covErr < 0.04, "low-rank covariance error " + covErr);
    }

    @Test
    @DisplayName("AutoDelta finds the MAP; AutoLaplace's Hessian gives the exact covariance")
    void mapAndLaplace() {
        Model model = C.model(C.n);
        var delta = new AutoDelta(model, RandomKey.of(1));
        Map<String, Tensor> p = fit(model, delta, 3000, 1, 5).params();
        double mapErr = maxAbsDiff(p.get("auto.w").toDoubleArray(), C.posteriorMean());
        assertTrue(mapErr < 1e-3, "MAP error " + mapErr);

        var laplace = new AutoLaplace(model, RandomKey.of(1));
        Svi svi =
                new Svi(
                        model,
                        laplace,
                        Adam.clipped(0.05, 10, Math.pow(0.005, 1 / 3000.0)),
                        new TraceElbo(1));
        SviResult r = svi.run(RandomKey.of(5), SviSettings.of(3000), ProgressListener.NONE);
        Map<String, Tensor> lp = laplace.laplaceParams(r.params());
        double locErr = maxAbsDiff(lp.get("auto.loc").toDoubleArray(), C.posteriorMean());
        double covErr =
                maxAbsDiff(covarianceOf(lp.get("auto.scale_tril")), flat(C.posteriorCovariance()));
        System.out.printf(
                "AutoDelta: max |MAP error| %.2e; AutoLaplace: max |mean error| %.2e, max |cov"
                        + " error| %.2e%n",
                mapErr, locErr, covErr);
        assertTrue(locErr < 1e-3, "Laplace mean error " + locErr);
        assertTrue(covErr < 1e-9, "Laplace covariance error " + covErr);

        Posterior post = svi.posterior(r.state(), RandomKey.of(6));
        Tensor w = post.sample(RandomKey.of(7), 4000).get("w");
        assertEquals(4000, w.dim(0));
        assertEquals(2, w.dim(1));
        double[] mean = w.mean(false, 0).toDoubleArray();
        assertTrue(maxAbsDiff(mean, C.posteriorMean()) < 0.04, "Laplace draws' mean");
    }

    @Test
    @DisplayName("a positive site: AutoNormal through exp recovers a log-normal posterior")
    void constrainedSite() {
        double[] y = {1.8, 0.9, 2.7, 1.3, 2.2, 1.1, 3.0, 1.6};
        double s0 = 1;
        double s = 0.5;
        Tensor data = Tensor.of(B, y, y.length);
        Model model =
                ctx -> {
                    Tensor x =
                            ctx.sample("x", new LogNormal(data.scalarLike(0), data.scalarLike(s0)));
                    try (Plate p = ctx.plate("data", y.length)) {
                        ctx.observe("y", new LogNormal(x.log(), data.scalarLike(s)), data);
                    }
                };
        double prec = 1 / (s0 * s0) + y.length / (s * s);
        double sumLog = 0;
        for (double v : y) {
            sumLog += Math.log(v);
        }
        double postMean = sumLog / (s * s) / prec;
        double postSd = Math.sqrt(1 / prec);
        var guide = new AutoNormal(model, RandomKey.of(1));
        Map<String, Tensor> p = fit(model, guide, 6000, 4, 8).params();
        double m = p.get("auto.x.loc").item();
        double sd = p.get("auto.x.scale").item();
        System.out.printf(
                "log-normal posterior: |mean error| %.4f (sd %.3f), |sd error| %.4f%n",
                Math.abs(m - postMean), postSd, Math.abs(sd - postSd));
        assertEquals(postMean, m, 0.02);
        assertEquals(postSd, sd, 0.02);
    }
}
