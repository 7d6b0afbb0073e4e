package dev.credence.api.dist.kl;

import static dev.credence.api.dist.DistTesting.B;
import static dev.credence.api.dist.DistTesting.scalar;
import static dev.credence.api.dist.DistTesting.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.dist.Bernoulli;
import dev.credence.api.dist.Beta;
import dev.credence.api.dist.Categorical;
import dev.credence.api.dist.Dirichlet;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Exponential;
import dev.credence.api.dist.Gamma;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Laplace;
import dev.credence.api.dist.LogNormal;
import dev.credence.api.dist.MultivariateNormal;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.Poisson;
import dev.credence.api.dist.TransformedDistribution;
import dev.credence.api.dist.bijector.ExpBijector;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each analytic KL rule against a Monte Carlo estimate (within 5 of its standard errors, fixed
 * keys), and the registry's dispatch: most specific match, ambiguity and missing rules.
 */
class KlRegistryTest {
    private static final int N = 40_000;

    static Stream<Arguments> pairs() {
        return Stream.of(
                pair(
                        "Normal",
                        () -> new Normal(vec(0.3, -1), vec(1.2, 0.4)),
                        () -> new Normal(vec(-0.5, 0), vec(2, 1))),
                pair(
                        "LogNormal",
                        () -> LogNormal.of(B, 0.1, 0.5),
                        () -> LogNormal.of(B, -0.3, 0.9)),
                pair("HalfNormal", () -> HalfNormal.of(B, 1.3), () -> HalfNormal.of(B, 0.9)),
                pair("Laplace", () -> Laplace.of(B, 0.2, 0.8), () -> Laplace.of(B, -0.4, 1.5)),
                pair("Exponential", () -> Exponential.of(B, 1.7), () -> Exponential.of(B, 0.9)),
                pair(
                        "Gamma",
                        () -> new Gamma(vec(2.5, 0.7), vec(1.5, 1)),
                        () -> new Gamma(vec(1.2, 1), vec(0.7, 2))),
                pair("Beta", () -> Beta.of(B, 2, 3.5), () -> Beta.of(B, 1.5, 1.2)),
                pair(
                        "Dirichlet",
                        () -> new Dirichlet(vec(2, 3, 1.5)),
                        () -> new Dirichlet(vec(1, 1.5, 2.5))),
                pair(
                        "Bernoulli logits",
                        () -> Bernoulli.withLogits(vec(-0.8, 2)),
                        () -> Bernoulli.withLogits(vec(0.4, -1))),
                pair(
                        "Bernoulli probs",
                        () -> Bernoulli.withProbs(scalar(0.3)),
                        () -> Bernoulli.withProbs(scalar(0.6))),
                pair(
                        "Categorical",
                        () -> Categorical.withProbs(vec(0.2, 0.5, 0.3)),
                        () -> Categorical.withLogits(vec(1, -1, 0.5))),
                pair("Poisson", () -> Poisson.of(B, 3.2), () -> Poisson.of(B, 5)),
                pair(
                        "MultivariateNormal",
                        () ->
                                new MultivariateNormal(
                                        vec(0.2, -0.1),
                                        Tensor.of(B, new double[] {1, 0, 0.4, 0.9}, 2, 2)),
                        () ->
                                new MultivariateNormal(
                                        vec(1, 0.5),
                                        Tensor.of(B, new double[] {1.5, 0, -0.3, 0.6}, 2, 2))),
                pair(
                        "Independent",
                        () -> new Independent(new Normal(vec(0, 1), vec(1, 0.5)), 1),
                        () -> new Independent(new Normal(vec(0.5, -1), vec(2, 0.7)), 1)));
    }

