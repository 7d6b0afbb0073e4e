package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.Normal;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.optim.Adam;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A flow guide fits posteriors that Gaussian guides cannot: a banana and a funnel, both normalised
 * densities written as models without data, so that {@code -ELBO = KL(q || p)} exactly and the fits
 * can be scored by their KL divergence (estimated from {@value #KL_DRAWS} draws of {@code log q -
 * log p}) and by moments the mean-field family gets wrong by construction.
 *
 * <ul>
 *   <li>Banana: {@code x1 ~ N(0, 1)}, {@code x2 ~ N(x1^2 - 1, 0.5)}. The regression slope of {@code
 *       x2} on {@code x1^2}, {@code Cov(x1^2, x2) / Var(x1^2)}, is 1 under the posterior whatever
 *       the spread of {@code x1}, and 0 under any factorised {@code q}.
 *   <li>Funnel (Neal 2003, milder): {@code v ~ N(0, 1)}, {@code x ~ N(0, exp(v / 2))}. Since {@code
 *       log|x| = v / 2 + log|z|}, the slope of {@code log|x|} on {@code v} is 1/2 under the
 *       posterior, and again 0 under a factorised {@code q}.
 * </ul>
 *
 * Both guides get the same optimiser (ClippedAdam, rate 0.01 decaying to 0.001), steps, particles
 * and initial scale (1, the prior's). The bounds leave room for optimisation noise around the
 * figures the test prints.
 */
class FlowGuideTest {
    static final Backend B = GuideRecoveryTest.B;
    static final int STEPS = 4000;
    static final int KL_DRAWS = 2000;

    static final Model BANANA =
            ctx -> {
                Tensor x1 = ctx.sample("x1", Normal.of(B, 0, 1));
                ctx.sample("x2", new Normal(x1.square().sub(1), x1.onesLike().mul(0.5)));
            };

    static final Model FUNNEL =
            ctx -> {
                Tensor v = ctx.sample("v", Normal.of(B, 0, 1));
                ctx.sample("x", new Normal(v.zerosLike(), v.div(2).exp()));
            };

    record Fit(double kl, double klSe, Map<String, Tensor> draws) {}

    static Fit fit(Model model, AutoContinuous guide) {
        double lrd = Math.pow(0.1, 1.0 / STEPS);
        Svi svi = new Svi(model, guide, Adam.clipped(0.01, 10, lrd), new TraceElbo(4));
        SviResult r = svi.run(RandomKey.of(2), SviSettings.of(STEPS), ProgressListener.NONE);
        Model bound = ParamSpace.bind(guide, r.params());
        double[] gap = new double[KL_DRAWS];
        for (int i = 0; i < KL_DRAWS; i++) {
            ElboTraces t = ElboTraces.run(model, bound, RandomKey.of(3).fold(i));
            gap[i] = t.logGuide().sub(t.logPrior()).item();
        }
        ElboTest.Stats s = ElboTest.Stats.of(gap);
        Posterior post = svi.posterior(r.state(), RandomKey.of(4));
        return new Fit(s.mean(), s.se(), post.sample(RandomKey.of(5), KL_DRAWS));
    }

    /** The default flow guide, started at the prior's scale like the mean-field guide. */
    static AutoIAFNormal iaf(Model model) {
        return new AutoIAFNormal(
                model, RandomKey.of(1), "auto", 1, AutoIAFNormal.DEFAULT_FLOWS, new int[0]);
    }

    /** The standard error of the least-squares slope of b on a. */
    static double slopeSe(double[] a, double[] b) {
        double va = cov(a, a);
        double r2 = cov(a, b) * cov(a, b) / (va * cov(b, b));
        return Math.sqrt(cov(b, b) * (1 - r2) / (va * (a.length - 2)));
    }

    static double cov(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double c = 0;
        for (int i = 0; i < a.length; i++) {
            c += (a[i] - ma) * (b[i] - mb) / (a.length - 1);
        }
        return c;
    }

    @Test
    @DisplayName("F1 banana: the IAF guide fits the curved posterior that mean-field cannot")
    void banana() {
        Fit mf = fit(BANANA, new AutoDiagonalNormal(BANANA, RandomKey.of(1), "auto", 1));
        Fit iaf = fit(BANANA, iaf(BANANA));
        double[] slope = new double[2];
        double[] se = new double[2];
        Fit[] fits = {mf, iaf};
        for (int g = 0; g < 2; g++) {
            double[] x1 = fits[g].draws().get("x1").toDoubleArray();
            double[] x2 = fits[g].draws().get("x2").toDoubleArray();
            double[] sq = new double[x1.length];
            for (int i = 0; i < x1.length; i++) {
                sq[i] = x1[i] * x1[i];
            }
            slope[g] = cov(sq, x2) / cov(sq, sq);
            se[g] = slopeSe(sq, x2);
        }
        System.out.printf(
                "banana: KL(q||p) mean-field %.4f +- %.4f, IAF %.4f +- %.4f; slope of x2 on x1^2"
                        + " exact 1, mean-field %.3f, IAF %.3f%n",
                mf.kl(), mf.klSe(), iaf.kl(), iaf.klSe(), slope[0], slope[1]);
        assertTrue(mf.kl() > 0.3, "mean-field should be far from a banana: KL " + mf.kl());
        assertTrue(iaf.kl() < mf.kl() / 3, "IAF KL " + iaf.kl() + " vs mean-field " + mf.kl());
        assertEquals(0, slope[0], 4 * se[0], "mean-field cannot bend");
        assertEquals(1, slope[1], 0.3, "the IAF guide bends with the banana");
    }

    @Test
    @DisplayName("F2 funnel: the IAF guide widens x with v, which mean-field cannot")
    void funnel() {
        Fit mf = fit(FUNNEL, new AutoDiagonalNormal(FUNNEL, RandomKey.of(1), "auto", 1));
        Fit iaf = fit(FUNNEL, iaf(FUNNEL));
        double[] link = new double[2];
        double[] se = new double[2];
        Fit[] fits = {mf, iaf};
        for (int g = 0; g < 2; g++) {
            double[] v = fits[g].draws().get("v").toDoubleArray();
            double[] x = fits[g].draws().get("x").toDoubleArray();
            double[] logAbs = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                logAbs[i] = Math.log(Math.abs(x[i]));
            }
            link[g] = cov(v, logAbs) / cov(v, v);
            se[g] = slopeSe(v, logAbs);
        }
        System.out.printf(
                "funnel: KL(q||p) mean-field %.4f +- %.4f, IAF %.4f +- %.4f; slope of log|x| on v"
                        + " exact 0.5, mean-field %.3f, IAF %.3f%n",
                mf.kl(), mf.klSe(), iaf.kl(), iaf.klSe(), link[0], link[1]);
        assertTrue(mf.kl() > 0.1, "mean-field should be far from a funnel: KL " + mf.kl());
        assertTrue(iaf.kl() < mf.kl() / 3, "IAF KL " + iaf.kl() + " vs mean-field " + mf.kl());
        assertEquals(0, link[0], 4 * se[0], "mean-field cannot widen");
        assertEquals(0.5, link[1], 0.15, "the IAF guide widens x with v");
    }
}
