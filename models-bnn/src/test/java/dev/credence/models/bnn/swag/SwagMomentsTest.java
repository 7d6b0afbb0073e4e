package dev.credence.models.bnn.swag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.posterior.WeightLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SWAG's moments and posterior against known answers: two-pass moments of a short sequence, the
 * stationary covariance of SGD on a noisy quadratic (a discrete Lyapunov equation), and the
 * covariance of the posterior's draws.
 */
class SwagMomentsTest {
    private final Backend b = Backends.discover().select("jvm");

    @Test
    @DisplayName("mean, diagonal and the last K deviations match a two-pass computation")
    void exactMoments() {
        double[][] it = {{1, -2}, {3, 0.5}, {-1, 4}, {2, 2}, {0.5, -1}};
        SwagMoments m = SwagMoments.empty(2, 3);
        for (double[] t : it) {
            m = m.update(t);
        }
        double[] mean = new double[2];
        double[] var = new double[2];
        for (double[] t : it) {
            for (int i = 0; i < 2; i++) {
                mean[i] += t[i] / it.length;
            }
        }
        for (double[] t : it) {
            for (int i = 0; i < 2; i++) {
                var[i] += (t[i] - mean[i]) * (t[i] - mean[i]) / it.length;
            }
        }
        assertArrayEquals(mean, m.mean(), 1e-12);
        assertArrayEquals(var, m.diagonal(), 1e-12);
        assertEquals(3, m.deviations().length);
        // The last deviation is taken from the mean after the last iterate.
        assertArrayEquals(new double[] {0.5 - mean[0], -1 - mean[1]}, m.deviations()[2], 1e-12);
        // The first kept deviation is iterate 3's, from the mean of the first three.
        double[] m3 = {(1 + 3 - 1) / 3.0, (-2 + 0.5 + 4) / 3.0};
        assertArrayEquals(new double[] {-1 - m3[0], 4 - m3[1]}, m.deviations()[0], 1e-12);
    }

    @Test
    @DisplayName("SWAG recovers the stationary covariance of SGD iterates on a noisy quadratic")
    void recoversIterateCovariance() {
        // SGD on 0.5 theta' A theta with gradient noise N(0, C): theta <- B theta - eta xi with
        // B = I - eta A, whose iterates settle to N(0, S) with S = B S B' + eta^2 C.
        double[][] a = {{2, 0.6, 0}, {0.6, 1, 0.3}, {0, 0.3, 0.5}};
        double[][] cl = {{1, 0, 0}, {0.5, 0.8, 0}, {-0.3, 0.2, 0.6}}; // C = cl cl'
        double eta = 0.3;
        int d = 3;
        double[][] bm = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                bm[i][j] = (i == j ? 1 : 0) - eta * a[i][j];
            }
        }
        double[][] c = mul(cl, transpose(cl));
        double[][] s = new double[d][d];
        for (int it = 0; it < 5000; it++) {
            double[][] next = mul(mul(bm, s), transpose(bm));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    next[i][j] += eta * eta * c[i][j];
                }
            }
            s = next;
        }
        int keep = 4000;
        int thin = 10;
        SwagMoments m = SwagMoments.empty(d, keep);
        double[] theta = new double[d];
        RandomKey key = RandomKey.of(7);
        for (int t = 0; t < 200 + keep * thin; t++) {
            double[] z = key.fold(t).normalDoubles(d);
            double[] next = new double[d];
            for (int i = 0; i < d; i++) {
                double noise = 0;
                for (int j = 0; j <= i; j++) {
                    noise += cl[i][j] * z[j];
                }
                for (int j = 0; j < d; j++) {
                    next[i] += bm[i][j] * theta[j];
                }
                next[i] -= eta * noise;
            }
            theta = next;
            if (t >= 200 && (t - 200) % thin == thin - 1) {
                m = m.update(theta);
            }
        }
        double[] diag = m.diagonal();
        for (int i = 0; i < d; i++) {
            assertEquals(s[i][i], diag[i], 0.1 * s[i][i], "diagonal " + i);
        }
        double[][] swag = posterior(m).covariance();
        double err = 0;
        double norm = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double want = 0.5 * s[i][j] + (i == j ? 0.5 * s[i][i] : 0);
                err += (swag[i][j] - want) * (swag[i][j] - want);
                norm += want * want;
            }
        }
        assertTrue(
                Math.sqrt(err / norm) < 0.1,
                "relative Frobenius error " + Math.sqrt(err / norm) + " of the SWAG covariance");
    }

    @ParameterizedTest(name = "covariance scale {0}")
    @ValueSource(doubles = {1, 2.5})
    @DisplayName("the posterior's draws have the SWAG mean and the scaled SWAG covariance")
    void drawsHaveTheSwagMoments(double scale) {
        SwagMoments m = SwagMoments.empty(3, 4);
        RandomKey key = RandomKey.of(3);
        for (int t = 0; t < 9; t++) {
            m = m.update(key.fold(t).normalDoubles(3));
        }
        SwagPosterior p = posterior(m, scale);
        int n = 40000;
        Tensor w = p.sample(RandomKey.of(11), n).get("w");
        double[] v = w.toDoubleArray();
        double[] mean = new double[3];
        double[][] cov = new double[3][3];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < 3; i++) {
                mean[i] += v[r * 3 + i] / n;
            }
        }
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    cov[i][j] += (v[r * 3 + i] - mean[i]) * (v[r * 3 + j] - mean[j]) / n;
                }
            }
        }
        double[][] want = posterior(m).covariance();
        for (double[] row : want) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= scale;
            }
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(m.mean()[i], mean[i], 4 * Math.sqrt(want[i][i] / n), "mean " + i);
            for (int j = 0; j < 3; j++) {
                double se = Math.sqrt((want[i][i] * want[j][j] + want[i][j] * want[i][j]) / n);
                assertEquals(want[i][j], cov[i][j], 5 * se, "covariance " + i + "," + j);
            }
        }
    }

    private SwagPosterior posterior(SwagMoments m) {
        return posterior(m, 1);
    }

    private SwagPosterior posterior(SwagMoments m, double scale) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put("w", new int[] {m.mean().length});
        return new SwagPosterior(m, new WeightLayout(shapes), b, DType.FLOAT64, Double.NaN, scale);
    }

    private static double[][] mul(double[][] x, double[][] y) {
        int n = x.length;
        int k = y.length;
        int m = y[0].length;
        double[][] r = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < m; j++) {
                    r[i][j] += x[i][p] * y[p][j];
                }
            }
        }
        return r;
    }

    private static double[][] transpose(double[][] x) {
        double[][] r = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                r[j][i] = x[i][j];
            }
        }
        return r;
    }
}
