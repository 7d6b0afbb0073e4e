package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Bernoulli;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The ELBO estimators against closed forms. Expectations are checked by averaging many independent
 * estimates and allowing 4 standard errors (a false alarm about once in 16,000 runs per check).
 */
class ElboTest {
    static final Backend B = GuideRecoveryTest.B;
    static final ConjugateModels C = GuideRecoveryTest.C;
    static final double[] MU = {1.0, -0.3};
    static final double[] S = {0.6, 0.5};

    /** A mean-field guide for the regression model at fixed, deliberately imperfect values. */
    static Model fixedGuide(Model model) {
        AutoNormal g = new AutoNormal(model, RandomKey.of(1));
        Map<String, Tensor> v = new LinkedHashMap<>();
        v.put("auto.w.loc", Tensor.of(B, MU, 2));
        v.put("auto.w.scale", Tensor.of(B, S, 2));
        return ParamSpace.bind(g, v);
    }

    /** The exact KL(q || prior) of the fixed guide. */
    static double exactKl() {
        double kl = 0;
        for (int d = 0; d < 2; d++) {
            kl +=
                    Math.log(C.tau / S[d])
                            + (S[d] * S[d] + MU[d] * MU[d]) / (2 * C.tau * C.tau)
                            - 0.5;
        }
        return kl;
    }

    /** The exact expected log-likelihood under the fixed guide. */
    static double exactLogLikelihood() {
        double ll = 0;
        double v = C.sigma * C.sigma;
        for (int i = 0; i < C.n; i++) {
            double m = C.x[i][0] * MU[0] + C.x[i][1] * MU[1];
            double spread =
                    C.x[i][0] * C.x[i][0] * S[0] * S[0] + C.x[i][1] * C.x[i][1] * S[1] * S[1];
            double r = C.y[i] - m;
            ll += -0.5 * Math.log(2 * Math.PI * v) - (r * r + spread) / (2 * v);
        }
        return ll;
    }

    /** Mean and standard error of repeated estimates. */
    record Stats(double mean, double se) {
        static Stats of(double[] v) {
            double m = 0;
            for (double x : v) {
                m += x;
            }
            m /= v.length;
            double ss = 0;
            for (double x : v) {
                ss += (x - m) * (x - m);
            }
            return new Stats(m, Math.sqrt(ss / (v.length - 1) / v.length));
        }
    }

    static Stats repeat(Elbo elbo, Model model, Model guide, int m, long seed) {
        double[] v = new double[m];
        RandomKey key = RandomKey.of(seed);
        for (int i = 0; i < m; i++) {
            v[i] = elbo.estimate(model, guide, key.fold(i)).value();
        }
        return Stats.of(v);
    }

    @Test
    @DisplayName("TraceElbo and TraceMeanFieldElbo agree with the closed-form ELBO in expectation")
    void traceAndMeanFieldAgree() {
        Model model = C.model(C.n);
        Model guide = fixedGuide(model);
        double exact = exactLogLikelihood() - exactKl();
        Stats trace = repeat(new TraceElbo(), model, guide, 3000, 11);
        Stats mf = repeat(new TraceMeanFieldElbo(1), model, guide, 3000, 12);
        System.out.printf(
                "exact ELBO %.4f; TraceElbo %.4f +- %.4f; TraceMeanFieldElbo %.4f +- %.4f (means of"
                        + " 3000, standard errors)%n",
                exact, trace.mean(), trace.se(), mf.mean(), mf.se());
        assertEquals(exact, trace.mean(), 4 * trace.se());
        assertEquals(exact, mf.mean(), 4 * mf.se());
        assertEquals(trace.mean(), mf.mean(), 4 * Math.hypot(trace.se(), mf.se()), "the two agree");
    }

    @Test
    @DisplayName("TraceMeanFieldElbo takes the KL of normal sites in closed form")
    void meanFieldKlIsAnalytic() {
        Model model = C.model(C.n);
        Model guide = fixedGuide(model);
        for (int i = 0; i < 3; i++) {
            ElboEstimate e = new TraceMeanFieldElbo(1).estimate(model, guide, RandomKey.of(i));
            assertEquals(exactKl(), e.kl().item(), 1e-12);
            assertEquals(e.value(), e.logLikelihood().item() - e.kl().item(), 1e-9);
        }
    }

    @Test
    @DisplayName("a subsampled ELBO (B = 5 of N = 20) is unbiased for the full one")
    void minibatchScaling() {
        Model guide = fixedGuide(C.model(C.n));
        Model batched = C.model(5);
        double[] ll = new double[4000];
        double[] elbo = new double[4000];
        RandomKey key = RandomKey.of(21);
        for (int i = 0; i < ll.length; i++) {
            ElboEstimate e = new TraceMeanFieldElbo(1).estimate(batched, guide, key.fold(i));
            ll[i] = e.logLikelihood().item();
            elbo[i] = e.value();
        }
        Stats l = Stats.of(ll);
        Stats e = Stats.of(elbo);
        System.out.printf(
                "minibatch 5/20: log-likelihood %.3f +- %.3f (exact %.3f), ELBO %.3f +- %.3f"
                        + " (exact %.3f)%n",
                l.mean(),
                l.se(),
                exactLogLikelihood(),
                e.mean(),
                e.se(),
                exactLogLikelihood() - exactKl());
        assertEquals(exactLogLikelihood(), l.mean(), 4 * l.se());
        assertEquals(exactLogLikelihood() - exactKl(), e.mean(), 4 * e.se());
    }