    private static Arguments pair(String name, Supplier<Distribution> p, Supplier<Distribution> q) {
        return Arguments.of(name, p, q);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void analyticMatchesMonteCarlo(
            String name, Supplier<Distribution> p, Supplier<Distribution> q) {
        Distribution dp = p.get();
        Distribution dq = q.get();
        double[] exact = KlRegistry.defaults().kl(dp, dq).toDoubleArray();
        KlRegistry.Estimate mc =
                KlRegistry.monteCarloWithError(dp, dq, RandomKey.of(name.hashCode()), N);
        double[] est = mc.mean().toDoubleArray();
        double[] se = mc.standardError().toDoubleArray();
        assertEquals(est.length, exact.length, name + " batch shape");
        for (int i = 0; i < exact.length; i++) {
            assertTrue(exact[i] >= 0, name + ": KL must be non-negative, found " + exact[i]);
            assertTrue(
                    Math.abs(exact[i] - est[i]) <= 5 * se[i] + 1e-12,
                    name
                            + "["
                            + i
                            + "]: analytic "
                            + exact[i]
                            + ", Monte Carlo "
                            + est[i]
                            + " +- "
                            + se[i]);
        }
        assertEquals(
                0, KlRegistry.defaults().kl(dp, dp).sum().item(), 1e-12, name + ": KL(p || p)");
    }

    @Test
    void gradientsFlowThroughAnalyticAndMonteCarloKl() {
        Tensor loc = vec(0.3);
        Tensor g =
                Autodiff.grad(
                        m ->
                                KlRegistry.defaults()
                                        .kl(new Normal(m, vec(1)), new Normal(vec(0), vec(1)))
                                        .sum(),
                        loc);
        assertEquals(0.3, g.item(), 1e-14);
        Tensor gm =
                Autodiff.grad(
                        m ->
                                KlRegistry.monteCarlo(
                                                new Normal(m, vec(1)),
                                                new Normal(vec(0), vec(1)),
                                                RandomKey.of(3),
                                                2000)
                                        .sum(),
                        loc);
        assertEquals(0.3, gm.item(), 0.1);
    }

    @Test
    void missingRuleNamesBothClassesAndTheFallback() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> KlRegistry.defaults().kl(Normal.of(B, 0, 1), Laplace.of(B, 0, 1)));
        assertTrue(
                e.getMessage().contains("Normal") && e.getMessage().contains("Laplace"),
                e.getMessage());
        assertTrue(e.getMessage().contains("monteCarlo"), e.getMessage());
        assertFalse(KlRegistry.defaults().has(Normal.class, Laplace.class));
    }

    /** A named transformed family, to exercise dispatch by class hierarchy. */
    static final class LogNormalViaTransform extends TransformedDistribution {
        LogNormalViaTransform(double loc, double scale) {
            super(Normal.of(B, loc, scale), new ExpBijector());
        }
    }

    @Test
    void mostSpecificRuleWinsAndEqualRivalsAreAmbiguous() {
        KlRegistry r = new KlRegistry();
        r.register(Distribution.class, Distribution.class, (p, q) -> scalar(1));
        r.register(TransformedDistribution.class, Distribution.class, (p, q) -> scalar(2));
        r.register(LogNormalViaTransform.class, Distribution.class, (p, q) -> scalar(3));
        Distribution a = new LogNormalViaTransform(0, 1);
        assertEquals(3, r.kl(a, Normal.of(B, 0, 1)).item());
        assertEquals(1, r.kl(Normal.of(B, 0, 1), a).item());
        assertEquals(
                2,
                r.kl(new TransformedDistribution(Normal.of(B, 0, 1), new ExpBijector()), a).item());

        r.register(Distribution.class, LogNormalViaTransform.class, (p, q) -> scalar(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.kl(a, a));
        assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
        assertTrue(e.getMessage().contains("LogNormalViaTransform"), e.getMessage());
        r.register(LogNormalViaTransform.class, LogNormalViaTransform.class, (p, q) -> scalar(5));
        assertEquals(5, r.kl(a, a).item(), "registering the exact pair resolves the ambiguity");
    }

    @Test
    void independentRuleRequiresMatchingEvents() {
        Distribution p = new Independent(new Normal(vec(0, 1), vec(1, 1)), 1);
        Distribution q = new Normal(vec(0, 1), vec(1, 1));
        assertThrows(IllegalArgumentException.class, () -> KlRegistry.defaults().kl(p, q));
        Distribution wide =
                new Independent(
                        new Normal(
                                Tensor.zeros(B, dev.credence.api.backend.DType.FLOAT64, 2, 2),
                                Tensor.ones(B, dev.credence.api.backend.DType.FLOAT64, 2, 2)),
                        2);
        assertThrows(IllegalArgumentException.class, () -> KlRegistry.defaults().kl(p, wide));
    }
}
