package dev.credence.models.bnn.laplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.nn.Activation;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.Architecture;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.Mlp;
import dev.credence.models.bnn.Network;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Laplace approximation of a linear-Gaussian model is its exact posterior: {@code N(mu, P^-1)}
 * with {@code P = X'X / s^2 + delta I} and {@code mu = P^-1 X'y / s^2}, and its evidence is the
 * exact marginal likelihood {@code N(y | 0, s^2 I + X X' / delta)}. Checked for the dense and the
 * Kronecker structure (exact for one output), the diagonal against its own closed form, the draws'
 * covariance, and the tuned prior precision against the exact evidence's maximiser.
 */
class LinearModelLaplaceTest {
    private final Backend b = Backends.discover().select("jvm");
    private final int n = 30;
    private final int d = 3;
    private final double sigma = 0.5;
    private final Network net = new Mlp(new Architecture(d, new int[0], Activation.RELU), 1);
    private final Likelihood lik = Likelihood.homoscedastic(1);
    private final double[] xv = RandomKey.of(1).normalDoubles(n * d);
    private final double[] yv = new double[n];
    private final double[][] xt = new double[n][d + 1];

    LinearModelLaplaceTest() {
        double[] noise = RandomKey.of(2).normalDoubles(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xt[i][j] = xv[i * d + j];
            }
            xt[i][d] = 1;
            yv[i] = 0.8 * xt[i][0] - 1.2 * xt[i][1] + 0.3 * xt[i][2] + 0.5 + sigma * noise[i];
        }
    }

    /** {@code X'X / s^2 + delta I}. */
    private double[][] precision(double delta) {
        double[][] p = new double[d + 1][d + 1];
        for (double[] r : xt) {
            for (int a = 0; a <= d; a++) {
                for (int c = 0; c <= d; c++) {
                    p[a][c] += r[a] * r[c] / (sigma * sigma);
                }
            }
        }
        for (int a = 0; a <= d; a++) {
            p[a][a] += delta;
        }
        return p;
    }

    private double[] mean(double delta) {
        double[] rhs = new double[d + 1];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a <= d; a++) {
                rhs[a] += xt[i][a] * yv[i] / (sigma * sigma);
            }
        }
        return Dense.solve(precision(delta), rhs);
    }

    /** {@code log N(y | 0, s^2 I + X X' / delta)}. */
    private double exactEvidence(double delta) {
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int a = 0; a <= d; a++) {
                    dot += xt[i][a] * xt[j][a];
                }
                c[i][j] = dot / delta + (i == j ? sigma * sigma : 0);
            }
        }
        double[] alpha = Dense.solve(c, yv);
        double quad = 0;
        for (int i = 0; i < n; i++) {
            quad += yv[i] * alpha[i];
        }
        return -0.5 * quad - 0.5 * Dense.logDet(c) - 0.5 * n * Math.log(2 * Math.PI);
    }

    private LaplacePosterior fit(double delta, double at, LaplaceSettings.Structure st) {
        double[] mu = mean(at);
        Map<String, Tensor> w = new LinkedHashMap<>();
        w.put("0.weight", Tensor.of(b, new double[] {mu[0], mu[1], mu[2]}, d, 1));
        w.put("0.bias", Tensor.of(b, new double[] {mu[3]}, 1));
        Tensor x = Tensor.of(b, xv, n, d);
        Tensor y = Tensor.of(b, yv, n);
        LaplaceSettings s =
                new LaplaceSettings(LaplaceSettings.Subset.LAST_LAYER, st, delta, true, 7);
        return Laplace.fit(net, lik, w, sigma, x, y, s, RandomKey.of(3));
    }

    @ParameterizedTest
    @EnumSource(
            value = LaplaceSettings.Structure.class,
            names = {"FULL", "KFAC"})
    @DisplayName("evidence and predictive covariance equal the exact linear-Gaussian ones")
    void exactPosterior(LaplaceSettings.Structure st) {
        double delta = 0.7;
        LaplacePosterior post = fit(delta, delta, st);
        assertEquals(exactEvidence(delta), post.logEvidence(delta), 1e-8, st + ": evidence");
        assertEquals(
                exactEvidence(3.0), fit(3.0, 3.0, st).logEvidence(3.0), 1e-8, st + ": evidence");
        double[][] cov = Dense.inverse(precision(delta));
        double[] probe = {0.3, -1.1, 2.0, 1, -0.5, 0.4, 0.9, 1};
        Tensor rows = Tensor.of(b, probe, 2, d + 1);
        double[] got = post.curvatures().get(0).outputCovariance(rows, delta).toDoubleArray();
        for (int k = 0; k < 2; k++) {
            double want = 0;
            for (int a = 0; a <= d; a++) {
                for (int c = 0; c <= d; c++) {
                    want += probe[k * 4 + a] * cov[a][c] * probe[k * 4 + c];
                }
            }
            assertEquals(want, got[k], 1e-10, st + ": output variance " + k);
        }
    }

    @Test
    @DisplayName("the diagonal structure keeps the diagonal of the exact precision")
    void diagonal() {
        double delta = 0.7;
        LaplacePosterior post = fit(delta, delta, LaplaceSettings.Structure.DIAGONAL);
        double[][] p = precision(delta);
        double[] probe = {0.3, -1.1, 2.0, 1};
        double want = 0;
        double logDet = 0;
        for (int a = 0; a <= d; a++) {
            want += probe[a] * probe[a] / p[a][a];
            logDet += Math.log(p[a][a]);
        }
        Tensor rows = Tensor.of(b, probe, 1, d + 1);
        assertEquals(want, post.curvatures().get(0).outputCovariance(rows, delta).item(), 1e-10);
        assertEquals(logDet, post.curvatures().get(0).logDet(delta), 1e-10);
    }

    @Test
    @DisplayName("draws have the exact posterior mean and covariance")
    void draws() {
        double delta = 0.7;
        LaplacePosterior post = fit(delta, delta, LaplaceSettings.Structure.FULL);
        int m = 20000;
        Map<String, Tensor> s = post.sample(RandomKey.of(9), m);
        double[] w = s.get("0.weight").toDoubleArray();
        double[] bias = s.get("0.bias").toDoubleArray();
        double[] mu = mean(delta);
        double[][] cov = Dense.inverse(precision(delta));
        double[][] v = new double[m][];
        for (int i = 0; i < m; i++) {
            v[i] = new double[] {w[i * 3], w[i * 3 + 1], w[i * 3 + 2], bias[i]};
        }
        for (int a = 0; a <= d; a++) {
            double mean = 0;
            for (double[] r : v) {
                mean += r[a] / m;
            }
            assertEquals(mu[a], mean, 5 * Math.sqrt(cov[a][a] / m), "mean " + a);
            for (int c = 0; c <= d; c++) {
                double sum = 0;
                for (double[] r : v) {
                    sum += (r[a] - mu[a]) * (r[c] - mu[c]) / m;
                }
                double se = Math.sqrt((cov[a][a] * cov[c][c] + cov[a][c] * cov[a][c]) / m);
                assertEquals(cov[a][c], sum, 5 * se, "covariance " + a + "," + c);
            }
        }
    }

    @Test
    @DisplayName("the tuned prior precision maximises the exact evidence (and its own, on a grid)")
    void tuning() {
        // The exact evidence's maximiser, by a fine grid over log delta.
        double best = Double.NEGATIVE_INFINITY;
        double argmax = 0;
        for (int i = 0; i <= 8000; i++) {
            double t = Math.log(1e-3) + i * (Math.log(1e3) - Math.log(1e-3)) / 8000;
            double e = exactEvidence(Math.exp(t));
            if (e > best) {
                best = e;
                argmax = t;
            }
        }
        LaplacePosterior post = fit(Double.NaN, Math.exp(argmax), LaplaceSettings.Structure.FULL);
        double tuned = Math.log(post.priorPrecisions()[0]);
        double cell = (Math.log(1e3) - Math.log(1e-3)) / 8000;
        assertTrue(
                Math.abs(tuned - argmax) < 2 * cell,
                "tuned log delta " + tuned + ", exact evidence maximised at " + argmax);
        double own = Double.NEGATIVE_INFINITY;
        double ownArg = 0;
        for (int i = 0; i <= 8000; i++) {
            double t = Math.log(1e-3) + i * cell;
            double e = post.logEvidence(Math.exp(t));
            if (e > own) {
                own = e;
                ownArg = t;
            }
        }
        assertTrue(Math.abs(tuned - ownArg) < 2 * cell, "grid maximum of the Laplace evidence");
        assertTrue(
                post.logEvidence(post.priorPrecisions()[0]) >= own - 1e-9,
                "no grid point is better");
    }
}
