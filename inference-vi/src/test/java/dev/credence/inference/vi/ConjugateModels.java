package dev.credence.inference.vi;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;

/**
 * Bayesian linear regression with known noise, whose posterior is Gaussian in closed form:
 *
 * <pre>
 * w ~ Normal(0, tau I_d),   y_n ~ Normal(x_n . w, sigma),   n = 1..N
 * posterior precision  P = I / tau^2 + X^T X / sigma^2,   mean  m = P^-1 X^T y / sigma^2
 * log p(y) = log Normal(y; 0, tau^2 X X^T + sigma^2 I)
 * </pre>
 *
 * The design has correlated columns, so the posterior is correlated and a mean-field guide cannot
 * represent it, while a full-rank one can exactly. The data are fixed numbers (from a deterministic
 * formula), not random draws, so the oracle is exact.
 */
final class ConjugateModels {
    final Backend b;
    final int n;
    final int d;
    final double tau;
    final double sigma;
    final double[][] x;
    final double[] y;
    final Tensor xt;
    final Tensor yt;

    ConjugateModels(Backend b, int n, double tau, double sigma) {
        this.b = b;
        this.n = n;
        this.d = 2;
        this.tau = tau;
        this.sigma = sigma;
        this.x = new double[n][d];
        this.y = new double[n];
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            double u = Math.sin(1.7 * i + 0.3);
            double v = 0.8 * u + 0.6 * Math.cos(2.9 * i + 1.1);
            x[i][0] = u;
            x[i][1] = v;
            y[i] = 1.5 * u - 0.7 * v + 0.5 * Math.sin(5.3 * i);
            flat[i * d] = u;
            flat[i * d + 1] = v;
        }
        this.xt = Tensor.of(b, flat, n, d);
        this.yt = Tensor.of(b, y, n);
    }

    /** The model; with {@code batch < n} its likelihood plate subsamples. */
    Model model(int batch) {
        return ctx -> {
            Tensor w =
                    ctx.sample(
                            "w",
                            new Independent(
                                    new Normal(
                                            Tensor.zeros(b, yt.dtype(), d),
                                            Tensor.full(b, tau, yt.dtype(), d)),
                                    1));
            try (Plate p = ctx.plate("data", n, batch)) {
                Tensor xb = p.subsample(xt, 0);
                Tensor yb = p.subsample(yt, 0);
                ctx.observe("y", new Normal(xb.matmul(w), yb.scalarLike(sigma)), yb);
            }
        };
    }

    double[][] posteriorPrecision() {
        double[][] p = new double[d][d];
        for (int i = 0; i < d; i++) {
            p[i][i] = 1 / (tau * tau);
        }
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    p[i][j] += row[i] * row[j] / (sigma * sigma);
                }
            }
        }
        return p;
    }

    double[][] posteriorCovariance() {
        Tensor l = LinearAlgebra.checkedCholesky(matrix(posteriorPrecision()));
        return rows(LinearAlgebra.choleskyInverse(l));
    }

    double[] posteriorMean() {
        double[][] cov = posteriorCovariance();
        double[] xty = new double[d];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) {
                xty[i] += x[k][i] * y[k] / (sigma * sigma);
            }
        }
        double[] m = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i] += cov[i][j] * xty[j];
            }
        }
        return m;
    }

    /** The exact log marginal likelihood, log N(y; 0, tau^2 X X^T + sigma^2 I). */
    double logEvidence() {
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += x[i][k] * x[j][k];
                }
                c[i][j] = tau * tau * dot + (i == j ? sigma * sigma : 0);
            }
        }
        Tensor l = LinearAlgebra.checkedCholesky(matrix(c));
        Tensor z = LinearAlgebra.triangularSolve(l, Tensor.of(b, y, n), true, false);
        double logDet = LinearAlgebra.choleskyLogDet(l).item() / 2;
        double q = z.square().sum().item();
        return -0.5 * q - logDet - 0.5 * n * Math.log(2 * Math.PI);
    }

    private Tensor matrix(double[][] m) {
        int k = m.length;
        double[] flat = new double[k * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(m[i], 0, flat, i * k, k);
        }
        return Tensor.of(b, flat, k, k);
    }

    private static double[][] rows(Tensor m) {
        int k = m.dim(0);
        double[] flat = m.toDoubleArray();
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(flat, i * k, out[i], 0, k);
        }
        return out;
    }
}
