package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.MultivariateNormal;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The low-rank normal against the dense one, and the host Cholesky helper. */
class LowRankMultivariateNormalTest {
    static final Backend B = GuideRecoveryTest.B;

    static LowRankMultivariateNormal example() {
        Tensor loc = Tensor.of(B, new double[] {0.5, -1, 2}, 3);
        Tensor w = Tensor.of(B, new double[] {0.7, -0.2, 0.1, 0.9, -0.4, 0.3}, 3, 2);
        Tensor d = Tensor.of(B, new double[] {0.5, 0.2, 1.5}, 3);
        return new LowRankMultivariateNormal(loc, w, d);
    }

    @Test
    @DisplayName("log density and entropy equal the dense multivariate normal's")
    void matchesDense() {
        LowRankMultivariateNormal q = example();
        MultivariateNormal dense = MultivariateNormal.withCovariance(q.loc(), q.covariance());
        Tensor x = RandomKey.of(3).normal(B, DType.FLOAT64, 4, 3);
        assertArrayEquals(dense.logProb(x).toDoubleArray(), q.logProb(x).toDoubleArray(), 1e-10);
        assertEquals(dense.entropy().item(), q.entropy().item(), 1e-10);
        assertArrayEquals(dense.variance().toDoubleArray(), q.variance().toDoubleArray(), 1e-12);
    }

    @Test
    @DisplayName("draws have the right mean and covariance")
    void drawMoments() {
        LowRankMultivariateNormal q = example();
        int n = 20000;
        Tensor x = q.rsample(RandomKey.of(4), n);
        assertArrayEquals(new int[] {n, 3}, x.shape().dims());
        Tensor m = x.mean(false, 0);
        Tensor c = x.sub(m).transpose().matmul(x.sub(m)).div(n - 1);
        assertArrayEquals(q.loc().toDoubleArray(), m.toDoubleArray(), 0.05);
        assertArrayEquals(q.covariance().toDoubleArray(), c.toDoubleArray(), 0.06);
    }
}
