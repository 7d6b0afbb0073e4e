package dev.credence.api.dist;

import static dev.credence.api.dist.DistTesting.B;
import static dev.credence.api.dist.DistTesting.assertClose;
import static dev.credence.api.dist.DistTesting.scalar;
import static dev.credence.api.dist.DistTesting.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.bijector.AffineBijector;
import dev.credence.api.dist.bijector.CorrCholeskyBijector;
import dev.credence.api.dist.bijector.ExpBijector;
import dev.credence.api.dist.bijector.SigmoidBijector;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes, expansion, reparameterised gradients and the combinators. */
class DistributionBehaviourTest {

    @Test
    void shapesComposeSampleBatchAndEvent() {
        Normal n = new Normal(vec(0, 1, 2), scalar(1));
        assertEquals(Shape.of(3), n.batchShape());
        assertEquals(Shape.of(), n.eventShape());
        assertEquals(Shape.of(4, 5, 3), n.sample(RandomKey.of(1), 4, 5).shape());
        assertEquals(Shape.of(4, 5, 3), n.logProb(n.sample(RandomKey.of(1), 4, 5)).shape());

        Dirichlet d = new Dirichlet(Tensor.ones(B, DType.FLOAT64, 2, 4));
        assertEquals(Shape.of(2), d.batchShape());
        assertEquals(Shape.of(4), d.eventShape());
        Tensor x = d.sample(RandomKey.of(2), 7);
        assertEquals(Shape.of(7, 2, 4), x.shape());
        assertEquals(Shape.of(7, 2), d.logProb(x).shape());
    }

    @Test
    void expandBroadcastsParametersAndKeepsValues() {
        Normal n = Normal.of(B, 1, 2);
        Normal e = n.expand(Shape.of(3, 2));
        assertEquals(Shape.of(3, 2), e.batchShape());
        Tensor v = Tensor.full(B, 0.5, DType.FLOAT64, 3, 2);
        assertClose(n.logProb(v).toDoubleArray(), e.logProb(v).toDoubleArray(), 0, 0, "expanded");
        assertThrows(
                IllegalArgumentException.class, () -> new Normal(vec(1, 2), scalar(1)).expand(3));
        LKJCholesky lkj = new LKJCholesky(3, scalar(2)).expand(Shape.of(5));
        assertEquals(Shape.of(5, 3, 3), lkj.sample(RandomKey.of(3)).shape());
    }

    @Test
    void rsampleCarriesGradientsToParameters() {
        Tensor loc = vec(0.5, -1);
        Tensor scale = vec(2, 0.3);
        RandomKey key = RandomKey.of(9);
        List<Tensor> g =
                Autodiff.valueAndGrad(
                                ps -> new Normal(ps.get(0), ps.get(1)).rsample(key, 10).sum(),
                                List.of(loc, scale))
                        .grads();
        assertArrayEquals(new double[] {10, 10}, g.get(0).toDoubleArray(), 1e-12);
        double[] eps = Normal.of(B, 0, 1).expand(2).sample(key, 10).toDoubleArray();
        double[] sums = new double[2];
        for (int i = 0; i < eps.length; i++) {
            sums[i % 2] += eps[i];
        }
        assertArrayEquals(sums, g.get(1).toDoubleArray(), 1e-12);
    }

    @Test
    void reparameterisedFamiliesSay() {
        assertTrue(Normal.of(B, 0, 1).hasRsample());
        assertTrue(
                new MultivariateNormal(vec(0, 0), LinearAlgebra.eye(B, 2, DType.FLOAT64))
                        .hasRsample());
        assertTrue(Gamma.of(B, 2, 1).hasRsample());
        assertTrue(InverseGamma.of(B, 2, 1).hasRsample());
        assertTrue(Beta.of(B, 2, 1).hasRsample());
        assertTrue(new Dirichlet(vec(1, 1)).hasRsample());
        assertFalse(StudentT.of(B, 3, 0, 1).hasRsample());
        UnsupportedOperationException e =
                assertThrows(
                        UnsupportedOperationException.class,
                        () -> StudentT.of(B, 3, 0, 1).rsample(RandomKey.of(1)));
        assertTrue(e.getMessage().contains("StudentT"), e.getMessage());
    }

    @Test
    void sampleIsDeterministicPerKeyAndDetached() {
        Gamma g = Gamma.of(B, 0.3, 1);
        assertArrayEquals(
                g.sample(RandomKey.of(5), 50).toDoubleArray(),
                g.sample(RandomKey.of(5), 50).toDoubleArray());
        assertFalse(
                java.util.Arrays.equals(
                        g.sample(RandomKey.of(5), 50).toDoubleArray(),
                        g.sample(RandomKey.of(6), 50).toDoubleArray()));
        for (double v : g.sample(RandomKey.of(7), 1000).toDoubleArray()) {
            assertTrue(v > 0 && Double.isFinite(v));
        }
    }

