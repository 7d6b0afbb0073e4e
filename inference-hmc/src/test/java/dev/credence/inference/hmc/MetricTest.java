package dev.credence.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dense metric: momenta with covariance {@code M}, velocities {@code M^-1 p}. */
class MetricTest {

    private static final double[][] S = {{2.0, 0.6, 0.1}, {0.6, 1.0, -0.3}, {0.1, -0.3, 0.5}};

    @Test
    @DisplayName("dense momenta have covariance M = S^-1: their velocities have covariance S")
    void denseMomentumCovariance() {
        Metric.Dense m = new Metric.Dense(Densities.JVM, S);
        SplittableRandom rng = new SplittableRandom(3);
        int n = 200_000;
        double[][] c = new double[3][3];
        double[] p = new double[3];
        double[] v = new double[3];
        for (int t = 0; t < n; t++) {
            m.sampleMomentum(rng, p);
            m.velocity(p, v);
            // Cov(S p) = S M S = S when p ~ N(0, M) and M = S^-1.
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    c[i][j] += v[i] * v[j] / n;
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(S[i][j], c[i][j], 0.02, "covariance (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    @DisplayName("a matrix that is not positive definite is refused with a clear message")
    void notPositiveDefinite() {
        double[][] bad = {{1, 2}, {2, 1}};
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> new Metric.Dense(Densities.JVM, bad));
        assertEquals("metric: inverse mass matrix is not positive definite", e.getMessage());
    }
}
