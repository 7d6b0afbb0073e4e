package dev.credence.api.model;

import static dev.credence.api.dist.DistTesting.B;
import static dev.credence.api.dist.DistTesting.assertClose;
import static dev.credence.api.dist.DistTesting.scalar;
import static dev.credence.api.dist.DistTesting.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.Bernoulli;
import dev.credence.api.dist.Beta;
import dev.credence.api.dist.Dirichlet;
import dev.credence.api.dist.DistTesting;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.LKJCholesky;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.Poisson;
import dev.credence.api.dist.Uniform;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The unconstrained log joint, against formulas derived by hand. */
class PotentialTest {
    static final double[] Y = {0.5, -1.2, 2.0};
    static final double[] K = {1, 0, 1, 1};

    /** s ~ HalfNormal(2); p ~ Beta(2, 3); y_i ~ Normal(0, s); k_j ~ Bernoulli(p). */
    static final Model MODEL =
            ctx -> {
                Tensor s = ctx.sample("s", HalfNormal.of(B, 2));
                Tensor p = ctx.sample("p", Beta.of(B, 2, 3));
                try (Plate obs = ctx.plate("ys", Y.length)) {
                    ctx.observe("y", new Normal(scalar(0), s), vec(Y));
                }
                try (Plate flips = ctx.plate("ks", K.length)) {
                    ctx.observe("k", Bernoulli.withProbs(p), vec(K));
                }
            };

    /**
     * With s = exp(u0) and p = sigmoid(u1): log pi(u) = log HalfNormal(s; 2) + u0 + log Beta(p; 2,
     * 3) + log p + log(1 - p) + sum log N(y; 0, s) + sum log Bernoulli(k; p).
     */
    static double handDerived(double u0, double u1) {
        double s = Math.exp(u0);
        double p = 1 / (1 + Math.exp(-u1));
        double halfNormal = Math.log(2) + HandlersTest.normal(s, 0, 2);
        double logBeta = Math.log(p) + 2 * Math.log1p(-p) - Math.log(1.0 / 12); // B(2, 3) = 1/12
        double lp = halfNormal + u0 + logBeta + Math.log(p) + Math.log1p(-p);
        for (double y : Y) {
            lp += HandlersTest.normal(y, 0, s);
        }
        for (double k : K) {
            lp += k == 1 ? Math.log(p) : Math.log1p(-p);
        }
        return lp;
    }

    @Test
    void matchesTheHandDerivedDensityAndGradient() {
        Potential pot = Potential.of(MODEL, RandomKey.of(1));
        assertEquals(2, pot.dimension());
        assertEquals(
                List.of("s", "p"), pot.sites().stream().map(Potential.LatentSite::name).toList());
        for (double[] u : new double[][] {{0.3, -0.4}, {-1.5, 2.0}, {1.1, 0.0}}) {
            Potential.ValueAndGradient r = pot.valueAndGradient(vec(u));
            assertClose(
                    handDerived(u[0], u[1]),
                    r.value(),
                    1e-12,
                    0,
                    "log density at " + Arrays.toString(u));
            assertClose(
                    handDerived(u[0], u[1]), pot.logDensity(vec(u)).item(), 1e-12, 0, "logDensity");
            double h = 1e-6;
            double[] fd = {
                (handDerived(u[0] + h, u[1]) - handDerived(u[0] - h, u[1])) / (2 * h),
                (handDerived(u[0], u[1] + h) - handDerived(u[0], u[1] - h)) / (2 * h)
            };
            assertClose(
                    fd,
                    r.gradient().toDoubleArray(),
                    1e-6,
                    1e-8,
                    "gradient at " + Arrays.toString(u));
        }
    }

    @Test
    void constrainAndUnconstrainAreInverse() {
        Potential pot = Potential.of(MODEL, RandomKey.of(1));
        Tensor u = vec(0.3, -0.4);
        Map<String, Tensor> values = pot.constrain(u);
        assertEquals(Math.exp(0.3), values.get("s").item(), 1e-15);
        assertEquals(1 / (1 + Math.exp(0.4)), values.get("p").item(), 1e-15);
        assertClose(
                u.toDoubleArray(),
                pot.unconstrain(values).toDoubleArray(),
                1e-14,
                1e-15,
                "round trip");
    }