    @Test
    void independentSumsReinterpretedAxes() {
        Normal base =
                new Normal(
                        Tensor.zeros(B, DType.FLOAT64, 2, 3), Tensor.ones(B, DType.FLOAT64, 2, 3));
        Independent ind = new Independent(base, 1);
        assertEquals(Shape.of(2), ind.batchShape());
        assertEquals(Shape.of(3), ind.eventShape());
        Tensor x = ind.sample(RandomKey.of(3));
        assertClose(
                base.logProb(x).sum(false, 1).toDoubleArray(),
                ind.logProb(x).toDoubleArray(),
                1e-15,
                0,
                "sum");
        assertClose(
                base.entropy().sum(false, 1).toDoubleArray(),
                ind.entropy().toDoubleArray(),
                1e-15,
                0,
                "H");
    }

    @Test
    void logNormalEqualsExpTransformedNormal() {
        TransformedDistribution t =
                new TransformedDistribution(
                        new Normal(vec(0.2, -1), vec(0.7, 1.3)), new ExpBijector());
        LogNormal ln = new LogNormal(vec(0.2, -1), vec(0.7, 1.3));
        Tensor x = vec(0.5, 3.0);
        assertClose(
                ln.logProb(x).toDoubleArray(), t.logProb(x).toDoubleArray(), 1e-13, 0, "logProb");
        assertEquals(Shape.of(2), t.batchShape());
    }

    @Test
    void transformedDistributionWithEventChangingBijector() {
        // One free coordinate r = tanh(x) in (-1, 1) fills a 2 x 2 correlation Cholesky factor.
        TransformedDistribution t =
                new TransformedDistribution(
                        new Normal(vec(0.1), vec(1.0)), List.of(new CorrCholeskyBijector()));
        assertEquals(Shape.of(), t.batchShape());
        assertEquals(Shape.of(2, 2), t.eventShape());
        Tensor l = t.sample(RandomKey.of(4), 3);
        assertEquals(Shape.of(3, 2, 2), l.shape());
        assertEquals(Shape.of(3), t.logProb(l).shape());
        // Change of variables by hand: x = atanh(r), r = L[1][0].
        double r = l.toDoubleArray()[2];
        double x = 0.5 * Math.log((1 + r) / (1 - r));
        double expected =
                -0.5 * Math.pow(x - 0.1, 2) - 0.5 * Math.log(2 * Math.PI) - Math.log(1 - r * r);
        assertClose(
                expected,
                t.logProb(l).toDoubleArray()[0],
                1e-10,
                1e-12,
                "CorrCholesky change of variables");
    }

    @Test
    void affineSigmoidMakesALogitNormal() {
        TransformedDistribution t =
                new TransformedDistribution(
                        Normal.of(B, 0, 1),
                        List.of(new SigmoidBijector(), new AffineBijector(scalar(2), scalar(3))));
        double y = 3.5;
        double u = (y - 2) / 3;
        double x = Math.log(u / (1 - u));
        double expected = -0.5 * x * x - 0.5 * Math.log(2 * Math.PI) - Math.log(3 * u * (1 - u));
        assertClose(expected, t.logProb(scalar(y)).item(), 1e-12, 0, "logit-normal");
    }

    @Test
    void float32ParametersWork() {
        Tensor loc = Tensor.of(B, new float[] {0.5f, 1f});
        Tensor scale = Tensor.of(B, new float[] {1f, 2f});
        Normal n = new Normal(loc, scale);
        Tensor x = n.rsample(RandomKey.of(1), 3);
        assertEquals(DType.FLOAT32, x.dtype());
        assertEquals(DType.FLOAT32, n.logProb(x).dtype());
        Tensor g = new Gamma(loc, scale).sample(RandomKey.of(2), 4);
        assertEquals(DType.FLOAT32, g.dtype());
        assertThrows(IllegalArgumentException.class, () -> new Normal(loc, vec(1, 2)));
    }