    @Test
    @DisplayName("the IWAE bound increases with K and stays below the exact log p(x)")
    void importanceWeightedBound() {
        Model model = C.model(C.n);
        Model guide = fixedGuide(model);
        double logPx = C.logEvidence();
        int[] ks = {1, 10, 100};
        int[] reps = {2000, 400, 60};
        Stats[] s = new Stats[ks.length];
        for (int j = 0; j < ks.length; j++) {
            s[j] = repeat(new ImportanceWeightedElbo(ks[j]), model, guide, reps[j], 30 + j);
            System.out.printf(
                    "IWAE K=%d: %.4f +- %.4f (log p(x) = %.4f)%n",
                    ks[j], s[j].mean(), s[j].se(), logPx);
        }
        assertEquals(exactLogLikelihood() - exactKl(), s[0].mean(), 4 * s[0].se(), "L_1 = ELBO");
        for (int j = 0; j + 1 < ks.length; j++) {
            double gap = s[j + 1].mean() - s[j].mean();
            assertTrue(
                    gap > 4 * Math.hypot(s[j].se(), s[j + 1].se()),
                    "L_" + ks[j + 1] + " > L_" + ks[j]);
        }
        assertTrue(s[2].mean() < logPx + 4 * s[2].se(), "below log p(x)");
        assertTrue(s[2].mean() < logPx, "below log p(x) (point estimate)");
    }

    @Test
    @DisplayName("with the exact posterior as guide every IWAE weight equals p(x)")
    void exactGuideGivesEvidence() {
        Model model = C.model(C.n);
        AutoMultivariateNormal g = new AutoMultivariateNormal(model, RandomKey.of(1));
        Map<String, Tensor> v = new LinkedHashMap<>();
        v.put(g.locName(), Tensor.of(B, C.posteriorMean(), 2));
        Tensor cov = Tensor.of(B, GuideRecoveryTest.flat(C.posteriorCovariance()), 2, 2);
        v.put(g.scaleTrilName(), LinearAlgebra.checkedCholesky(cov));
        Model guide = ParamSpace.bind(g, v);
        for (int k : new int[] {1, 7}) {
            double bound = new ImportanceWeightedElbo(k).logMarginal(model, guide, RandomKey.of(k));
            assertEquals(C.logEvidence(), bound, 1e-9, "K = " + k);
        }
    }

    /** z ~ Bernoulli(0.3), y ~ Normal(2 z, 1) with y = 0.8; guide z ~ Bernoulli(q). */
    static final Model DISCRETE =
            ctx -> {
                Tensor z = ctx.sample("z", Bernoulli.of(B, 0.3)).cast(DType.FLOAT64);
                ctx.observe(
                        "y",
                        new Normal(z.mul(2), z.onesLike()),
                        Tensor.scalar(B, 0.8, DType.FLOAT64));
            };

    static final Model DISCRETE_GUIDE =
            ctx -> {
                Tensor q =
                        ctx.param(
                                "q",
                                Tensor.scalar(B, 0.5, DType.FLOAT64),
                                Constraints.unitInterval());
                ctx.sample("z", Bernoulli.withProbs(q));
            };

    static double exactDiscreteElbo(double logit) {
        double q1 = 1 / (1 + Math.exp(-logit));
        double[] q = {1 - q1, q1};
        double[] prior = {0.7, 0.3};
        double e = 0;
        for (int z = 0; z < 2; z++) {
            double r = 0.8 - 2 * z;
            double logLik = -0.5 * r * r - 0.5 * Math.log(2 * Math.PI);
            e += q[z] * (Math.log(prior[z]) + logLik - Math.log(q[z]));
        }
        return e;
    }

    @Test
    @DisplayName("score-function gradient of a discrete guide site is unbiased (1 and 3 particles)")
    void scoreFunctionGradient() {
        double logit = 0.2;
        double h = 1e-5;
        double exact = (exactDiscreteElbo(logit + h) - exactDiscreteElbo(logit - h)) / (2 * h);
        for (int particles : new int[] {1, 3}) {
            TraceElbo elbo = new TraceElbo(particles);
            double[] g = new double[4000];
            RandomKey key = RandomKey.of(40 + particles);
            for (int i = 0; i < g.length; i++) {
                RandomKey k = key.fold(i);
                g[i] =
                        Autodiff.valueAndGrad(
                                        xs -> {
                                            Map<String, Tensor> c =
                                                    Map.of("q", xs.get(0).sigmoid());
                                            return elbo.estimate(
                                                            DISCRETE,
                                                            ParamSpace.bind(DISCRETE_GUIDE, c),
                                                            k)
                                                    .elbo();
                                        },
                                        List.of(Tensor.scalar(B, logit, DType.FLOAT64)))
                                .grads()
                                .get(0)
                                .item();
            }
            Stats s = Stats.of(g);
            System.out.printf(
                    "score function, %d particle(s): gradient %.4f +- %.4f, exact %.4f%n",
                    particles, s.mean(), s.se(), exact);
            assertEquals(exact, s.mean(), 4 * s.se());
        }
    }

    @Test
    @DisplayName("IWAE refuses a guide site without rsample, naming it")
    void iwaeRefusesDiscrete() {
        Model guide =
                ParamSpace.bind(DISCRETE_GUIDE, Map.of("q", Tensor.scalar(B, 0.5, DType.FLOAT64)));
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new ImportanceWeightedElbo(2)
                                        .estimate(DISCRETE, guide, RandomKey.of(0)));
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
    }

    @Test
    @DisplayName("a model latent site missing from the guide is an error naming it")
    void missingGuideSite() {
        Model guide = ctx -> ctx.sample("other", Normal.of(B, 0, 1));
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new TraceElbo().estimate(C.model(C.n), guide, RandomKey.of(0)));
        assertTrue(e.getMessage().contains("'w'"), e.getMessage());
    }
}