    @Test
    void initialPointsAreUniformOnMinusTwoToTwo() {
        Potential pot = Potential.of(MODEL, RandomKey.of(1));
        double[] x = pot.initialPoint(RandomKey.of(2)).toDoubleArray();
        assertEquals(2, x.length);
        assertTrue(Arrays.stream(x).allMatch(v -> v > -2 && v < 2));
        assertFalse(Arrays.equals(x, pot.initialPoint(RandomKey.of(3)).toDoubleArray()));
    }

    @Test
    void nonFiniteDensitiesAreValuesNotExceptions() {
        Potential pot = Potential.of(MODEL, RandomKey.of(1));
        Potential.ValueAndGradient r = pot.valueAndGradient(vec(800, 0));
        assertFalse(Double.isFinite(r.value()) && r.value() > -1e300, "value " + r.value());
        Potential.ValueAndGradient n = pot.valueAndGradient(vec(Double.NaN, 0));
        assertTrue(Double.isNaN(n.value()));
    }

    @Test
    void simplexAndCorrelationSitesUseTheirBijections() {
        Model m =
                ctx -> {
                    ctx.sample("w", new Dirichlet(vec(2, 3, 1.5)));
                    ctx.sample("L", new LKJCholesky(3, scalar(2)));
                };
        Potential pot = Potential.of(m, RandomKey.of(4));
        assertEquals(2 + 3, pot.dimension());
        assertEquals(Shape.of(2), pot.sites().get(0).unconstrainedShape());
        assertEquals(Shape.of(3, 3), pot.sites().get(1).shape());
        Tensor u = vec(0.1, -0.3, 0.5, -0.2, 0.8);
        Map<String, Tensor> v = pot.constrain(u);
        assertEquals(1, Constraints.simplex().check(v.get("w")).item());
        assertEquals(1, Constraints.corrCholesky().check(v.get("L")).item());
        assertClose(
                u.toDoubleArray(), pot.unconstrain(v).toDoubleArray(), 1e-12, 1e-14, "round trip");
        Tensor[] grads = {pot.valueAndGradient(u).gradient()};
        DistTesting.assertGradientsMatch(
                xs -> pot.logDensity(xs.get(0)), List.of(u), List.of("u"), 1e-6, "potential");
        assertEquals(5, grads[0].size());
    }

    @Test
    void supportsThatDependOnLatentValuesAreFollowed() {
        // x ~ Uniform(0, s) with latent s: the interval bijection must use the current s.
        Model m =
                ctx -> {
                    Tensor s = ctx.sample("s", HalfNormal.of(B, 1));
                    ctx.sample("x", new Uniform(scalar(0), s));
                };
        Potential pot = Potential.of(m, RandomKey.of(5));
        DoubleUnaryOperator logSigmoid = t -> -Math.log1p(Math.exp(-t));
        double u0 = 0.4;
        double u1 = -0.7;
        double s = Math.exp(u0);
        double expected =
                Math.log(2)
                        + HandlersTest.normal(s, 0, 1)
                        + u0 // s and its Jacobian
                        - Math.log(s) // uniform density
                        + Math.log(s)
                        + logSigmoid.applyAsDouble(u1)
                        + logSigmoid.applyAsDouble(-u1); // interval Jacobian
        assertClose(expected, pot.logDensity(vec(u0, u1)).item(), 1e-12, 0, "dynamic support");
        assertEquals(s / (1 + Math.exp(-u1)), pot.constrain(vec(u0, u1)).get("x").item(), 1e-14);
    }

    @Test
    void discreteLatentSitesAreRejectedWithTheSiteName() {
        Model m = ctx -> ctx.sample("n", Poisson.of(B, 3));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> Potential.of(m, RandomKey.of(1)));
        assertTrue(
                e.getMessage().contains("'n'") && e.getMessage().contains("discrete"),
                e.getMessage());
    }

    @Test
    void wrongPointsAreRejected() {
        Potential pot = Potential.of(MODEL, RandomKey.of(1));
        assertThrows(IllegalArgumentException.class, () -> pot.logDensity(vec(1, 2, 3)));
    }
}