    @Test
    void continuousBernoulliIsStableNearOneHalf() {
        // Around p = 1/2 the closed form cancels; the series branch must agree with it across the
        // switch.
        for (double logit : new double[] {-0.03, -0.0199, 1e-9, 0.0201, 0.05, 0.099, 0.101}) {
            ContinuousBernoulli d = ContinuousBernoulli.withLogits(scalar(logit));
            double l = logit;
            boolean tiny = Math.abs(l) < 1e-3;
            double logC =
                    tiny ? Math.log(2) + l * l / 12 : Math.log(Math.abs(l / Math.tanh(l / 2)));
            double mean = tiny ? 0.5 + l / 12 : -1 / Math.expm1(-l) - 1 / l;
            assertClose(logC, d.logNormalizer().item(), 1e-12, 0, "log C at " + l);
            assertClose(mean, d.mean().item(), 1e-9, 1e-12, "mean at " + l);
        }
        ContinuousBernoulli half = ContinuousBernoulli.withProbs(scalar(0.5));
        assertClose(Math.log(2), half.logNormalizer().item(), 1e-15, 0, "log C at 1/2");
        Tensor x = half.rsample(RandomKey.of(3), 1000);
        for (double v : x.toDoubleArray()) {
            assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void deltaIsAPointMass() {
        Delta d = new Delta(vec(1, 2), 1);
        assertEquals(Shape.of(), d.batchShape());
        assertEquals(0, d.logProb(vec(1, 2)).item());
        assertEquals(Double.NEGATIVE_INFINITY, d.logProb(vec(1, 2.5)).item());
        Tensor g = Autodiff.grad(v -> new Delta(v, 1).rsample(RandomKey.of(1), 3).sum(), vec(1, 2));
        assertArrayEquals(new double[] {3, 3}, g.toDoubleArray());
    }

    @Test
    void deltaCarriesALogDensityOfItsBatchShape() {
        Tensor v = Tensor.of(B, new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Tensor logDensity = vec(-1, -2, -3);
        Delta d = new Delta(v, logDensity, 1);
        assertEquals(Shape.of(3), d.batchShape());
        assertArrayEquals(new double[] {-1, -2, -3}, d.logProb(v).toDoubleArray());
        Tensor g = Autodiff.grad(l -> new Delta(v, l, 1).logProb(v).sum(), logDensity);
        assertArrayEquals(new double[] {1, 1, 1}, g.toDoubleArray());
        assertThrows(
                IllegalArgumentException.class,
                () -> new Delta(v, Tensor.zeros(B, DType.FLOAT64, 2, 3), 1));
    }

    @Test
    void lkjSamplesAreCorrelationCholeskyFactorsWithTheRightSpread() {
        int d = 4;
        double eta = 1.5;
        LKJCholesky lkj = new LKJCholesky(d, scalar(eta));
        Tensor l = lkj.sample(RandomKey.of(11), 8000);
        assertTrue(
                java.util.Arrays.stream(lkj.support().check(l).toIntArray()).allMatch(v -> v == 1));
        Tensor r = l.matmul(l.transpose());
        double[] all = r.toDoubleArray();
        double[] r01 = new double[8000];
        double[] r23 = new double[8000];
        for (int n = 0; n < 8000; n++) {
            r01[n] = all[n * 16 + 1];
            r23[n] = all[n * 16 + 2 * 4 + 3];
        }
        // Marginally, each correlation is 2 Beta(b, b) - 1 with b = eta - 1 + d/2: mean 0, variance
        // 1/(2b+1).
        double var = 1 / (2 * eta + d - 1);
        SampleMomentsTest.checkColumn("LKJ r01", r01, 0, var);
        SampleMomentsTest.checkColumn("LKJ r23", r23, 0, var);
    }

    @Test
    void categoricalFrequenciesMatchProbabilities() {
        Categorical c = Categorical.withProbs(vec(0.2, 0.5, 0.3));
        int n = 20000;
        int[] draws = c.sample(RandomKey.of(8), n).toIntArray();
        double[] p = {0.2, 0.5, 0.3};
        for (int k = 0; k < 3; k++) {
            int count = 0;
            for (int v : draws) {
                count += v == k ? 1 : 0;
            }
            double se = Math.sqrt(p[k] * (1 - p[k]) / n);
            assertTrue(Math.abs((double) count / n - p[k]) < 5 * se, "category " + k);
        }
        Tensor idx = Tensor.ofInts(B, new int[] {2, 0}, 2);
        assertClose(
                new double[] {Math.log(0.3), Math.log(0.2)},
                c.logProb(idx).toDoubleArray(),
                1e-15,
                0,
                "int values");
    }

    @Test
    void multivariateNormalFromCovarianceMatchesScaleTril() {
        Tensor tril = Tensor.of(B, new double[] {1.5, 0, 0, 0.3, 0.8, 0, -0.4, 0.2, 1.2}, 3, 3);
        Tensor cov = tril.matmul(tril.transpose());
        MultivariateNormal a = new MultivariateNormal(vec(0, 1, 0), tril);
        MultivariateNormal b = MultivariateNormal.withCovariance(vec(0, 1, 0), cov);
        assertClose(tril.toDoubleArray(), b.scaleTril().toDoubleArray(), 1e-14, 1e-15, "cholesky");
        Tensor x = vec(0.3, 0.2, -1);
        assertClose(a.logProb(x).item(), b.logProb(x).item(), 1e-13, 0, "logProb");
    }
}
